// SPDX-License-Identifier: MIT
// Secrets stay off the command line (where /proc/PID/cmdline shows them to every local user):
// `probe`, `url parse|snippet` take the URL as `-` (stdin) or `env:NAME`, `set` takes `VAR=-` and
// `VAR=env:NAME`; the literal form still works but warns, in one line, without quoting the secret.
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimProcess.h"
#include "SimRequestLog.h"

#include <QJsonObject>
#include <QTest>

using namespace CtlTest;

namespace {
const QString Password = QStringLiteral("ArgPw-8127");
const QString Url = QStringLiteral("mysql://argu:ArgPw-8127@db.example.com:3307/appdb?reconnect=true");
// Nothing listens on port 1 of the loopback: a probe of it fails at TCP, after its argument was accepted.
const QString ClosedUrl = QStringLiteral("mysql://argu:ArgPw-8127@127.0.0.1:1/appdb");
const QString App = SimProcess::appName(2);

int warningLines(const CtlProcess::Run &run)
{
    int count = 0;
    for (const QString &line : run.err.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("warning:")))
            ++count;
    }
    return count;
}
} // namespace

class TestCleardbctlSecretArgs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void urlFromStdin();
    void urlFromEnvironment();
    void missingSourcesAreUsageErrors_data();
    void missingSourcesAreUsageErrors();
    void literalUrlWarns();
    void probeTakesStdinAndEnvironment();
    void setTakesStdinAndEnvironment();
    void setLiteralSecretWarns();
    void helpRecommendsTheSafeForms();

private:
    SimProcess m_sim;
    CtlProcess *m_ctl = nullptr;
};

void TestCleardbctlSecretArgs::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    m_ctl = new CtlProcess(m_sim);
    m_ctl->environment().insert(QStringLiteral("MY_DB_URL"), Url);
    m_ctl->environment().insert(QStringLiteral("MY_CLOSED_URL"), ClosedUrl);
    m_ctl->environment().remove(QStringLiteral("NOT_SET_ANYWHERE"));
}

void TestCleardbctlSecretArgs::cleanupTestCase()
{
    QVERIFY2(m_ctl->tokenNeverPrinted(), "a cleardbctl run printed the API token");
    delete m_ctl;
}

void TestCleardbctlSecretArgs::urlFromStdin()
{
    const auto masked = m_ctl->run(args("url", "parse", "-"), Url.toUtf8() + '\n');
    QCOMPARE(masked.exitCode, 0);
    QVERIFY2(masked.out.contains(QStringLiteral("db.example.com")), qPrintable(masked.out + masked.err));
    QVERIFY(masked.out.contains(QStringLiteral("3307")));
    QVERIFY(!masked.out.contains(Password));
    QVERIFY2(masked.err.isEmpty(), qPrintable(masked.err));

    // --reveal proves the password itself came through stdin.
    const auto revealed = m_ctl->run(args("--json", "url", "parse", "-", "--reveal"), Url.toUtf8());
    QCOMPARE(revealed.exitCode, 0);
    QCOMPARE(parseJson(revealed.out).object().value(QStringLiteral("password")).toString(), Password);

    const auto snippet =
        m_ctl->run(args("url", "snippet", "--framework", "django", "-"), Url.toUtf8() + '\n');
    QCOMPARE(snippet.exitCode, 0);
    QVERIFY2(snippet.out.contains(QStringLiteral("db.example.com")), qPrintable(snippet.out + snippet.err));
    QVERIFY(snippet.err.isEmpty());
}

void TestCleardbctlSecretArgs::urlFromEnvironment()
{
    const auto revealed = m_ctl->run(args("--json", "url", "parse", "env:MY_DB_URL", "--reveal"));
    QCOMPARE(revealed.exitCode, 0);
    const QJsonObject parts = parseJson(revealed.out).object();
    QCOMPARE(parts.value(QStringLiteral("password")).toString(), Password);
    QCOMPARE(parts.value(QStringLiteral("host")).toString(), QStringLiteral("db.example.com"));
    QVERIFY2(revealed.err.isEmpty(), qPrintable(revealed.err));

    const auto snippet = m_ctl->run(args("url", "snippet", "--framework", "rails", "env:MY_DB_URL"));
    QCOMPARE(snippet.exitCode, 0);
    QVERIFY(snippet.out.contains(QStringLiteral("db.example.com")));
    QVERIFY(!snippet.out.contains(Password));
}

