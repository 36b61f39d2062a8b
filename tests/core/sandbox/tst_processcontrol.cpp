// SPDX-License-Identifier: MIT
#include "monitor/FailoverDrill.h"
#include "sandbox/ProcessControl.h"
#include "sandbox/UnsupportedProcessControl.h"

#ifdef Q_OS_UNIX
#include "sandbox/UnixProcessControl.h"
#endif

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

// Process control behind one interface: the Unix implementation really reads and kills, and the one
// for other platforms (compiled and run here on purpose, so it cannot rot) answers with one clear
// "not supported on this platform" line that the failover drill passes on without touching anything.
class TestProcessControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unsupportedAnswersEveryCallWithOneLine()
    {
        UnsupportedProcessControl control;
        const Status supported = control.supported();
        QVERIFY(!supported);
        QCOMPARE(supported.error().kind, Error::Kind::Unsupported);
        const QString line = supported.error().oneLine();
        QVERIFY2(line.contains(QStringLiteral("not supported on this platform")), qPrintable(line));
        QVERIFY(!line.contains(QLatin1Char('\n')));

        const Result<QByteArray> command = control.commandLine(QCoreApplication::applicationPid());
        QVERIFY(!command);
        QCOMPARE(command.error().kind, Error::Kind::Unsupported);
        const Status killed = control.killHard(QCoreApplication::applicationPid());
        QVERIFY(!killed);
        QCOMPARE(killed.error().oneLine(), line);
    }

    void drillReportsUnsupportedPlatformBeforeTouchingTheSandbox()
    {
        // A script that would prove the drill ran it: it must not even be asked for the status.
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        const QString script = dir.filePath(QStringLiteral("cluster.sh"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("#!/bin/sh\ntouch '%1'\nexit 1\n").arg(marker).toUtf8());
        file.close();
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);

        SandboxCluster cluster(script, dir.path());
        FailoverDrill drill(&cluster);
        drill.setProcessControl(std::make_unique<UnsupportedProcessControl>());
        QSignalSpy finished(&drill, &FailoverDrill::finished);
        drill.start();
        QTRY_COMPARE(finished.size(), 1);
        const DrillResult r = finished.first().at(0).value<DrillResult>();
        QVERIFY(!r.ok());
        const QString line = r.error().oneLine();
        QVERIFY2(line.contains(QStringLiteral("not supported on this platform")), qPrintable(line));
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QCOMPARE(r.error().kind, Error::Kind::Unsupported);
        QCOMPARE(r.killedAtMs, 0);
        QVERIFY(!drill.isRunning());
        QTest::qWait(200);
        QVERIFY2(!QFile::exists(marker), "the drill ran cluster.sh on an unsupported platform");
    }

#ifdef Q_OS_UNIX
    void platformChoiceIsUnixHere()
    {
        const std::unique_ptr<ProcessControl> control = ProcessControl::forThisPlatform();
        QVERIFY(dynamic_cast<UnixProcessControl *>(control.get()) != nullptr);
    }

    void unixReadsTheCommandLineAndKills()
    {
        UnixProcessControl control;
        QVERIFY(control.supported());
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("37")});
        QVERIFY(child.waitForStarted());
        // QProcess reports the start when exec closes its close-on-exec pipe, which the kernel does
        // before it lays out the new program's arguments: for a moment /proc/PID/cmdline is empty.
        Result<QByteArray> command = control.commandLine(child.processId());
        QTRY_VERIFY_WITH_TIMEOUT(
            (command = control.commandLine(child.processId())) && !command.value().isEmpty(), 5000);
        QVERIFY2(command, qPrintable(command ? QString() : command.error().oneLine()));
        QVERIFY2(command.value().endsWith(QByteArray("sleep\0"
                                                     "37\0",
                                                     9)),
                 command.value().constData());

        QVERIFY(control.killHard(child.processId()));
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QCOMPARE(child.error(), QProcess::Crashed);
    }

    void unixRefusesPidsThatAreNotProcesses()
    {
        UnixProcessControl control;
        QCOMPARE(control.killHard(0).error().kind, Error::Kind::InvalidInput);
        QCOMPARE(control.killHard(-1).error().kind, Error::Kind::InvalidInput);
        QCOMPARE(control.commandLine(0).error().kind, Error::Kind::InvalidInput);
        // pid_max is at most 2^22 on Linux: this pid cannot exist.
        const Result<QByteArray> none = control.commandLine(qint64(1) << 30);
        QVERIFY(!none);
        QCOMPARE(none.error().kind, Error::Kind::NotFound);
    }
#endif
};

QTEST_GUILESS_MAIN(TestProcessControl)
#include "tst_processcontrol.moc"
