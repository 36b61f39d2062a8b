// SPDX-License-Identifier: MIT
#include "credentials/Netrc.h"

#include "TestConfig.h"

#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

using Kind = NetrcError::Kind;

// The parser against what real and hostile ~/.netrc files contain. Every
// password in an error row contains "SECRET", and no error message may.
class TstNetrc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesEntries_data();
    void parsesEntries();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void skipsMacroBodies();
    void readsFixtures_data();
    void readsFixtures();
    void refusesHugeInput();
    void parsesManyEntries();
    void survivesRandomBytes();
};

void TstNetrc::parsesEntries_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("machine");
    QTest::addColumn<bool>("found");
    QTest::addColumn<bool>("hasPassword");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("entryCount");

    const QString host = QStringLiteral("api.heroku.com");
    QTest::newRow("empty file") << QByteArray() << host << false << false << QString() << QString() << 0 << 0;
    QTest::newRow("only blanks and comments") << QByteArray("\n  \n# machine api.heroku.com password x\n\t\n")
                                              << host << false << false << QString() << QString() << 0 << 0;
    QTest::newRow("one line") << QByteArray("machine api.heroku.com login a@b.c password tok1") << host
                              << true << true << QStringLiteral("a@b.c") << QStringLiteral("tok1") << 1 << 1;
    QTest::newRow("tokens split over lines")
        << QByteArray("\n\nmachine\napi.heroku.com\n login\n  a@b.c\npassword\n\ttok2\n") << host << true
        << true << QStringLiteral("a@b.c") << QStringLiteral("tok2") << 3 << 1;
    QTest::newRow("CRLF") << QByteArray("machine api.heroku.com\r\n login a@b.c\r\n password tok3\r\n")
                          << host << true << true << QStringLiteral("a@b.c") << QStringLiteral("tok3") << 1
                          << 1;
    QTest::newRow("quoted with space and escapes")
        << QByteArray(R"(machine api.heroku.com login "a b" password "pa ss\"wo\\rd\t")") << host << true
        << true << QStringLiteral("a b") << QStringLiteral("pa ss\"wo\\rd\t") << 1 << 1;
    QTest::newRow("hash inside a token is not a comment")
        << QByteArray("machine api.heroku.com password abc#def # real comment\n") << host << true << true
        << QString() << QStringLiteral("abc#def") << 1 << 1;
    QTest::newRow("machine without password")
        << QByteArray("machine api.heroku.com login a@b.c\nmachine x password y\n") << host << true << false
        << QStringLiteral("a@b.c") << QString() << 1 << 2;
    QTest::newRow("machine without login") << QByteArray("machine api.heroku.com password tok4\n") << host
                                           << true << true << QString() << QStringLiteral("tok4") << 1 << 1;
    QTest::newRow("duplicate machine: first wins")
        << QByteArray("machine api.heroku.com password first\nmachine api.heroku.com password second\n")
        << host << true << true << QString() << QStringLiteral("first") << 1 << 2;
    QTest::newRow("host compared case-insensitively")
        << QByteArray("machine API.Heroku.COM password tok5\n") << host << true << true << QString()
        << QStringLiteral("tok5") << 1 << 1;
    QTest::newRow("keywords case-insensitive")
        << QByteArray("MACHINE api.heroku.com PASSWORD tok6\n") << host << true << true << QString()
        << QStringLiteral("tok6") << 1 << 1;
    QTest::newRow("quoted keyword is a value")
        << QByteArray("machine api.heroku.com password \"machine\"\n") << host << true << true << QString()
        << QStringLiteral("machine") << 1 << 1;
    QTest::newRow("default is not a machine") << QByteArray("default login me password anything\n") << host
                                              << false << false << QString() << QString() << 0 << 1;
    QTest::newRow("other host only") << QByteArray("machine git.heroku.com password tok7\n") << host << false
                                     << false << QString() << QString() << 0 << 1;
    QTest::newRow("UTF-8 password") << QByteArray("machine api.heroku.com password \xc3\xa9t\xc3\xa9\n")
                                    << host << true << true << QString() << QStringLiteral("\u00e9t\u00e9")
                                    << 1 << 1;
}

