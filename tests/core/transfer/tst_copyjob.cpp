// SPDX-License-Identifier: MIT
// CopyJob between two separate real servers (the fixture pair's primary and the dedicated server), each
// database owned by its own unprivileged user: the hostile fixture arrives identical (DatabaseVerifier
// and a byte snapshot); a non-empty target is refused untouched; a wrong source password fails in one
// line without the password, before anything reaches the target.
#include "CopyTestSupport.h"
#include "MessageCapture.h"
#include "transfer/CopyJob.h"

#include <QtTest>

using namespace TransferTestDb;
using namespace CopyTestSupport;

class TestCopyJob : public QObject
{
    Q_OBJECT
    using E = SandboxStatus::Endpoint;

    SandboxStatus m_status;
    const QString m_passS = QStringLiteral("Src p\"a'ss\\w#o=rd 7");
    const QString m_passT = QStringLiteral("Tgt-other secret #8");

    DatabaseEndpoint source(const QString &db) const
    {
        return endpoint(m_status, QStringLiteral("xcp_s"), m_passS, db);
    }
    DatabaseEndpoint target(const QString &db) const
    {
        return onDedicated(m_status, endpoint(m_status, QStringLiteral("xcp_t"), m_passT, db));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning() && m_status.dedicatedRunning, qPrintable(m_status.state));
        createUserWithDatabases(admin(m_status, QString()), "xcp_s", m_passS, {"xcp_src"});
        createUserWithDatabases(dedicatedAdmin(m_status, QString()), "xcp_t", m_passT,
                                {"xcp_dst", "xcp_busy", "xcp_kept"});
        trustFunctionCreators(m_status);
        QFile fixture(QStringLiteral(CLEARDB_TRANSFER_FIXTURES "/hostile.sql"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const SqlRun load =
            sql(source(QStringLiteral("xcp_src")), fixture.readAll().replace("@DEFINER@", "CURRENT_USER"));
        QVERIFY2(load.exitCode == 0, load.err.constData());
        const SqlRun busy = sql(target(QStringLiteral("xcp_busy")), "CREATE TABLE keep (id INT PRIMARY KEY); "
                                                                    "INSERT INTO keep VALUES (7);");
        QVERIFY2(busy.exitCode == 0, busy.err.constData());
        // Premise: two separate servers.
        const auto a = rows(admin(m_status, QString()), "SELECT @@server_id");
        const auto b = rows(dedicatedAdmin(m_status, QString()), "SELECT @@server_id");
        QVERIFY(!a.isEmpty() && !b.isEmpty() && a != b);
    }

    void hostileFixtureArrivesIdenticalOnAnotherServer()
    {
        CopyJob copy(source(QStringLiteral("xcp_src")), target(QStringLiteral("xcp_dst")),
                     CopyJob::Mode::RefuseNonEmpty);
        QSignalSpy progressed(&copy, &CopyJob::progress);
        QVERIFY(runToEnd(copy));
        QVERIFY2(copy.status().ok(), qPrintable(errorLine(copy.status())));
        QVERIFY(copy.definersRemoved() >= 4); // the objects were defined by xcp_s on the source
        QCOMPARE(copy.lastProgress().tablesTotal, 7);
        QCOMPARE(copy.lastProgress().tablesDone, 7);
        QVERIFY(!progressed.isEmpty());
        const QByteArrayList before = snapshot(admin(m_status, QStringLiteral("xcp_src")));
        QCOMPARE(before.size(), 29); // premise: 7 tables, 18 rows, a view, a trigger, two routines
        QCOMPARE(snapshot(dedicatedAdmin(m_status, QStringLiteral("xcp_dst"))), before);
        QCOMPARE(
            verify(
                m_status.target(E::Primary, QStringLiteral("xcp_s"), m_passS, QStringLiteral("xcp_src")),
                m_status.target(E::Dedicated, QStringLiteral("xcp_t"), m_passT, QStringLiteral("xcp_dst"))),
            QStringLiteral("identical"));
        // The objects now belong to, and work for, the target's own user.
        const auto r =
            rows(target(QStringLiteral("xcp_dst")),
                 "SELECT f_double(21); SELECT DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = "
                 "DATABASE();");
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.at(0).at(0), QByteArray("42"));
        QCOMPARE(r.at(1).at(0), QByteArray("xcp_t@%"));
    }

