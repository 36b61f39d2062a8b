// SPDX-License-Identifier: MIT
// `cleardbctl db dump|restore|verify` end to end: the real binary, a real heroku-sim holding the
// databases' URLs as config vars, and two real MariaDB servers (the fixture pair's primary as the
// source, the separate dedicated server as the target), each database owned by its own unprivileged
// user. No run may print a database password, on stdout, stderr or in JSON.
#include "DbTestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace CtlTest;
using namespace DbTestEnv;

class TestCleardbctlDb : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;
    SimProcess m_sim;
    QTemporaryDir m_tmp;
    Side m_src;
    Side m_dst;
    QString m_dump;                                  // the source, dumped once by initTestCase
    const QString m_srcApp = SimProcess::appName(2); // the seeded apps without add-ons
    const QString m_dstApp = SimProcess::appName(3);
    bool m_tokenPrinted = false;
    const QString m_wrong = QStringLiteral("Wrong-db-pw-%1").arg(QCoreApplication::applicationPid());

    // Fails the test when a run printed a password anywhere.
    void checkNoPassword(const CtlProcess::Run &run)
    {
        for (const QString &secret : {m_src.password, m_dst.password, m_wrong}) {
            QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), "a password was printed");
        }
    }
    CtlProcess::Run db(CtlProcess &ctl, const QStringList &args)
    {
        const CtlProcess::Run run = ctl.run(QStringList{QStringLiteral("db")} + args, {}, 60000);
        checkNoPassword(run);
        m_tokenPrinted = m_tokenPrinted || !ctl.tokenNeverPrinted();
        return run;
    }
    QString file(const QString &name) const { return m_tmp.filePath(name); }
    DatabaseEndpoint dedicatedAdmin() const
    {
        DatabaseEndpoint e = m_dst.endpoint();
        e.user = m_status.adminUser;
        e.password = Secret(m_status.adminPassword(SandboxStatus::Endpoint::Dedicated));
        return e;
    }
    void restoreInto(CtlProcess &ctl, const QString &dump, bool replace)
    {
        QStringList args{QStringLiteral("restore"), QStringLiteral("--input"), dump, QStringLiteral("--to"),
                         QStringLiteral("app:") + m_dstApp};
        if (replace)
            args << QStringLiteral("--replace");
        const CtlProcess::Run run = db(ctl, args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning() && m_status.dedicatedRunning, qPrintable(m_status.state));
        QVERIFY(provisionPair(m_status, QStringLiteral("db"), m_src, m_dst));
        const TransferTestDb::SqlRun load = TransferTestDb::sql(
            m_src.endpoint(),
            "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4, note TEXT);"
            "INSERT INTO customers VALUES (1, 'Zoë', NULL), (2, '', 'x'), (3, 'c', 'a\\tb');"
            "CREATE TABLE `order lines` (customer INT, amount DECIMAL(65,30), FOREIGN KEY (customer) "
            "REFERENCES customers (id)) ENGINE=InnoDB;"
            "INSERT INTO `order lines` VALUES (1, 1.5), (1, -2), (3, 0);"
            "CREATE VIEW named AS SELECT id, name FROM customers WHERE name <> '';");
        QVERIFY2(load.exitCode == 0, load.err.constData());
        QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("4")}),
                 qPrintable(m_sim.errorString()));
        QVERIFY(setConfigVars(m_sim, m_srcApp,
                              {{QStringLiteral("CLEARDB_DATABASE_URL"), m_src.url()},
                               {QStringLiteral("TARGET_URL"), m_dst.url()},
                               {QStringLiteral("BROKEN_URL"), QStringLiteral("mysql://u@:99999/db")}}));
        QVERIFY(setConfigVars(m_sim, m_dstApp, {{QStringLiteral("CLEARDB_DATABASE_URL"), m_dst.url()}}));
        CtlProcess ctl(m_sim);
        m_dump = file(QStringLiteral("source.sql"));
        const CtlProcess::Run dumped =
            db(ctl, {QStringLiteral("dump"), QStringLiteral("--from"), QStringLiteral("app:") + m_srcApp,
                     QStringLiteral("--output"), m_dump});
        QVERIFY2(dumped.exitCode == 0, qPrintable(dumped.err));
    }

    void init() { QVERIFY(clear(m_dst)); }
    void cleanup() { QVERIFY2(!m_tokenPrinted, "the API token was printed"); }

    void roundTripThroughAppSpecs()
    {
        CtlProcess ctl(m_sim);
        const QString dump = file(QStringLiteral("round.sql.gz"));
        const CtlProcess::Run dumped =
            db(ctl, {QStringLiteral("dump"), QStringLiteral("--from"), QStringLiteral("app:") + m_srcApp,
                     QStringLiteral("--output"), dump});
        QVERIFY2(dumped.exitCode == 0, qPrintable(dumped.err));
        QVERIFY2(dumped.out.startsWith(QStringLiteral("Dumped ctldb_src_u@")), qPrintable(dumped.out));
        QVERIFY(dumped.out.contains(QStringLiteral("2 tables")));
        QVERIFY(dumped.out.contains(QStringLiteral("1 definers removed")));
        QFile gz(dump);
        QVERIFY(gz.open(QIODevice::ReadOnly));
        QCOMPARE(gz.read(2), QByteArray("\x1f\x8b")); // gzip, as the name asks
        restoreInto(ctl, dump, false);
        // Premise: the target now holds the source's rows.
        QCOMPARE(TransferTestDb::rows(m_dst.endpoint(), "SELECT name FROM customers WHERE id = 1").value(0),
                 QByteArrayList{"Zoë"});
        const CtlProcess::Run verified =
            db(ctl, {QStringLiteral("verify"), QStringLiteral("--from"), QStringLiteral("app:") + m_srcApp,
                     QStringLiteral("--to"), QStringLiteral("app:%1/TARGET_URL").arg(m_srcApp)});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        QVERIFY2(verified.out.startsWith(QStringLiteral("Identical: ")), qPrintable(verified.out));
        QVERIFY(!verified.err.contains(QStringLiteral("warning")));
    }

    void jsonLinesEndWithTheSummary()
    {
        CtlProcess ctl(m_sim);
        const QString dump = file(QStringLiteral("json.sql"));
        CtlProcess::Run run =
            db(ctl, {QStringLiteral("dump"), QStringLiteral("--json"), QStringLiteral("--from"),
                     QStringLiteral("app:") + m_srcApp, QStringLiteral("--output"), dump});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QList<QJsonObject> lines = jsonLines(run.out);
        QVERIFY(!lines.isEmpty());
        QJsonObject summary = lines.last();
        QCOMPARE(summary.value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
        QCOMPARE(summary.value(QStringLiteral("what")).toString(), QStringLiteral("dump"));
        QCOMPARE(summary.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(summary.value(QStringLiteral("tables")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("bytes")).toInteger(), QFileInfo(dump).size());
        QCOMPARE(summary.value(QStringLiteral("definersRemoved")).toInt(), 1);
        QVERIFY(summary.contains(QStringLiteral("durationMs")));
        for (int i = 0; i + 1 < lines.size(); ++i)
            QCOMPARE(lines.at(i).value(QStringLiteral("type")).toString(), QStringLiteral("progress"));

        run = db(ctl, {QStringLiteral("restore"), QStringLiteral("--json"), QStringLiteral("--input"), dump,
                       QStringLiteral("--to"), QStringLiteral("app:") + m_dstApp});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        lines = jsonLines(run.out);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.last().value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
        QCOMPARE(lines.last().value(QStringLiteral("bytes")).toInteger(), QFileInfo(dump).size());

        // A failure is a summary too, with the one-line error, and exit 1: here the pre-flight's blocker,
        // its findings on the lines before, and no progress (nothing was loaded).
        run = db(ctl, {QStringLiteral("restore"), QStringLiteral("--json"), QStringLiteral("--input"), dump,
                       QStringLiteral("--to"), QStringLiteral("app:") + m_dstApp});
        QCOMPARE(run.exitCode, 1);
        lines = jsonLines(run.out);
        QVERIFY(lines.size() > 1);
        bool blocker = false;
        for (int i = 0; i + 1 < lines.size(); ++i) {
            QCOMPARE(lines.at(i).value(QStringLiteral("type")).toString(), QStringLiteral("preflight"));
            blocker |= lines.at(i).value(QStringLiteral("severity")).toString() == QLatin1String("blocker");
        }
        QVERIFY(blocker);
        summary = lines.last();
        QCOMPARE(summary.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(summary.value(QStringLiteral("error")).toString().contains(QStringLiteral("not empty")),
                 qPrintable(run.out));
    }

    void envSpecKeepsThePasswordOutOfArgvAndUrlSpecWarns()
    {
        CtlProcess ctl(m_sim);
        ctl.environment().insert(QStringLiteral("CTLDB_SRC"), m_src.url());
        const QString viaEnv = file(QStringLiteral("env.sql"));
        CtlProcess::Run run = db(ctl, {QStringLiteral("dump"), QStringLiteral("--from"),
                                       QStringLiteral("env:CTLDB_SRC"), QStringLiteral("--output"), viaEnv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("warning")), qPrintable(run.err));
        QVERIFY(QFileInfo(viaEnv).size() > 0);

        const QString viaUrl = file(QStringLiteral("url.sql"));
        run = db(ctl, {QStringLiteral("dump"), QStringLiteral("--from"), m_src.url(),
                       QStringLiteral("--output"), viaUrl});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList warnings = run.err.split(QLatin1Char('\n')).filter(QStringLiteral("warning: "));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("process list")) &&
                     warnings.first().contains(QStringLiteral("env:NAME")),
                 qPrintable(run.err));
        QVERIFY(QFileInfo(viaUrl).size() > 0);
    }

    void verifyNamesTheTableAfterAOneRowChange()
    {
        CtlProcess ctl(m_sim);
        const QString dump = m_dump;
        restoreInto(ctl, dump, false);
        const QStringList verify{QStringLiteral("verify"), QStringLiteral("--from"),
                                 QStringLiteral("app:") + m_srcApp, QStringLiteral("--to"),
                                 QStringLiteral("app:") + m_dstApp};
        CtlProcess::Run run = db(ctl, verify);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        QCOMPARE(
            TransferTestDb::sql(m_dst.endpoint(), "UPDATE `order lines` SET amount = 7 WHERE amount = 0;")
                .exitCode,
            0);
        run = db(ctl, verify);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("table `order lines`")), qPrintable(run.out));
        QVERIFY2(run.errLine().startsWith(QStringLiteral("error: ")) &&
                     run.errLine().contains(QStringLiteral("table `order lines`")) &&
                     !run.errLine().contains(QStringLiteral("customers")),
                 qPrintable(run.err));
        run = db(ctl, verify + QStringList{QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject summary = jsonLines(run.out).value(jsonLines(run.out).size() - 1);
        QCOMPARE(summary.value(QStringLiteral("identical")).toBool(true), false);
        const QJsonArray differences = summary.value(QStringLiteral("differences")).toArray();
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.at(0).toObject().value(QStringLiteral("object")).toString(),
                 QStringLiteral("table `order lines`"));
    }

    void nonEmptyTargetIsRefusedUntouched()
    {
        CtlProcess ctl(m_sim);
        const QString dump = m_dump;
        QCOMPARE(TransferTestDb::sql(m_dst.endpoint(), "CREATE TABLE keep_me (v INT); INSERT INTO keep_me "
                                                       "VALUES (42);")
                     .exitCode,
                 0);
        const QByteArrayList before = TransferTestDb::snapshot(dedicatedAdmin());
        QVERIFY(before.join('\n').contains("row|3432")); // premise: the snapshot sees the row (HEX of 42)
        CtlProcess::Run run = db(ctl, {QStringLiteral("restore"), QStringLiteral("--input"), dump,
                                       QStringLiteral("--to"), QStringLiteral("app:") + m_dstApp});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("not empty")), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(TransferTestDb::snapshot(dedicatedAdmin()), before);

        restoreInto(ctl, dump, true);
        QVERIFY(TransferTestDb::rows(m_dst.endpoint(), "SHOW TABLES LIKE 'keep_me'").isEmpty());
    }

    void wrongSourcePasswordFailsLeavingTheTargetAlone()
    {
        CtlProcess ctl(m_sim);
        ctl.environment().insert(QStringLiteral("CTLDB_BAD"), m_src.url(m_wrong));
        const QString existing = file(QStringLiteral("existing.sql"));
        {
            QFile f(existing);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("-- an older dump\n");
        }
        for (const bool json : {false, true}) {
            QStringList args{QStringLiteral("dump"), QStringLiteral("--from"),
                             QStringLiteral("env:CTLDB_BAD"), QStringLiteral("--output"), existing};
            if (json)
                args << QStringLiteral("--json");
            const CtlProcess::Run run = db(ctl, args);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.errLine().startsWith(QStringLiteral("error: ")) &&
                         run.errLine().contains(QStringLiteral("1045")),
                     qPrintable(run.err));
            QFile f(existing);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("-- an older dump\n"));
            if (json)
                QCOMPARE(jsonLines(run.out).value(0).value(QStringLiteral("ok")).toBool(true), false);
        }
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("existing")),
                 QStringList{QStringLiteral("existing.sql")});
        // verify with a wrong source password: exit 1, the target untouched.
        const QByteArrayList before = TransferTestDb::snapshot(dedicatedAdmin());
        const CtlProcess::Run run =
            db(ctl, {QStringLiteral("verify"), QStringLiteral("--from"), QStringLiteral("env:CTLDB_BAD"),
                     QStringLiteral("--to"), QStringLiteral("app:") + m_dstApp, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(TransferTestDb::snapshot(dedicatedAdmin()), before);
    }
};

QTEST_GUILESS_MAIN(TestCleardbctlDb)
#include "tst_cleardbctl_db.moc"
