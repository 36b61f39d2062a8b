// SPDX-License-Identifier: MIT
#include "monitor/FailoverDrill.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

// The drill's timeout messages state the timeouts it really used: each one is built from the step's
// limit, so shortening a limit changes what the user reads. Runs against fake cluster.sh scripts, no
// database needed.
class TestFailoverDrillTimeouts : public QObject
{
    Q_OBJECT

    static QString writeScript(const QTemporaryDir &dir, const QString &body)
    {
        const QString path = dir.filePath(QStringLiteral("cluster.sh"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(QStringLiteral("#!/bin/sh\n%1\n").arg(body).toUtf8());
        file.close();
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        return path;
    }

    static DrillResult runUntilFinished(FailoverDrill &drill, QStringList *steps)
    {
        QSignalSpy finished(&drill, &FailoverDrill::finished);
        QObject::connect(&drill, &FailoverDrill::progressed, &drill,
                         [steps](const QString &step) { steps->append(step); });
        drill.start();
        if (!finished.wait(20000))
            return DrillResult();
        return finished.first().at(0).value<DrillResult>();
    }

private Q_SLOTS:
    void statusTimeoutMessageNamesTheLimitUsed()
    {
        QTemporaryDir dir;
        // A status that never answers within the drill's (shortened) limit.
        const QString script = writeScript(dir, QStringLiteral("sleep 20"));
        SandboxCluster cluster(script, dir.path());
        FailoverDrill drill(&cluster);
        FailoverDrill::Timeouts timeouts;
        timeouts.statusMs = 1500;
        drill.setTimeouts(timeouts);
        QStringList steps;
        const DrillResult r = runUntilFinished(drill, &steps);
        QVERIFY2(steps.contains(QStringLiteral("reading the sandbox status")), qPrintable(steps.join(u'|')));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("within 1.5 s")),
                 qPrintable(r.error().oneLine()));
        QCOMPARE(r.error().kind, Error::Kind::Timeout);
    }

    void baselineTimeoutMessageNamesTheLimitUsed()
    {
        QTemporaryDir dir;
        QFile password(dir.filePath(QStringLiteral("admin.pw")));
        QVERIFY(password.open(QIODevice::WriteOnly));
        password.write("not-a-real-password\n");
        password.close();
        // A running sandbox whose ports nobody listens on (port 9 is discard, closed on a test machine),
        // so the primary never answers and the drill waits in its baseline step until the limit.
        const QString json =
            QStringLiteral("{\"state\":\"running\",\"dir\":\"%1\",\"routed_port\":9,\"stats_port\":9,"
                           "\"primary\":{\"port\":9,\"pid\":0,\"state\":\"running\"},"
                           "\"secondary\":{\"port\":9,\"pid\":0,\"state\":\"running\"},"
                           "\"admin_user\":\"admin\",\"admin_password_file\":\"%2\"}")
                .arg(dir.path(), password.fileName());
        const QString script = writeScript(dir, QStringLiteral("cat <<'END'\n%1\nEND").arg(json));
        SandboxCluster cluster(script, dir.path());
        FailoverDrill drill(&cluster);
        drill.setIntervalMs(FailoverMonitor::kMinIntervalMs);
        FailoverDrill::Timeouts timeouts;
        timeouts.baselineMs = 1200;
        drill.setTimeouts(timeouts);
        QStringList steps;
        const DrillResult r = runUntilFinished(drill, &steps);
        QVERIFY2(steps.contains(QStringLiteral("waiting until the routed endpoint is served by the primary")),
                 qPrintable(steps.join(u'|') + QStringLiteral(" / ") +
                            (r.ok() ? QString() : r.error().oneLine())));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("within 1.2 s")),
                 qPrintable(r.error().oneLine()));
        QCOMPARE(r.error().kind, Error::Kind::Timeout);
        QCOMPARE(r.killedAtMs, 0);
    }

    void defaultLimitsAreWholeSeconds()
    {
        const FailoverDrill::Timeouts timeouts;
        QCOMPARE(FailoverDrill::seconds(timeouts.failoverMs), QStringLiteral("15 s"));
        QCOMPARE(FailoverDrill::seconds(timeouts.restartMs), QStringLiteral("180 s"));
        QCOMPARE(FailoverDrill::seconds(250), QStringLiteral("0.25 s"));
    }
};

QTEST_GUILESS_MAIN(TestFailoverDrillTimeouts)
#include "tst_faildrilltimeouts.moc"
