// SPDX-License-Identifier: MIT
#include "credentials/NetrcEditor.h"

#include "TestConfig.h"

#include <QFile>
#include <QtTest>

// Login and logout rewrite one machine and must leave every other byte of the
// user's file alone.
class TstNetrcEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setsCredentials_data();
    void setsCredentials();
    void removesMachine_data();
    void removesMachine();
    void addThenRemoveRestoresFixtures_data();
    void addThenRemoveRestoresFixtures();
    void encodedTokensRoundTrip_data();
    void encodedTokensRoundTrip();
};

void TstNetrcEditor::setsCredentials_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray block("machine api.heroku.com\n  login new@x.io\n  password NEWTOKEN\n");
    QTest::newRow("empty file") << QByteArray() << block;
    QTest::newRow("appends after other machines")
        << QByteArray("# mine\nmachine a login b password c\n")
        << QByteArray("# mine\nmachine a login b password c\n") + block;
    QTest::newRow("adds the missing final newline")
        << QByteArray("machine a password c") << QByteArray("machine a password c\n") + block;
    QTest::newRow("replaces values in place, keeps comments and layout")
        << QByteArray("# top\nmachine api.heroku.com # hi\n\tlogin old@x.io   # was\n\tpassword \"old "
                      "token\"\n# end\n")
        << QByteArray(
               "# top\nmachine api.heroku.com # hi\n\tlogin new@x.io   # was\n\tpassword NEWTOKEN\n# end\n");
    QTest::newRow("adds missing fields to the existing entry")
        << QByteArray("machine api.heroku.com account acme\nmachine z password q\n")
        << QByteArray("machine api.heroku.com account acme login new@x.io password NEWTOKEN\nmachine z "
                      "password q\n");
    QTest::newRow("updates only the first of duplicates")
        << QByteArray("machine api.heroku.com password one\nmachine api.heroku.com password two\n")
        << QByteArray("machine api.heroku.com password NEWTOKEN login new@x.io\nmachine api.heroku.com "
                      "password two\n");
    QTest::newRow("inserts before default, which must stay last")
        << QByteArray("machine a password b\ndefault login anonymous password guest\n")
        << QByteArray("machine a password b\n") + block + "default login anonymous password guest\n";
    QTest::newRow("ends a trailing macro first")
        << QByteArray("macdef init\ncd /pub\n") << QByteArray("macdef init\ncd /pub\n\n") + block;
    QTest::newRow("keeps CRLF files CRLF") << QByteArray("machine a password b\r\n")
                                           << QByteArray("machine a password b\r\nmachine api.heroku.com\r\n "
                                                         " login new@x.io\r\n  password NEWTOKEN\r\n");
}

void TstNetrcEditor::setsCredentials()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Netrc netrc = Netrc::parse(input);
    QVERIFY(netrc.isValid());
    const QByteArray output = NetrcEditor::withCredentials(
        netrc, QStringLiteral("api.heroku.com"), QStringLiteral("new@x.io"), QStringLiteral("NEWTOKEN"));
    QCOMPARE(output, expected);
    const Netrc reparsed = Netrc::parse(output);
    QVERIFY(reparsed.isValid());
    QVERIFY(reparsed.find(QStringLiteral("api.heroku.com"))->password.reveal() == QStringLiteral("NEWTOKEN"));
    QCOMPARE(reparsed.find(QStringLiteral("api.heroku.com"))->login, QStringLiteral("new@x.io"));
}

void TstNetrcEditor::removesMachine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("Heroku CLI layout, api entry")
        << QByteArray("machine api.heroku.com\n  login a@b.c\n  password t\nmachine git.heroku.com\n  login "
                      "a@b.c\n  "
                      "password t\n")
        << QByteArray("machine git.heroku.com\n  login a@b.c\n  password t\n");
    QTest::newRow("keeps surrounding comments and blank lines")
        << QByteArray("# one\n\nmachine api.heroku.com login a password t\n\n# two\nmachine z password y\n")
        << QByteArray("# one\n\n\n# two\nmachine z password y\n");
    QTest::newRow("all duplicates go")
        << QByteArray("machine api.heroku.com password 1\nmachine x password y\n"
                      "machine api.heroku.com password 2\n")
        << QByteArray("machine x password y\n");
    QTest::newRow("with its macro and the macro's end line")
        << QByteArray("machine api.heroku.com password t\nmacdef m\nbody\n\nmachine x password y\n")
        << QByteArray("machine x password y\n");
    QTest::newRow("shares a line with another entry")
        << QByteArray("machine x password y machine api.heroku.com password t\n")
        << QByteArray("machine x password y \n");
    QTest::newRow("CRLF") << QByteArray("machine api.heroku.com password t\r\nmachine x password y\r\n")
                          << QByteArray("machine x password y\r\n");
    QTest::newRow("absent machine changes nothing")
        << QByteArray("machine x password y\n# c\n") << QByteArray("machine x password y\n# c\n");
    QTest::newRow("default entry is not a machine")
        << QByteArray("default password y\n") << QByteArray("default password y\n");
}

void TstNetrcEditor::removesMachine()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Netrc netrc = Netrc::parse(input);
    QVERIFY(netrc.isValid());
    const QByteArray output = NetrcEditor::withoutMachine(netrc, QStringLiteral("api.heroku.com"));
    QCOMPARE(output, expected);
    QVERIFY(Netrc::parse(output).isValid());
    QVERIFY(!Netrc::parse(output).find(QStringLiteral("api.heroku.com")));
}

void TstNetrcEditor::addThenRemoveRestoresFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("mixed") << QStringLiteral("mixed.netrc");
    QTest::newRow("crlf") << QStringLiteral("crlf.netrc");
    QTest::newRow("heroku-cli") << QStringLiteral("heroku-cli.netrc");
}

void TstNetrcEditor::addThenRemoveRestoresFixtures()
{
    QFETCH(QString, file);
    QFile f(QStringLiteral(CLEARDB_TEST_DATA_DIR "/netrc/") + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray original = f.readAll();
    const QString host = QStringLiteral("sim.example.test");
    const Netrc added = Netrc::parse(NetrcEditor::withCredentials(
        Netrc::parse(original), host, QStringLiteral("me"), QStringLiteral("tok")));
    QVERIFY(added.isValid());
    QVERIFY(added.find(host));
    // Everything that was there is still there, unchanged.
    QVERIFY(added.bytes().startsWith(original.left(original.lastIndexOf("default"))));
    QCOMPARE(NetrcEditor::withoutMachine(added, host), original);
}

void TstNetrcEditor::encodedTokensRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("plain") << QStringLiteral("HRKU-abc_123") << QByteArray("HRKU-abc_123");
    QTest::newRow("space") << QStringLiteral("a b") << QByteArray("\"a b\"");
    QTest::newRow("leading hash") << QStringLiteral("#x") << QByteArray("\"#x\"");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("newline and tab") << QStringLiteral("a\nb\tc") << QByteArray(R"("a\nb\tc")");
    QTest::newRow("empty") << QString() << QByteArray("\"\"");
}

void TstNetrcEditor::encodedTokensRoundTrip()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    QCOMPARE(NetrcEditor::encodeToken(value), encoded);
    const Netrc netrc = Netrc::parse("machine h password " + encoded + "\n");
    QVERIFY(netrc.isValid());
    QVERIFY(netrc.find(QStringLiteral("h"))->password.reveal() == value);
}

QTEST_GUILESS_MAIN(TstNetrcEditor)
#include "tst_netrceditor.moc"
