// SPDX-License-Identifier: MIT
#include "../../core/sandbox/SandboxTestEnv.h"
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace CtlTest;

// cleardbctl's database commands against the real sandbox pair (the mariadb_cluster fixture) and a real
// heroku-sim: probe prints every stage and the server reached, a wrong password fails at the auth stage
// with 1045, heroku-sim --sandbox-cluster provisions real databases (the guide end to end: provision,
// config, promote, probe), and the drill kills the primary and reports failover then failback.
class TestCleardbctlSandbox : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;
    SimProcess m_sim;
    const QString m_db = QStringLiteral("heroku_ctl%1").arg(QCoreApplication::applicationPid());
    const QString m_user = QStringLiteral("ctl_user");
    const QString m_password = QStringLiteral("Ctl-pw-%1").arg(QCoreApplication::applicationPid());

    QString url(const QString &password, quint16 port = 0) const
    {
        return QStringLiteral("mysql://%1:%2@127.0.0.1:%3/%4?reconnect=true&ssl-ca=%5")
            .arg(m_user, password)
            .arg(port ? port : m_status.routedPort)
            .arg(m_db, m_status.caFile);
    }
    static QList<QJsonObject> jsonLines(const QString &out)
    {
        QList<QJsonObject> lines;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines << parseJson(line).object();
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        QVERIFY(SandboxTestEnv::provision(m_db, m_user, m_password));
        QVERIFY2(m_sim.start({QStringLiteral("--sandbox-cluster"), SandboxTestEnv::dir()}),
                 qPrintable(m_sim.errorString()));
    }

    void probePrintsEveryStageServerAndTls()
    {
        CtlProcess ctl(m_sim);
        const CtlProcess::Run run = ctl.run({QStringLiteral("probe"), url(m_password)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const char *stage : {"dns", "tcp", "greeting", "tls", "auth", "query", "total"})
            QVERIFY2(QRegularExpression(QStringLiteral("\\n  %1 +[0-9.]+ ms").arg(S(stage)))
                         .match(run.out)
                         .hasMatch(),
                     qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Server: server_id 1, hostname ")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("read_only OFF")));
        QVERIFY2(run.out.contains(QStringLiteral("TLS: ")) &&
                     run.out.contains(QStringLiteral("ClearDB Console Sandbox CA")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("mysql://ctl_user:")));
        QVERIFY(!run.out.contains(m_password) && !run.err.contains(m_password));
    }

    void probeJsonHasStagesServerAndTls()
    {
        CtlProcess ctl(m_sim);
        const CtlProcess::Run run =
            ctl.run({QStringLiteral("--json"), QStringLiteral("probe"), url(m_password),
                     QStringLiteral("--count"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> probes = jsonLines(run.out);
        QCOMPARE(probes.size(), 2);
        for (const QJsonObject &p : probes) {
            QCOMPARE(p.value(QStringLiteral("ok")).toBool(), true);
            QStringList names;
            double sum = 0;
            for (const QJsonValue &s : p.value(QStringLiteral("stages")).toArray()) {
                names << s.toObject().value(QStringLiteral("stage")).toString();
                QVERIFY(s.toObject().value(QStringLiteral("ok")).toBool());
                sum += s.toObject().value(QStringLiteral("ms")).toDouble();
            }
            QCOMPARE(names.join(QLatin1Char(',')), QStringLiteral("dns,tcp,greeting,tls,auth,query"));
            QVERIFY(sum <= p.value(QStringLiteral("totalMs")).toDouble() + 0.01);
            const QJsonObject server = p.value(QStringLiteral("server")).toObject();
            QCOMPARE(server.value(QStringLiteral("serverId")).toInt(), 1);
            QVERIFY(server.value(QStringLiteral("version")).toString().contains(QStringLiteral("MariaDB")));
            QCOMPARE(p.value(QStringLiteral("tls")).toObject().value(QStringLiteral("state")).toString(),
                     QStringLiteral("verified"));
        }
        QVERIFY(!run.out.contains(m_password));
    }

    void wrongPasswordFailsAtAuthWith1045()
    {
        CtlProcess ctl(m_sim);
        const QString wrong = QStringLiteral("Wrong-%1").arg(QCoreApplication::applicationPid());
        CtlProcess::Run run = ctl.run({QStringLiteral("probe"), url(wrong)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().startsWith(QStringLiteral("error: auth: ")) &&
                     run.errLine().contains(QStringLiteral("1045")),
                 qPrintable(run.err));
        run = ctl.run({QStringLiteral("--json"), QStringLiteral("probe"), url(wrong)});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject error = parseJson(run.out).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("stage")).toString(), QStringLiteral("auth"));
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), 1045);
        QVERIFY(!run.out.contains(wrong) && !run.err.contains(wrong));
    }

    void closedPortFailsAtTcp()
    {
        CtlProcess ctl(m_sim);
        // A loopback port the OS just gave out and took back: no neighbouring sandbox can be on it.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const quint16 closed = server.serverPort();
        server.close();
        const CtlProcess::Run run =
            ctl.run({QStringLiteral("--json"), QStringLiteral("probe"), url(m_password, closed)});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(parseJson(run.out)
                     .object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("stage")),
                 QJsonValue(QStringLiteral("tcp")));
    }

    void usageErrorsExit2WithoutThePassword()
    {
        CtlProcess ctl(m_sim);
        CtlProcess::Run run = ctl.run({QStringLiteral("probe")});
        QCOMPARE(run.exitCode, 2);
        run = ctl.run({QStringLiteral("probe"), QStringLiteral("mysql://u:Hidden-pw@h:99999/d")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errLine().contains(QStringLiteral("port")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("Hidden-pw")));
        run = ctl.run(
            {QStringLiteral("monitor"), url(m_password), QStringLiteral("--mode"), QStringLiteral("pooled")});
        QCOMPARE(run.exitCode, 2);
        run = ctl.run({QStringLiteral("sandbox"), QStringLiteral("restart")});
        QCOMPARE(run.exitCode, 2);
    }

    void sandboxStatusJson()
    {
        CtlProcess ctl(m_sim);
        const CtlProcess::Run run =
            ctl.run({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject s = parseJson(run.out).object();
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(s.value(QStringLiteral("routedPort")).toInt(), int(m_status.routedPort));
        QCOMPARE(s.value(QStringLiteral("primary")).toObject().value(QStringLiteral("pid")).toInteger(),
                 m_status.primaryPid);
        QVERIFY(!run.out.contains(m_status.adminPassword()));
        // The dedicated server, beside the pair, with its port and state.
        const QJsonObject dedicated = s.value(QStringLiteral("dedicated")).toObject();
        QCOMPARE(dedicated.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(dedicated.value(QStringLiteral("port")).toInt(), int(m_status.routedPort) + 4);
        QCOMPARE(dedicated.value(QStringLiteral("pid")).toInteger(), m_status.dedicatedPid);
        QCOMPARE(dedicated.value(QStringLiteral("adminUrl")).toString(),
                 QStringLiteral("mysql://sandbox_admin@127.0.0.1:%1/").arg(m_status.routedPort + 4));
        QVERIFY(!run.out.contains(m_status.adminPassword(SandboxStatus::Endpoint::Dedicated)));
    }

    void sandboxStatusTextListsTheDedicatedServer()
    {
        CtlProcess ctl(m_sim);
        const CtlProcess::Run run = ctl.run({QStringLiteral("sandbox"), QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QRegularExpression line(QStringLiteral("^Dedicated: +127\\.0\\.0\\.1:%1 running \\(pid %2\\)$")
                                          .arg(m_status.routedPort + 4)
                                          .arg(m_status.dedicatedPid),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(run.out).hasMatch(), qPrintable(run.out));
    }

    // start --dedicated on the running fixture (which has it) keeps every server; --dedicated is for start.
    void sandboxStartDedicatedIsIdempotent()
    {
        CtlProcess ctl(m_sim);
        const CtlProcess::Run run = ctl.run({QStringLiteral("--json"), QStringLiteral("sandbox"),
                                             QStringLiteral("start"), QStringLiteral("--dedicated")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject s = parseJson(run.out).object();
        QCOMPARE(s.value(QStringLiteral("dedicated")).toObject().value(QStringLiteral("pid")).toInteger(),
                 SandboxTestEnv::status().dedicatedPid);
        QCOMPARE(s.value(QStringLiteral("dedicated")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("running"));
        const CtlProcess::Run misuse =
            ctl.run({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--dedicated")});
        QCOMPARE(misuse.exitCode, 2);
        QVERIFY(SandboxTestEnv::status().dedicatedRunning);
    }

    // start is idempotent on a running cluster; status of a directory with no cluster is a failure (exit 1).
    void sandboxStartIsIdempotentAndStoppedStatusFails()
    {
        CtlProcess ctl(m_sim);
        CtlProcess::Run run =
            ctl.run({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("start")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject s = parseJson(run.out).object();
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(s.value(QStringLiteral("primary")).toObject().value(QStringLiteral("pid")).toInteger(),
                 SandboxTestEnv::status().primaryPid);
        QTemporaryDir empty;
        run = ctl.run(
            {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--dir"), empty.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("stopped")), qPrintable(run.out));
        QVERIFY2(run.errLine().contains(QStringLiteral("cleardbctl sandbox start")), qPrintable(run.err));
    }

    void monitorPrintsSamplesAndSummary()
    {
        CtlProcess ctl(m_sim);
        const CtlProcess::Run run =
            ctl.run({QStringLiteral("--json"), QStringLiteral("monitor"), url(m_password),
                     QStringLiteral("--interval"), QStringLiteral("200"), QStringLiteral("--duration"),
                     QStringLiteral("2"), QStringLiteral("--samples"), QStringLiteral("--mode"),
                     QStringLiteral("persistent")});
        QVERIFY2(
            run.finished && run.exitCode == 0,
            qPrintable(
                QStringLiteral("exit %1, finished %2: %3").arg(run.exitCode).arg(run.finished).arg(run.err)));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QVERIFY(lines.size() >= 5);
        const QJsonObject summary = lines.last();
        QCOMPARE(summary.value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
        QCOMPARE(summary.value(QStringLiteral("failovers")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("samples")).toInt(), lines.size() - 1);
        QCOMPARE(summary.value(QStringLiteral("routedAnswersByServerId"))
                     .toObject()
                     .value(QStringLiteral("1"))
                     .toInt(),
                 lines.size() - 1);
        QCOMPARE(lines.first().value(QStringLiteral("type")).toString(), QStringLiteral("sample"));
        QCOMPARE(lines.first().value(QStringLiteral("serverId")).toInt(), 1);
    }

    void monitorCanaryNeedsBothMastersThenReportsLag()
    {
        CtlProcess ctl(m_sim);
        const QString canaryTables =
            QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '%1' AND "
                           "table_name = 'cleardb_console_canary'")
                .arg(m_db);
        QCOMPARE(SandboxTestEnv::adminExec(m_status, SandboxStatus::Endpoint::Primary, {canaryTables})
                     .value(0)
                     .toInt(),
                 0);
        // The routed URL alone cannot tell the masters apart: a one-line usage error, nothing written.
        CtlProcess::Run run = ctl.run({QStringLiteral("monitor"), url(m_password), QStringLiteral("--canary"),
                                       QStringLiteral("--duration"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errLine().contains(QStringLiteral("--canary needs --primary URL and --secondary URL")),
                 qPrintable(run.err));
        run = ctl.run({QStringLiteral("monitor"), url(m_password), QStringLiteral("--canary-interval"),
                       QStringLiteral("5")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errLine().contains(QStringLiteral("--canary-interval goes with --canary")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(m_password));
        for (SandboxStatus::Endpoint e :
             {SandboxStatus::Endpoint::Primary, SandboxStatus::Endpoint::Secondary})
            QCOMPARE(SandboxTestEnv::adminExec(m_status, e, {canaryTables}).value(0).toInt(), 0);
        // Without --canary the masters are only probed.
        run = ctl.run({QStringLiteral("--json"), QStringLiteral("monitor"), url(m_password),
                       QStringLiteral("--primary"), url(m_password, m_status.primaryPort),
                       QStringLiteral("--secondary"), url(m_password, m_status.secondaryPort),
                       QStringLiteral("--duration"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("replication-lag")));
        QCOMPARE(SandboxTestEnv::adminExec(m_status, SandboxStatus::Endpoint::Primary, {canaryTables})
                     .value(0)
                     .toInt(),
                 0);

        run = ctl.run({QStringLiteral("--json"), QStringLiteral("monitor"), url(m_password),
                       QStringLiteral("--primary"), url(m_password, m_status.primaryPort),
                       QStringLiteral("--secondary"), url(m_password, m_status.secondaryPort),
                       QStringLiteral("--canary"), QStringLiteral("--canary-interval"), QStringLiteral("1"),
                       QStringLiteral("--interval"), QStringLiteral("500"), QStringLiteral("--duration"),
                       QStringLiteral("4")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.err));
        // It said what it writes, and where, before writing (stderr, also with --json).
        QVERIFY2(run.err.contains(QStringLiteral("table cleardb_console_canary in database %1").arg(m_db)),
                 qPrintable(run.err));
        QList<double> lags;
        const QList<QJsonObject> lines = jsonLines(run.out);
        for (const QJsonObject &line : lines) {
            if (line.value(QStringLiteral("event")).toString() != QLatin1String("replication-lag"))
                continue;
            QCOMPARE(line.value(QStringLiteral("type")).toString(), QStringLiteral("event"));
            QCOMPARE(line.value(QStringLiteral("fromServerId")).toInt(), 1);
            QCOMPARE(line.value(QStringLiteral("toServerId")).toInt(), 2);
            lags << line.value(QStringLiteral("lagMs")).toDouble(-1);
        }
        QVERIFY2(!lags.isEmpty(), qPrintable(run.out));
        for (double lag : std::as_const(lags))
            QVERIFY2(lag >= 0 && lag < 5000, qPrintable(QString::number(lag)));
        const QJsonObject summary = lines.last();
        QCOMPARE(summary.value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
        QCOMPARE(summary.value(QStringLiteral("lagMeasurements")).toInt(), lags.size());
        QCOMPARE(summary.value(QStringLiteral("lagFailures")).toInt(), 0);
        QVERIFY(!run.out.contains(m_password) && !run.err.contains(m_password));
        // The table exists on both masters now, and the canary took its rows away again.
        for (SandboxStatus::Endpoint e :
             {SandboxStatus::Endpoint::Primary, SandboxStatus::Endpoint::Secondary}) {
            QTRY_COMPARE(SandboxTestEnv::adminExec(m_status, e, {canaryTables}).value(0).toInt(), 1);
            QTRY_COMPARE(
                SandboxTestEnv::adminExec(
                    m_status, e, {QStringLiteral("SELECT COUNT(*) FROM cleardb_console_canary")}, m_db)
                    .value(0)
                    .toInt(),
                0);
        }

        // Text: one lag line per measurement.
        run = ctl.run({QStringLiteral("monitor"), url(m_password), QStringLiteral("--primary"),
                       url(m_password, m_status.primaryPort), QStringLiteral("--secondary"),
                       url(m_password, m_status.secondaryPort), QStringLiteral("--canary"),
                       QStringLiteral("--duration"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(QRegularExpression(QStringLiteral("\\n?\\S+  REPLICATION-LAG  [0-9.]+ ms  server 1 -> 2\\n"))
                     .match(run.out)
                     .hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Replication lag")), qPrintable(run.out));
    }

    // The guide's workflow, offline: provision a ClearDB add-on, read its config, promote it, probe it.
    void guideEndToEndOnRealDatabases()
    {
        CtlProcess ctl(m_sim);
        const QString app = SimProcess::appName(2);
        CtlProcess::Run run =
            ctl.run({QStringLiteral("provision"), QStringLiteral("--app"), app, QStringLiteral("--plan"),
                     QStringLiteral("cleardb:ignite"), QStringLiteral("--wait")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = ctl.run({QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("--app"), app,
                       QStringLiteral("--reveal")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString dbUrl =
            parseJson(run.out).object().value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
        const QRegularExpression shape(
            QStringLiteral("^mysql://[0-9a-f]{14}:([0-9a-f]{16})@127\\.0\\.0\\.1:%1/"
                           "heroku_[0-9a-f]{15}\\?reconnect=true&ssl-ca=(.+)$")
                .arg(m_status.routedPort));
        const QRegularExpressionMatch match = shape.match(dbUrl);
        QVERIFY2(match.hasMatch(), "CLEARDB_DATABASE_URL does not have the sandbox shape");
        const QString password = match.captured(1);
        QCOMPARE(QUrl::fromPercentEncoding(match.captured(2).toUtf8()), m_status.caFile);

        run = ctl.run({QStringLiteral("promote"), QStringLiteral("--app"), app});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const QString &var : {QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("DATABASE_URL")}) {
            run = ctl.run({QStringLiteral("--json"), QStringLiteral("probe"), QStringLiteral("--app"), app,
                           QStringLiteral("--var"), var});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            const QJsonObject probe = parseJson(run.out).object();
            QCOMPARE(
                probe.value(QStringLiteral("server")).toObject().value(QStringLiteral("serverId")).toInt(),
                1);
            QCOMPARE(probe.value(QStringLiteral("tls")).toObject().value(QStringLiteral("state")).toString(),
                     QStringLiteral("verified"));
            QVERIFY(!run.out.contains(password) && !run.err.contains(password));
        }
        // The user exists on the secondary too, so the app keeps working after a failover.
        const QString user = dbUrl.mid(8, 14);
        QCOMPARE(SandboxTestEnv::adminExec(
                     m_status, SandboxStatus::Endpoint::Secondary,
                     {QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = '%1'").arg(user)})
                     .value(0)
                     .toInt(),
                 1);
        run = ctl.run({QStringLiteral("probe"), QStringLiteral("--app"), app, QStringLiteral("--var"),
                       QStringLiteral("NO_SUCH_VAR")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("NO_SUCH_VAR")), qPrintable(run.err));
        QVERIFY(ctl.tokenNeverPrinted());
    }

    // heroku-sim provisions its seeded ClearDB add-ons on the pair too, so the console's sandbox apps
    // connect.
    void seededClearDbAppsGetRealDatabases()
    {
        CtlProcess ctl(m_sim);
        for (int index : {0, 1}) {
            CtlProcess::Run run;
            QDeadlineTimer deadline(30000);
            do {
                run = ctl.run({QStringLiteral("--json"), QStringLiteral("probe"), QStringLiteral("--app"),
                               SimProcess::appName(index)});
            } while (run.exitCode != 0 && !deadline.hasExpired() && (QThread::msleep(200), true));
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QCOMPARE(parseJson(run.out)
                         .object()
                         .value(QStringLiteral("server"))
                         .toObject()
                         .value(QStringLiteral("serverId")),
                     QJsonValue(1));
        }
    }

    // A sandbox that is not running: the add-on fails and is gone, as a failed ClearDB provisioning is.
    void provisioningFailsWhenTheSandboxIsDown()
    {
        QTemporaryDir empty;
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--sandbox-cluster"), empty.path()}),
                 qPrintable(sim.errorString()));
        CtlProcess ctl(sim);
        const CtlProcess::Run run = ctl.run({QStringLiteral("provision"), QStringLiteral("--app"),
                                             SimProcess::appName(2), QStringLiteral("--wait")});
        QCOMPARE(run.exitCode, 1);
        QTRY_VERIFY(sim.standardError().contains(QStringLiteral("is not running")));
    }

    // Last: it kills the primary (and restarts it).
    void drillReportsFailoverThenFailback()
    {
        CtlProcess ctl(m_sim);
        const qint64 oldPid = SandboxTestEnv::status().primaryPid;
        const CtlProcess::Run run = ctl.run({QStringLiteral("--json"), QStringLiteral("drill"),
                                             QStringLiteral("--interval"), QStringLiteral("250")},
                                            {}, 120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QJsonObject r = parseJson(run.out).object();
        QCOMPARE(r.value(QStringLiteral("ok")).toBool(), true);
        const double failover = r.value(QStringLiteral("failoverDetectMs")).toDouble();
        qInfo("drill: failover %.0f ms, routed %.0f ms, resync %.0f ms, failback %.0f ms", failover,
              r.value(QStringLiteral("routedFailoverMs")).toDouble(),
              r.value(QStringLiteral("resyncMs")).toDouble(),
              r.value(QStringLiteral("failbackDetectMs")).toDouble());
        // One probe interval plus the probe itself, with slack for a shared machine: well under 2 intervals +
        // 250.
        QVERIFY2(failover >= 0 && failover <= 750, qPrintable(QString::number(failover)));
        QVERIFY(r.value(QStringLiteral("routedFailoverMs")).toDouble() > 0);
        QVERIFY(r.value(QStringLiteral("resyncMs")).toDouble() >= 0);
        const double failback = r.value(QStringLiteral("failbackDetectMs")).toDouble();
        QVERIFY2(failback >= 0 && failback < 15000, qPrintable(QString::number(failback)));
        QCOMPARE(r.value(QStringLiteral("failover")).toObject().value(QStringLiteral("toServerId")).toInt(),
                 2);
        QCOMPARE(r.value(QStringLiteral("failback")).toObject().value(QStringLiteral("toServerId")).toInt(),
                 1);
        QCOMPARE(r.value(QStringLiteral("failback")).toObject().value(QStringLiteral("target")).toString(),
                 QStringLiteral("routed"));
        const SandboxStatus after = SandboxTestEnv::status();
        QVERIFY(after.isRunning());
        QVERIFY(after.primaryPid != oldPid);
    }
};

QTEST_GUILESS_MAIN(TestCleardbctlSandbox)
#include "tst_cleardbctl_sandbox.moc"