void TstNetrc::parsesEntries()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, machine);
    QFETCH(bool, found);
    QFETCH(bool, hasPassword);
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(int, line);
    QFETCH(int, entryCount);

    const Netrc netrc = Netrc::parse(input);
    QVERIFY2(netrc.isValid(), qPrintable(netrc.error().message));
    QCOMPARE(netrc.entries().size(), entryCount);
    const NetrcEntry *entry = netrc.find(machine);
    QCOMPARE(entry != nullptr, found);
    if (!entry)
        return;
    QCOMPARE(entry->hasPassword, hasPassword);
    QCOMPARE(entry->login, login);
    QVERIFY(entry->password.reveal() == password);
    QCOMPARE(entry->line, line);
}

void TstNetrc::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("line");

    QTest::newRow("unterminated quote")
        << QByteArray("machine a\n password \"SECRET never closed\nmachine b\n")
        << int(Kind::UnterminatedQuote) << 2;
    QTest::newRow("keyword without value at end")
        << QByteArray("machine api.heroku.com\nlogin") << int(Kind::MissingValue) << 2;
    QTest::newRow("unquoted password with a space")
        << QByteArray("machine api.heroku.com\n  password my SECRETword\n") << int(Kind::UnexpectedToken)
        << 2;
    QTest::newRow("field before any machine")
        << QByteArray("# header\nlogin me password SECRET1\nmachine a\n") << int(Kind::FieldOutsideEntry)
        << 2;
    QTest::newRow("garbage words") << QByteArray("this is not a netrc file SECRET\n")
                                   << int(Kind::UnexpectedToken) << 1;
    QTest::newRow("NUL byte") << QByteArray("machine a password SECRET\n\0\0binary", 32)
                              << int(Kind::BinaryData) << 2;
    QTest::newRow("control byte inside a quote")
        << QByteArray("machine a password \"SEC\x01RET\"\n") << int(Kind::BinaryData) << 1;
    QTest::newRow("PNG header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR SECRET", 24)
                                << int(Kind::UnexpectedToken) << 1;
}

void TstNetrc::rejectsMalformed()
{
    QFETCH(QByteArray, input);
    QFETCH(int, kind);
    QFETCH(int, line);

    const Netrc netrc = Netrc::parse(input);
    QVERIFY(!netrc.isValid());
    QCOMPARE(int(netrc.error().kind), kind);
    QCOMPARE(netrc.error().line, line);
    QVERIFY(!netrc.error().message.isEmpty());
    QVERIFY2(!netrc.error().message.contains(QStringLiteral("SECRET")), qPrintable(netrc.error().message));
    // Strict: nothing from a broken file is used.
    QVERIFY(netrc.entries().isEmpty());
    QVERIFY(netrc.error().describe(QStringLiteral("~/.netrc")).startsWith(QStringLiteral("~/.netrc line ")));
}

void TstNetrc::skipsMacroBodies()
{
    const QByteArray input("machine ftp.example.org login a password b\n"
                           "macdef init\n"
                           "machine api.heroku.com password from-macro\n"
                           "password \"unterminated\n"
                           "\n"
                           "machine api.heroku.com password real\n"
                           "macdef tail\r\n"
                           "machine git.heroku.com password also-macro\r\n");
    const Netrc netrc = Netrc::parse(input);
    QVERIFY2(netrc.isValid(), qPrintable(netrc.error().message));
    QCOMPARE(netrc.entries().size(), 2);
    QVERIFY(netrc.find(QStringLiteral("api.heroku.com"))->password.reveal() == QStringLiteral("real"));
    QCOMPARE(netrc.find(QStringLiteral("api.heroku.com"))->line, 6);
    QVERIFY(!netrc.find(QStringLiteral("git.heroku.com")));
    QVERIFY(netrc.endsInMacroBody());
    QCOMPARE(netrc.lineEnding(), QByteArray("\r\n"));

    // A CRLF empty line ends the macro as well.
    const Netrc crlf = Netrc::parse("macdef m\r\nbody line\r\n\r\nmachine h password p\r\n");
    QVERIFY(crlf.isValid());
    QVERIFY(crlf.find(QStringLiteral("h")));
    QVERIFY(!crlf.endsInMacroBody());
}

