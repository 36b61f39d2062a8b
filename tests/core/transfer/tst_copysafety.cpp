// SPDX-License-Identifier: MIT
// CopyJob under pressure, between two separate real servers: a target held back by another session's
// lock makes the copy stop reading the dump (memory stays under the cap, mariadb-dump waits), while
// neither child shows a password in its argv or environment; a copy cancelled mid-load says the
// target is partly loaded, and a replace run then completes it and verifies identical.
#include "CopyTestSupport.h"
#include "transfer/ChildOutputPipe.h"
#include "transfer/CopyJob.h"

#include <QtTest>

using namespace TransferTestDb;
using namespace CopyTestSupport;

class TestCopySafety : public QObject
{
    Q_OBJECT
    using E = SandboxStatus::Endpoint;

    SandboxStatus m_status;
    const QString m_passS = QStringLiteral("Src-safety pass'word #31");
    const QString m_passT = QStringLiteral("Tgt-safety pass\"word #32");

    DatabaseEndpoint source() const
    {
        return endpoint(m_status, QStringLiteral("xcs_s"), m_passS, QStringLiteral("xcs_big"));
    }
    DatabaseEndpoint target(const QString &db) const
    {
        return onDedicated(m_status, endpoint(m_status, QStringLiteral("xcs_t"), m_passT, db));
    }

    static QByteArray readProc(qint64 pid, const char *what)
    {
        QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void checkChildHidesPasswords(qint64 pid)
    {
        QVERIFY(pid > 0);
        const QByteArray cmdline = readProc(pid, "cmdline");
        QVERIFY2(cmdline.contains("--defaults-file="), cmdline.constData()); // premise: we read its argv
        const QByteArray environ = readProc(pid, "environ");
        QVERIFY(!environ.isEmpty());
        for (const QString &password : {m_passS, m_passT}) {
            QVERIFY(!cmdline.contains(password.toUtf8()));
            QVERIFY(!environ.contains(password.toUtf8()));
        }
    }

    QByteArray count(const QString &db)
    {
        const auto r = rows(dedicatedAdmin(m_status, db), "SELECT COUNT(*) FROM big");
        return r.isEmpty() ? QByteArray() : r.first().first();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning() && m_status.dedicatedRunning, qPrintable(m_status.state));
        createUserWithDatabases(admin(m_status, QString()), "xcs_s", m_passS, {"xcs_big"});
        createUserWithDatabases(dedicatedAdmin(m_status, QString()), "xcs_t", m_passT,
                                {"xcs_slow", "xcs_cut"});
        // 3000 rows of 1000 random bytes: about 6 MB of hex in the dump, several times the copy's buffer cap.
        const SqlRun big = sql(admin(m_status, QStringLiteral("xcs_big")),
                               "CREATE TABLE big (id INT PRIMARY KEY, b BLOB);"
                               "INSERT INTO big SELECT seq, RANDOM_BYTES(1000) FROM seq_1_to_3000;");
        QVERIFY2(big.exitCode == 0, big.err.constData());
        const SqlRun old = sql(target(QStringLiteral("xcs_slow")), "CREATE TABLE big (id INT PRIMARY KEY);");
        QVERIFY2(old.exitCode == 0, old.err.constData());
    }