    void nonEmptyTargetIsRefusedAndLeftUntouched()
    {
        const QByteArrayList before = snapshot(dedicatedAdmin(m_status, QStringLiteral("xcp_busy")));
        QCOMPARE(before.size(), 2); // premise: a table with one row
        CopyJob copy(source(QStringLiteral("xcp_src")), target(QStringLiteral("xcp_busy")),
                     CopyJob::Mode::RefuseNonEmpty);
        QVERIFY(runToEnd(copy));
        QVERIFY(!copy.status().ok());
        QCOMPARE(copy.status().error().kind, Error::Kind::Conflict);
        QVERIFY2(copy.status().error().message.contains(QStringLiteral("not empty (1 table(s))")),
                 qPrintable(errorLine(copy.status())));
        QVERIFY(copy.dumpArguments().isEmpty()); // neither child started
        QVERIFY(copy.clientArguments().isEmpty());
        QCOMPARE(snapshot(dedicatedAdmin(m_status, QStringLiteral("xcp_busy"))), before);
    }

    // Replace mode on a non-empty target: were the target touched before the source's login is
    // checked, its table would be gone.
    void wrongSourcePasswordFailsBeforeTheTargetIsTouched()
    {
        const QString wrong = QStringLiteral("Wrong#Copy-pass-unique-5813");
        MessageCapture capture;
        DatabaseEndpoint badSource = source(QStringLiteral("xcp_src"));
        badSource.password = Secret(wrong);
        const QByteArrayList before = snapshot(dedicatedAdmin(m_status, QStringLiteral("xcp_busy")));
        QCOMPARE(before.size(), 2);
        CopyJob copy(badSource, target(QStringLiteral("xcp_busy")), CopyJob::Mode::Replace);
        QVERIFY(runToEnd(copy));
        QVERIFY(!copy.status().ok());
        const QString line = copy.status().error().oneLine();
        QVERIFY2(line.contains(QStringLiteral("Access denied")), qPrintable(line)); // premise: refused login
        QCOMPARE(copy.status().error().kind, Error::Kind::Unauthorized);
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QVERIFY(!line.contains(wrong));
        QVERIFY(!line.contains(m_passS));
        QVERIFY(copy.clientArguments().isEmpty());
        QCOMPARE(snapshot(dedicatedAdmin(m_status, QStringLiteral("xcp_busy"))), before);
        capture.stop();
        QVERIFY(!capture.lines().join(QLatin1Char('\n')).contains(wrong));
    }

    // The same for the target: its wrong password is reported, and the target keeps what it had.
    void wrongTargetPasswordIsOneLine()
    {
        const QString wrong = QStringLiteral("Wrong#Target-pass-unique-2291");
        DatabaseEndpoint badTarget = target(QStringLiteral("xcp_kept"));
        badTarget.password = Secret(wrong);
        CopyJob copy(source(QStringLiteral("xcp_src")), badTarget, CopyJob::Mode::Replace);
        QVERIFY(runToEnd(copy));
        QVERIFY(!copy.status().ok());
        const QString line = copy.status().error().oneLine();
        QVERIFY2(line.contains(QStringLiteral("Access denied")), qPrintable(line));
        QVERIFY(!line.contains(wrong));
        QVERIFY(copy.dumpArguments().isEmpty()); // the dump never started
    }

    // The wizard shows the outcome once the copy stops running; a job that stopped before saying how
    // it ended left it showing nothing.
    void stopsRunningOnlyOnceItHasReported()
    {
        DatabaseEndpoint badTarget = target(QStringLiteral("xcp_kept"));
        badTarget.password = Secret(QStringLiteral("Wrong#Target-pass-unique-7730"));
        CopyJob refused(source(QStringLiteral("xcp_src")), badTarget, CopyJob::Mode::Replace);
        QVERIFY(reportsBeforeItStopsRunning(refused));
        QVERIFY(!refused.status().ok());
        CopyJob copied(source(QStringLiteral("xcp_src")), target(QStringLiteral("xcp_dst")),
                       CopyJob::Mode::Replace);
        QVERIFY(reportsBeforeItStopsRunning(copied));
        QVERIFY2(copied.status().ok(),
                 qPrintable(copied.status().ok() ? QString() : copied.status().error().oneLine()));
    }
};

QTEST_GUILESS_MAIN(TestCopyJob)
#include "tst_copyjob.moc"