void TstNetrc::readsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("line");

    QTest::newRow("heroku cli api") << QStringLiteral("heroku-cli.netrc") << QStringLiteral("api.heroku.com")
                                    << QStringLiteral("dev@example.com")
                                    << QStringLiteral("01234567-89ab-cdef-0123-456789abcdef") << 1;
    QTest::newRow("heroku cli git") << QStringLiteral("heroku-cli.netrc") << QStringLiteral("git.heroku.com")
                                    << QStringLiteral("dev@example.com")
                                    << QStringLiteral("01234567-89ab-cdef-0123-456789abcdef") << 4;
    QTest::newRow("mixed quoted, first of duplicates")
        << QStringLiteral("mixed.netrc") << QStringLiteral("api.heroku.com")
        << QStringLiteral("dev@example.com") << QStringLiteral("tok\"en with space") << 13;
    QTest::newRow("mixed hash in password")
        << QStringLiteral("mixed.netrc") << QStringLiteral("build.example.org") << QStringLiteral("ci")
        << QStringLiteral("s3cret#notacomment") << 4;
    QTest::newRow("mixed quoted with trailing comment")
        << QStringLiteral("mixed.netrc") << QStringLiteral("ftp.example.org") << QStringLiteral("anonymous")
        << QStringLiteral("guest pass") << 2;
    QTest::newRow("crlf") << QStringLiteral("crlf.netrc") << QStringLiteral("api.heroku.com")
                          << QStringLiteral("dev@example.com") << QStringLiteral("crlf-token-1234") << 1;
}

void TstNetrc::readsFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, machine);
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(int, line);

    QFile f(QStringLiteral(CLEARDB_TEST_DATA_DIR "/netrc/") + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Netrc netrc = Netrc::parse(f.readAll());
    QVERIFY2(netrc.isValid(), qPrintable(netrc.error().describe(file)));
    const NetrcEntry *entry = netrc.find(machine);
    QVERIFY(entry);
    QCOMPARE(entry->login, login);
    QVERIFY(entry->password.reveal() == password);
    QCOMPARE(entry->line, line);
    QVERIFY(!netrc.find(QStringLiteral("this.line.is.macro.body")));
}

void TstNetrc::refusesHugeInput()
{
    const Netrc netrc = Netrc::parse(QByteArray(Netrc::MaximumSize + 1, ' '));
    QCOMPARE(netrc.error().kind, Kind::TooLarge);
}

void TstNetrc::parsesManyEntries()
{
    QByteArray input;
    for (int i = 0; i < 10000; ++i)
        input += "machine host" + QByteArray::number(i) + ".example.com login u password p" +
                 QByteArray::number(i) + "\n";
    QVERIFY(input.size() < Netrc::MaximumSize);
    const Netrc netrc = Netrc::parse(input);
    QVERIFY(netrc.isValid());
    QCOMPARE(netrc.entries().size(), 10000);
    QVERIFY(netrc.find(QStringLiteral("host9999.example.com"))->password.reveal() == QStringLiteral("p9999"));
    QCOMPARE(netrc.find(QStringLiteral("host9999.example.com"))->line, 10000);
}

void TstNetrc::survivesRandomBytes()
{
    // Whatever the bytes, the parser ends with either an error or entries whose
    // spans lie inside the input (the editor relies on them).
    QRandomGenerator random(20261125);
    const QByteArray alphabet("machine login password account macdef default \"\\#\n\r\t abc\0\x01\xff", 52);
    for (int round = 0; round < 2000; ++round) {
        QByteArray input;
        const int length = random.bounded(200);
        for (int i = 0; i < length; ++i)
            input += alphabet.at(random.bounded(alphabet.size()));
        const Netrc netrc = Netrc::parse(input);
        for (const NetrcEntry &entry : netrc.entries()) {
            QVERIFY(entry.start >= 0 && entry.start <= entry.fieldsEnd && entry.fieldsEnd <= entry.end);
            QVERIFY(entry.end <= input.size());
            if (entry.hasPassword)
                QVERIFY(entry.passwordValue.end <= input.size());
        }
    }
}

QTEST_GUILESS_MAIN(TstNetrc)
#include "tst_netrc.moc"