    // Another session holds a write lock on the target's table, so the replace's DROP TABLE waits and the
    // target client reads nothing for a while: the copy must hold the dump back instead of buffering it.
    void slowTargetHoldsTheDumpBack()
    {
        QProcess locker;
        auto lockerLogin = ClientOptionFile::create(dedicatedAdmin(m_status, QStringLiteral("xcs_slow")));
        QVERIFY(lockerLogin.ok());
        locker.setProcessEnvironment(MariaDbTools::childEnvironment());
        locker.start(MariaDbTools::clientProgram(),
                     {(*lockerLogin)->argument(), QStringLiteral("--batch"), QStringLiteral("--unbuffered"),
                      QStringLiteral("xcs_slow")});
        locker.write("LOCK TABLES big WRITE; SELECT 'locked'; SELECT SLEEP(2); UNLOCK TABLES;\n");
        locker.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(locker.peek(4096).contains("locked"), 10000);

        CopyJob copy(source(), target(QStringLiteral("xcs_slow")), CopyJob::Mode::Replace);
        QSignalSpy done(&copy, &CopyJob::finished);
        copy.start();
        // Premise: the target really held us back, while the dump was still running.
        QTRY_VERIFY_WITH_TIMEOUT(copy.pauses() > 0 || !done.isEmpty(), 10000);
        QVERIFY2(done.isEmpty() && copy.pauses() > 0, qPrintable(errorLine(copy.status())));
        QCOMPARE(locker.state(), QProcess::Running); // the lock is still held
        checkChildHidesPasswords(copy.dumpProcessId());
        checkChildHidesPasswords(copy.clientProcessId());

        QVERIFY(done.wait(20000));
        QVERIFY2(copy.status().ok(), qPrintable(errorLine(copy.status())));
        QVERIFY(locker.state() == QProcess::NotRunning || locker.waitForFinished(5000));
        QCOMPARE(locker.exitCode(), 0);
        qInfo("%lld bytes copied, at most %lld held, %d pause(s)", copy.lastProgress().bytesDone,
              copy.peakBufferedBytes(), copy.pauses());
        // Far more went through than was ever held: memory stayed under the cap plus one read.
        QVERIFY(copy.lastProgress().bytesDone > 4 * CopyJob::BufferLimit);
        QVERIFY2(copy.peakBufferedBytes() <= CopyJob::BufferLimit + 2 * ChildOutputPipe::ChunkSize,
                 qPrintable(QString::number(copy.peakBufferedBytes())));
        QCOMPARE(count(QStringLiteral("xcs_slow")), QByteArray("3000"));
    }

    void cancelledCopyThenReplaceCompletes()
    {
        CopyJob copy(source(), target(QStringLiteral("xcs_cut")), CopyJob::Mode::RefuseNonEmpty);
        QSignalSpy done(&copy, &CopyJob::finished);
        copy.start();
        // Loading has begun: the table exists in the target.
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && done.isEmpty() &&
               rows(dedicatedAdmin(m_status, QStringLiteral("xcs_cut")), "SHOW TABLES LIKE 'big'").isEmpty())
            QTest::qWait(5);
        QVERIFY2(done.isEmpty(), "the copy ended before it could be stopped");
        copy.cancel();
        QVERIFY(done.wait(10000));
        QCOMPARE(copy.status().error().kind, Error::Kind::Cancelled);
        const QString line = copy.status().error().oneLine();
        QVERIFY2(line.contains(QStringLiteral("partly loaded")) &&
                     line.contains(QStringLiteral("run the copy again with replace")),
                 qPrintable(line));
        // Premise: the target really is partly loaded, so a plain copy is refused now.
        QVERIFY(count(QStringLiteral("xcs_cut")) != "3000");
        CopyJob refused(source(), target(QStringLiteral("xcs_cut")), CopyJob::Mode::RefuseNonEmpty);
        QVERIFY(runToEnd(refused));
        QCOMPARE(refused.status().error().kind, Error::Kind::Conflict);

        CopyJob again(source(), target(QStringLiteral("xcs_cut")), CopyJob::Mode::Replace);
        QVERIFY(runToEnd(again));
        QVERIFY2(again.status().ok(), qPrintable(errorLine(again.status())));
        QCOMPARE(count(QStringLiteral("xcs_cut")), QByteArray("3000"));
        QCOMPARE(
            verify(
                m_status.target(E::Primary, QStringLiteral("xcs_s"), m_passS, QStringLiteral("xcs_big")),
                m_status.target(E::Dedicated, QStringLiteral("xcs_t"), m_passT, QStringLiteral("xcs_cut"))),
            QStringLiteral("identical"));
    }
};

QTEST_GUILESS_MAIN(TestCopySafety)
#include "tst_copysafety.moc"
