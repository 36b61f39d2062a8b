// SPDX-License-Identifier: MIT
// SandboxOwners: the last live console stops the sandbox; dead owners and reused
// pids do not count.
#include "sandbox/SandboxOwners.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {
void writeRecord(const QString &dir, qint64 pid, const QByteArray &startTime)
{
    QDir().mkpath(dir + QStringLiteral("/owners"));
    QFile record(dir + QStringLiteral("/owners/%1").arg(pid));
    QVERIFY(record.open(QIODevice::WriteOnly));
    record.write(startTime + '\n');
}
} // namespace

class TestSandboxOwners : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lastLiveOwnerStops();
    void deadAndReusedPidsAreNotOwners();
};

void TestSandboxOwners::lastLiveOwnerStops()
{
    QTemporaryDir dir;
    SandboxOwners me(dir.path());
    QVERIFY(!me.isManaged());
    QVERIFY(me.join().ok());
    QVERIFY(me.isManaged());
    QCOMPARE(me.liveOwners(), QList<qint64>{QCoreApplication::applicationPid()});

    // Another console: a live process with its real start time.
    QProcess other;
    other.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(other.waitForStarted());
    const QString start = SandboxOwners::processStartTime(other.processId());
    QVERIFY(!start.isEmpty());
    writeRecord(dir.path(), other.processId(), start.toLatin1());
    QCOMPARE(me.liveOwners().size(), 2);

    QVERIFY2(!me.leave(), "left the sandbox to stop under a live owner");
    QVERIFY(me.isManaged());
    QCOMPARE(me.liveOwners(), QList<qint64>{other.processId()});

    // The other one is the last: it stops the sandbox, and the record goes.
    SandboxOwners last(dir.path(), other.processId());
    QVERIFY(last.join().ok());
    QVERIFY(last.leave());
    QVERIFY(!last.isManaged());
    other.kill();
    other.waitForFinished();
}

void TestSandboxOwners::deadAndReusedPidsAreNotOwners()
{
    QTemporaryDir dir;
    // A console that crashed: its pid no longer runs.
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForFinished());
    const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
    writeRecord(dir.path(), deadPid, "12345");
    // A pid that runs, but is not the process that joined (its start time differs).
    writeRecord(dir.path(), QCoreApplication::applicationPid(), "1");
    SandboxOwners stranger(dir.path(), 1);
    QVERIFY(stranger.isManaged());
    // Premise: this process runs; only its start time does not match.
    QVERIFY(!SandboxOwners::processStartTime(QCoreApplication::applicationPid()).isEmpty());
    QVERIFY(stranger.liveOwners().isEmpty());

    // A new console adopts the orphaned sandbox and, alone, stops it when it leaves.
    SandboxOwners adopter(dir.path());
    QVERIFY(adopter.join().ok());
    QCOMPARE(adopter.liveOwners(), QList<qint64>{QCoreApplication::applicationPid()});
    QVERIFY(adopter.leave());
    QVERIFY(!adopter.isManaged());
}

QTEST_GUILESS_MAIN(TestSandboxOwners)
#include "tst_sandboxowners.moc"
