// SPDX-License-Identifier: MIT
// `cleardbctl db copy` end to end, server to server (the fixture pair's primary to the separate
// dedicated server, each database owned by its own unprivileged user): a copy verifies identical; a
// non-empty target and a wrong source password fail with the target untouched and no password in any
// output; SIGINT in the middle of a copy says the target is partly loaded, the --replace re-run
// completes it and verify then finds it identical.
#include "DbTestEnv.h"
#include "TestConfig.h"
#include "dburl/DatabaseUrl.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

using namespace CtlTest;
using namespace DbTestEnv;

class TestCleardbctlDbCopy : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;
    SimProcess m_sim;
    Side m_src;
    Side m_dst;
    const QString m_wrong = QStringLiteral("Wrong-copy-pw-%1").arg(QCoreApplication::applicationPid());

    void prepare(CtlProcess &ctl)
    {
        ctl.environment().insert(QStringLiteral("CTLDB_SRC"), m_src.url());
        ctl.environment().insert(QStringLiteral("CTLDB_DST"), m_dst.url());
        ctl.environment().insert(QStringLiteral("CTLDB_BAD"), m_src.url(m_wrong));
    }
    void checkNoPassword(const QString &out, const QString &err)
    {
        for (const QString &secret : {m_src.password, m_dst.password, m_wrong})
            QVERIFY2(!out.contains(secret) && !err.contains(secret), "a password was printed");
    }
    // What the target holds: its objects and, per table, CHECKSUM TABLE (the copy has no generated
    // columns, so it is exact here) — cheaper than reading 80,000 rows back through the client.
    QList<QByteArrayList> fingerprint() const
    {
        QList<QByteArrayList> result = TransferTestDb::rows(
            m_dst.endpoint(),
            "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
            "DATABASE() ORDER BY 1");
        QByteArray checksums;
        for (const QByteArrayList &t : std::as_const(result)) {
            if (t.value(1) == "BASE TABLE")
                checksums += "CHECKSUM TABLE " + TransferTestDb::quote(t.at(0)) + " EXTENDED;";
        }
        if (!checksums.isEmpty())
            result += TransferTestDb::rows(m_dst.endpoint(), checksums);
        return result;
    }
    DatabaseEndpoint dedicatedAdmin() const
    {
        DatabaseEndpoint e = m_dst.endpoint();
        e.user = m_status.adminUser;
        e.password = Secret(m_status.adminPassword(SandboxStatus::Endpoint::Dedicated));
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning() && m_status.dedicatedRunning, qPrintable(m_status.state));
        QVERIFY(provisionPair(m_status, QStringLiteral("cp"), m_src, m_dst));
        const TransferTestDb::SqlRun load = TransferTestDb::sql(
            m_src.endpoint(), QByteArray(kInterruptibleData) + "CREATE VIEW small_v AS SELECT v FROM small;");
        QVERIFY2(load.exitCode == 0, load.err.constData());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    }

    void init() { QVERIFY(clear(m_dst)); }

    void copyVerifiesIdenticalAndRefusesANonEmptyTarget()
    {
        CtlProcess ctl(m_sim);
        prepare(ctl);
        CtlProcess::Run run =
            ctl.run(args("db", "copy", "--json", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST"));
        checkNoPassword(run.out, run.err);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.last().value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
        QCOMPARE(lines.last().value(QStringLiteral("what")).toString(), QStringLiteral("copy"));
        QCOMPARE(lines.last().value(QStringLiteral("tables")).toInt(), 2);
        QCOMPARE(lines.last().value(QStringLiteral("definersRemoved")).toInt(), 1);
        run = ctl.run(args("db", "verify", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        // Now the target is not empty: refused, untouched.
        const QList<QByteArrayList> before = fingerprint();
        QCOMPARE(before.size(), 3 + 2); // premise: big, small, small_v and two checksums
        run = ctl.run(args("db", "copy", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("not empty")), qPrintable(run.err));
        QCOMPARE(fingerprint(), before);
    }

    // The pre-flight runs before anything is written: a target user who may not create triggers (the
    // source has one) is stopped with the privilege named, and the target stays empty.
    void preflightBlockerStopsTheCopyBeforeAnyWrite()
    {
        CtlProcess ctl(m_sim);
        prepare(ctl);
        QVERIFY(fingerprint().isEmpty()); // premise: init() emptied the target
        const QByteArray grantee = "`" + m_dst.user.toUtf8() + "`@'%'";
        QCOMPARE(TransferTestDb::sql(dedicatedAdmin(),
                                     "REVOKE TRIGGER ON `" + m_dst.db.toUtf8() + "`.* FROM " + grantee)
                     .exitCode,
                 0);
        const CtlProcess::Run run =
            ctl.run(args("db", "copy", "--json", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST"));
        const int restored = TransferTestDb::sql(dedicatedAdmin(), "GRANT TRIGGER ON `" + m_dst.db.toUtf8() +
                                                                       "`.* TO " + grantee)
                                 .exitCode;
        QCOMPARE(restored, 0);
        checkNoPassword(run.out, run.err);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("TRIGGER")) &&
                     run.errLine().contains(QStringLiteral("Nothing was copied")),
                 qPrintable(run.err));
        bool blockerLine = false;
        for (const QJsonObject &line : jsonLines(run.out)) {
            blockerLine |=
                line.value(QStringLiteral("type")).toString() == QLatin1String("preflight") &&
                line.value(QStringLiteral("severity")).toString() == QLatin1String("blocker") &&
                line.value(QStringLiteral("message")).toString().contains(QStringLiteral("TRIGGER"));
            QVERIFY2(line.value(QStringLiteral("type")).toString() != QLatin1String("progress"),
                     "the copy started despite the blocker");
        }
        QVERIFY2(blockerLine, qPrintable(run.out));
        QVERIFY(fingerprint().isEmpty());
    }

    // Into an app's ClearDB: the pre-flight knows its plan's quota (the seeded add-on is ignite, 5 MB),
    // and a copy or a restore that will not fit is stopped before anything is written.
    void targetPlanQuotaStopsACopyOrRestoreThatWillNotFit()
    {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("1"),
                            QStringLiteral("--sandbox-cluster"), SandboxTestEnv::dir()}),
                 qPrintable(sim.errorString()));
        const QString app = SimProcess::appName(0);
        // Premise: the seeded add-on's database is real (its URL names the routed port) and empty.
        QString url;
        QVERIFY(QTest::qWaitFor(
            [&] {
                SimHttp http(sim);
                url = http.get(QStringLiteral("/apps/%1/config-vars").arg(app))
                          .json()
                          .object()
                          .value(QLatin1String("CLEARDB_DATABASE_URL"))
                          .toString();
                return url.contains(QStringLiteral("@127.0.0.1:%1/").arg(m_status.routedPort));
            },
            30000));
        const DatabaseEndpoint target = DatabaseEndpoint::fromUrl(DatabaseUrl::parse(url).url).value();
        const QByteArray tables =
            "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE();";
        QCOMPARE(TransferTestDb::rows(target, tables), (QList<QByteArrayList>{{"0"}}));

        CtlProcess ctl(sim);
        prepare(ctl);
        const CtlProcess::Run run = ctl.run(
            args("db", "copy", "--json", "--from", "env:CTLDB_SRC", "--to", QStringLiteral("app:") + app));
        checkNoPassword(run.out, run.err);
        QVERIFY(!run.out.contains(target.password.reveal()) && !run.err.contains(target.password.reveal()));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("will not fit")) &&
                     run.errLine().contains(QStringLiteral("Nothing was copied")),
                 qPrintable(run.err));
        bool quotaLine = false;
        for (const QJsonObject &line : jsonLines(run.out))
            quotaLine |=
                line.value(QStringLiteral("severity")).toString() == QLatin1String("blocker") &&
                line.value(QStringLiteral("message")).toString().contains(QStringLiteral("quota of 5"));
        QVERIFY2(quotaLine, qPrintable(run.out));
        QCOMPARE(TransferTestDb::rows(target, tables), (QList<QByteArrayList>{{"0"}}));

        // The same source as a dump file (gzip: its recorded size counts, not the compressed one).
        QTemporaryDir dir;
        const QString dump = dir.filePath(QStringLiteral("big.sql.gz"));
        QCOMPARE(ctl.run(args("db", "dump", "--from", "env:CTLDB_SRC", "--output", dump)).exitCode, 0);
        QVERIFY(QFileInfo(dump).size() < 5 * 1024 * 1024); // premise: compressed, it would seem to fit
        const CtlProcess::Run restore =
            ctl.run(args("db", "restore", "--input", dump, "--to", QStringLiteral("app:") + app));
        checkNoPassword(restore.out, restore.err);
        QCOMPARE(restore.exitCode, 1);
        QVERIFY2(restore.errLine().contains(QStringLiteral("will not fit")) &&
                     restore.errLine().contains(QStringLiteral("Nothing was restored")),
                 qPrintable(restore.err));
        QCOMPARE(TransferTestDb::rows(target, tables), (QList<QByteArrayList>{{"0"}}));
    }

    void wrongSourcePasswordLeavesTheTargetUntouched()
    {
        CtlProcess ctl(m_sim);
        prepare(ctl);
        QCOMPARE(TransferTestDb::sql(m_dst.endpoint(),
                                     "CREATE TABLE keep_me (v INT); INSERT INTO keep_me VALUES (7);")
                     .exitCode,
                 0);
        const QByteArrayList before = TransferTestDb::snapshot(dedicatedAdmin());
        for (const bool json : {false, true}) {
            QStringList a =
                args("db", "copy", "--from", "env:CTLDB_BAD", "--to", "env:CTLDB_DST", "--replace");
            if (json)
                a << QStringLiteral("--json");
            const CtlProcess::Run run = ctl.run(a);
            checkNoPassword(run.out, run.err);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.errLine().contains(QStringLiteral("1045")), qPrintable(run.err));
            QCOMPARE(TransferTestDb::snapshot(dedicatedAdmin()), before);
        }
    }

    void sigintMidCopyThenReplaceCompletes()
    {
        CtlProcess ctl(m_sim);
        prepare(ctl);
        QProcess process;
        process.setProcessEnvironment(ctl.environment());
        process.start(QStringLiteral(CLEARDB_BIN_DIR "/cleardbctl"),
                      args("db", "copy", "--json", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST"));
        QVERIFY(process.waitForStarted(10000));
        QByteArray out;
        QElapsedTimer waited;
        waited.start();
        // Loading has begun once a progress event is out (the target's checks come first).
        while (!out.contains("\"type\":\"progress\"") && waited.elapsed() < 30000 &&
               process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            out += process.readAllStandardOutput();
        }
        QVERIFY2(process.state() == QProcess::Running, "the copy ended before it was interrupted");
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY2(process.waitForFinished(30000), "cleardbctl hung after SIGINT");
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        out += process.readAllStandardOutput();
        const QString err = QString::fromUtf8(process.readAllStandardError());
        checkNoPassword(QString::fromUtf8(out), err);
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY2(err.startsWith(QStringLiteral("error: ")) && err.contains(QStringLiteral("partly loaded")) &&
                     err.contains(QStringLiteral("with --replace")),
                 qPrintable(err));
        const QList<QJsonObject> lines = jsonLines(QString::fromUtf8(out));
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.last().value(QStringLiteral("errorKind")).toString(), QStringLiteral("cancelled"));

        CtlProcess::Run run =
            ctl.run(args("db", "copy", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST", "--replace"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = ctl.run(args("db", "verify", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.startsWith(QStringLiteral("Identical: ")));
    }
};

QTEST_GUILESS_MAIN(TestCleardbctlDbCopy)
#include "tst_cleardbctl_dbcopy.moc"
