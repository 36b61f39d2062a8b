// SPDX-License-Identifier: MIT
// DatabaseUsage against the fixture pair, as the database's own unprivileged user: table sizes and the
// user's connections match what the server reports to its administrator, the per-user connection limit
// is the account's own, and at that limit the server really refuses one more (UsageRules then alerts).
#include "../sandbox/SandboxTestEnv.h"
#include "probe/SqlSession.h"
#include "usage/DatabaseUsage.h"
#include "usage/UsageReader.h"
#include "usage/UsageRules.h"

#include <QtTest>

#include <memory>

class TestDatabaseUsage : public QObject
{
    Q_OBJECT
    using Endpoint = SandboxStatus::Endpoint;
    SandboxStatus m_status;
    const QString m_db = QStringLiteral("usage_db%1").arg(QCoreApplication::applicationPid());
    const QString m_user = QStringLiteral("usage_u%1").arg(QCoreApplication::applicationPid());
    const QString m_password = QStringLiteral("Usage-pass-5521");
    static constexpr int Limit = 4;

    ProbeTarget user() const { return m_status.target(Endpoint::Primary, m_user, m_password, m_db); }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY(m_status.isRunning());
        SandboxTestEnv::createDatabaseWithUser(m_status, m_db, m_user, m_password, Limit);
        SqlSession session;
        QVERIFY2(!session.open(user()).isError(), "premise: the user logs in");
        for (const char *statement :
             {"CREATE TABLE big (id INT PRIMARY KEY, pad VARCHAR(500), KEY (pad(20)))",
              "INSERT INTO big SELECT seq, REPEAT('x', 400) FROM seq_1_to_3000",
              "CREATE TABLE small (id INT PRIMARY KEY)", "INSERT INTO small VALUES (1)",
              "CREATE VIEW v AS SELECT id FROM small", "ANALYZE TABLE big, small"})
            QVERIFY2(!session.exec(QString::fromLatin1(statement)).isError(), statement);
    }

    void sizesMatchWhatTheServerReports()
    {
        SqlSession session;
        QVERIFY(!session.open(user()).isError());
        DatabaseUsage usage;
        const ProbeError error = DatabaseUsage::read(session, &usage);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QCOMPARE(usage.largestTables(5),
                 (QStringList{QStringLiteral("big"), QStringLiteral("small")})); // no view
        QVERIFY(usage.tables.at(0).bytes() > usage.tables.at(1).bytes());
        QVERIFY(usage.tables.at(0).indexBytes > 0);
        QVERIFY(usage.tables.at(0).rowsEstimate > 2000);
        const QVariantList reported = SandboxTestEnv::adminExec(
            m_status, Endpoint::Primary,
            {QStringLiteral("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES "
                            "WHERE TABLE_SCHEMA = '%1' AND TABLE_TYPE = 'BASE TABLE'")
                 .arg(m_db)});
        QCOMPARE(usage.totalBytes(), reported.value(0).toLongLong());
        QVERIFY(usage.serverVersion.contains(QStringLiteral("MariaDB")));
        QVERIFY(!usage.readOnly);
        QVERIFY(usage.maxConnections > 0 && usage.waitTimeoutSeconds > 0);
    }

    void connectionsCountTheUsersOwnAgainstItsLimit()
    {
        std::unique_ptr<SqlSession> sessions[Limit];
        for (auto &session : sessions) {
            session = std::make_unique<SqlSession>();
            QVERIFY(!session->open(user()).isError());
        }
        // The limit is real: one more login is refused.
        SqlSession extra;
        QVERIFY2(extra.open(user()).isError(), "premise: MAX_USER_CONNECTIONS refuses a fifth login");

        DatabaseUsage usage;
        QVERIFY(!DatabaseUsage::read(*sessions[0], &usage).isError());
        QCOMPARE(usage.maxUserConnections, Limit); // the account's own limit, not the global one
        QCOMPARE(usage.connectionsInUse, Limit);
        const UsageFinding atLimit = UsageRules::connections(usage.connectionsInUse, usage.maxUserConnections,
                                                             *ClearDbPlans::find(QStringLiteral("punch")));
        QCOMPARE(atLimit.level, UsageFinding::Level::Alert);

        sessions[3].reset();
        sessions[2].reset();
        QTRY_COMPARE_WITH_TIMEOUT(
            [&] {
                DatabaseUsage now;
                return DatabaseUsage::read(*sessions[0], &now).isError() ? -1 : now.connectionsInUse;
            }(),
            2, 5000);
    }

    // The same figures through UsageReader, whose login and reads run in a worker thread: start() returns
    // before any of it happens, and the reader's own connection is closed when it reports.
    void readerDeliversTheFiguresLater()
    {
        UsageReader reader;
        QSignalSpy finished(&reader, &UsageReader::finished);
        reader.start(user());
        QVERIFY(reader.isRunning());
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(20000));
        QVERIFY(!reader.isRunning());
        const UsageReading reading = finished.at(0).at(0).value<UsageReading>();
        QVERIFY2(reading.ok(), qPrintable(reading.error.toString()));
        QCOMPARE(reading.usage.largestTables(1), QStringList{QStringLiteral("big")});
        QCOMPARE(reading.usage.maxUserConnections, Limit);
        QCOMPARE(reading.usage.connectionsInUse, 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            SandboxTestEnv::adminExec(m_status, Endpoint::Primary,
                                      {QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                                      "WHERE USER = '%1'")
                                           .arg(m_user)})
                .value(0)
                .toInt(),
            0, 5000);
    }

    void readerSaysWhereAReadFailed()
    {
        UsageReader reader;
        QSignalSpy finished(&reader, &UsageReader::finished);
        ProbeTarget wrong = user();
        wrong.password = QStringLiteral("not-the-password");
        reader.start(wrong);
        QVERIFY(finished.wait(20000));
        UsageReading reading = finished.at(0).at(0).value<UsageReading>();
        QCOMPARE(reading.error.kind, ProbeError::Kind::AccessDenied);
        QCOMPARE(reading.error.code, 1045);
        QVERIFY(!reading.error.toString().contains(QStringLiteral("not-the-password")));

        // An invalid target is reported later too, never from inside start().
        reader.start(ProbeTarget());
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.wait(5000));
        reading = finished.at(1).at(0).value<UsageReading>();
        QCOMPARE(reading.error.kind, ProbeError::Kind::InvalidTarget);
    }

    void aRestartedReadDropsTheFirstAnswer()
    {
        UsageReader reader;
        QSignalSpy finished(&reader, &UsageReader::finished);
        ProbeTarget wrong = user();
        wrong.password = QStringLiteral("not-the-password");
        reader.start(wrong);
        reader.start(user());
        QVERIFY(finished.wait(20000));
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).value<UsageReading>().ok());
    }

    void cleanupTestCase() { SandboxTestEnv::dropDatabaseWithUser(m_status, m_db, m_user); }
};

QTEST_GUILESS_MAIN(TestDatabaseUsage)
#include "tst_databaseusage.moc"