void TestCleardbctlSecretArgs::missingSourcesAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("url parse, unset variable")
        << args("url", "parse", "env:NOT_SET_ANYWHERE") << S("NOT_SET_ANYWHERE");
    QTest::newRow("url parse, empty stdin") << args("url", "parse", "-") << S("stdin");
    QTest::newRow("probe, unset variable") << args("probe", "env:NOT_SET_ANYWHERE") << S("NOT_SET_ANYWHERE");
    QTest::newRow("monitor, unset variable")
        << args("monitor", "env:NOT_SET_ANYWHERE") << S("NOT_SET_ANYWHERE");
    QTest::newRow("set, unset variable")
        << args("set", "--app", App, "X_URL=env:NOT_SET_ANYWHERE") << S("NOT_SET_ANYWHERE");
    QTest::newRow("set, stdin twice") << args("set", "--app", App, "A=-", "B=-") << S("stdin");
    QTest::newRow("env: without a name") << args("url", "parse", "env:") << S("env:NAME");
}

void TestCleardbctlSecretArgs::missingSourcesAreUsageErrors()
{
    QFETCH(QStringList, command);
    QFETCH(QString, fragment);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run(command);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errLine().contains(fragment), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
}

void TestCleardbctlSecretArgs::literalUrlWarns()
{
    const auto run = m_ctl->run(args("url", "parse", Url));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(warningLines(run), 1);
    QVERIFY2(run.err.contains(QStringLiteral("process list")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("env:NAME")), qPrintable(run.err));
    QVERIFY(!run.err.contains(Password));
    QVERIFY(!run.out.contains(Password));

    // Without a password there is nothing to hide.
    const auto plain = m_ctl->run(args("url", "parse", "mysql://argu@db.example.com/appdb"));
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(warningLines(plain), 0);
}

void TestCleardbctlSecretArgs::probeTakesStdinAndEnvironment()
{
    struct Case
    {
        QStringList command;
        QByteArray input;
        int warnings;
    };
    const QList<Case> cases = {{args("probe", "-", "--timeout", "2000"), ClosedUrl.toUtf8() + '\n', 0},
                               {args("probe", "env:MY_CLOSED_URL", "--timeout", "2000"), QByteArray(), 0},
                               {args("probe", ClosedUrl, "--timeout", "2000"), QByteArray(), 1}};
    for (const Case &c : cases) {
        const auto run = m_ctl->run(c.command, c.input);
        // 1, not 2: the URL was accepted and probed; the closed port fails the probe itself.
        QVERIFY2(run.exitCode == 1, qPrintable(QString::number(run.exitCode) + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("127.0.0.1:1/appdb")), qPrintable(run.out));
        QCOMPARE(warningLines(run), c.warnings);
        QVERIFY(!run.out.contains(Password) && !run.err.contains(Password));
    }
}

void TestCleardbctlSecretArgs::setTakesStdinAndEnvironment()
{
    const auto set = m_ctl->run(args("set", "--app", App, "DB_PASS=-", "SECOND_URL=env:MY_DB_URL"),
                                QByteArray("Stdin Pw-5521\n"));
    QCOMPARE(set.exitCode, 0);
    QVERIFY2(set.err.isEmpty(), qPrintable(set.err));
    QVERIFY(!set.out.contains(QStringLiteral("Stdin Pw-5521")) && !set.out.contains(Password));

    const QJsonObject vars =
        parseJson(m_ctl->run(args("--json", "config", "--app", App, "--reveal")).out).object();
    // One line ending is dropped; inner spaces are the value's own.
    QCOMPARE(vars.value(QStringLiteral("DB_PASS")).toString(), QStringLiteral("Stdin Pw-5521"));
    QCOMPARE(vars.value(QStringLiteral("SECOND_URL")).toString(), Url);
}

void TestCleardbctlSecretArgs::setLiteralSecretWarns()
{
    const auto secret = m_ctl->run(args("set", "--app", App, "DB_PASS=LiteralPw-3390", "GREETING=hello"));
    QCOMPARE(secret.exitCode, 0);
    QCOMPARE(warningLines(secret), 1);
    QVERIFY2(secret.err.contains(QStringLiteral("DB_PASS")) &&
                 secret.err.contains(QStringLiteral("process list")),
             qPrintable(secret.err));
    QVERIFY(!secret.err.contains(QStringLiteral("LiteralPw-3390")));
    QVERIFY(!secret.out.contains(QStringLiteral("LiteralPw-3390")));

    const auto plain = m_ctl->run(args("set", "--app", App, "GREETING=hi"));
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(warningLines(plain), 0);
}

void TestCleardbctlSecretArgs::helpRecommendsTheSafeForms()
{
    for (const char *command : {"url", "probe", "set"}) {
        const auto help = m_ctl->run(args(command, "--help"));
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("env:")), command);
        QVERIFY2(!help.out.contains(QStringLiteral("\"$CLEARDB_DATABASE_URL\"")), command);
    }
}

QTEST_GUILESS_MAIN(TestCleardbctlSecretArgs)
#include "tst_cleardbctl_secretargs.moc"
