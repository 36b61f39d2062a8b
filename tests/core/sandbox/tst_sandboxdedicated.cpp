// SPDX-License-Identifier: MIT
#include "SandboxTestEnv.h"
#include "probe/SqlSession.h"
#include "sandbox/SandboxCluster.h"

#include <QSignalSpy>
#include <QtTest>

// The sandbox's dedicated server (cluster.sh --server dedicated, base port + 4) stands for a dedicated
// cluster or a local MySQL that data moves to or from: it must be a server of its own, not a third node
// of the pair, and a database provisioned on it must behave like a customer's: one user, one database.
class TestSandboxDedicated : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;

    static QString firstValue(const SandboxStatus &s, SandboxStatus::Endpoint e, const QString &sql)
    {
        const QVariantList row = SandboxTestEnv::adminExec(s, e, {sql});
        return row.isEmpty() ? QStringLiteral("<no row>") : row.first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), qPrintable(m_status.state));
        QVERIFY2(m_status.dedicatedRunning, "the mariadb_cluster fixture did not start the dedicated server");
    }

    void statusListsItWithItsPortAndState()
    {
        QCOMPARE(m_status.dedicatedPort, quint16(m_status.routedPort + 4));
        QVERIFY(m_status.dedicatedPid > 0 && m_status.dedicatedPid != m_status.primaryPid &&
                m_status.dedicatedPid != m_status.secondaryPid);
        QVERIFY(QFile::exists(m_status.dedicatedAdminPasswordFile));
        QVERIFY(m_status.dedicatedAdminPasswordFile != m_status.adminPasswordFile);
        QVERIFY(m_status.adminPassword(SandboxStatus::Endpoint::Dedicated) != m_status.adminPassword());
        const QByteArray text = SandboxTestEnv::run({QStringLiteral("status")});
        QVERIFY2(text.contains("dedicated_state=running\n"), text.constData());
        QVERIFY(text.contains(
            QByteArray(QByteArray("dedicated_port=") + QByteArray::number(m_status.dedicatedPort) + "\n")));
    }

    // Its own server id, no replica threads, no binary log: and a database made on the pair never
    // reaches it (nor the other way round), although the pair's peer has it.
    void isASeparateServer()
    {
        using E = SandboxStatus::Endpoint;
        QCOMPARE(firstValue(m_status, E::Dedicated, QStringLiteral("SELECT @@server_id")),
                 QStringLiteral("3"));
        QCOMPARE(firstValue(m_status, E::Primary, QStringLiteral("SELECT @@server_id")), QStringLiteral("1"));
        QCOMPARE(firstValue(m_status, E::Dedicated, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
        QCOMPARE(firstValue(m_status, E::Dedicated,
                            QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                           "WHERE COMMAND IN ('Slave_IO', 'Slave_SQL', 'Binlog Dump')")),
                 QStringLiteral("0"));

        const QString exists = QStringLiteral(
            "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'dedicated_probe_%1'");
        SandboxTestEnv::adminExec(m_status, E::Primary,
                                  {QStringLiteral("CREATE DATABASE IF NOT EXISTS dedicated_probe_pair")});
        SandboxTestEnv::adminExec(m_status, E::Dedicated,
                                  {QStringLiteral("CREATE DATABASE IF NOT EXISTS dedicated_probe_alone")});
        // Premise: replication runs, so the pair's database reaches the secondary.
        QTRY_COMPARE_WITH_TIMEOUT(firstValue(m_status, E::Secondary, exists.arg(QStringLiteral("pair"))),
                                  QStringLiteral("1"), 5000);
        QCOMPARE(firstValue(m_status, E::Dedicated, exists.arg(QStringLiteral("pair"))), QStringLiteral("0"));
        QCOMPARE(firstValue(m_status, E::Primary, exists.arg(QStringLiteral("alone"))), QStringLiteral("0"));
        QCOMPARE(firstValue(m_status, E::Secondary, exists.arg(QStringLiteral("alone"))),
                 QStringLiteral("0"));
        SandboxTestEnv::adminExec(m_status, E::Primary,
                                  {QStringLiteral("DROP DATABASE dedicated_probe_pair")});
        SandboxTestEnv::adminExec(m_status, E::Dedicated,
                                  {QStringLiteral("DROP DATABASE dedicated_probe_alone")});
    }

    // Provisioned through SandboxCluster as the console would: the user reaches its database over TLS on
    // the dedicated port, sees nothing else, cannot create another, and does not exist on the pair.
    void provisionedUserHasOnlyItsOwnDatabase()
    {
        const QString password = QStringLiteral("Ded1cated-pw-%1").arg(QCoreApplication::applicationPid());
        SandboxCluster cluster(SandboxTestEnv::script(), SandboxTestEnv::dir());
        QSignalSpy spy(&cluster, &SandboxCluster::databaseCreated);
        cluster.createDedicatedDatabase(QStringLiteral("dedicated_app"), QStringLiteral("dedicated_user"),
                                        password);
        QVERIFY(spy.wait(60000));
        const SandboxResult result = spy.takeFirst().at(0).value<SandboxResult>();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().oneLine()));
        QCOMPARE(result.database, QStringLiteral("dedicated_app"));
        QVERIFY(result.status.dedicatedRunning);

        SqlSession user;
        const ProbeError opened =
            user.open(m_status.target(SandboxStatus::Endpoint::Dedicated, QStringLiteral("dedicated_user"),
                                      password, QStringLiteral("dedicated_app")));
        QVERIFY2(!opened.isError(), qPrintable(opened.toString()));
        QVariantList row;
        QVERIFY(
            !user.exec(QStringLiteral("SELECT @@server_id, GROUP_CONCAT(SCHEMA_NAME ORDER BY SCHEMA_NAME) "
                                      "FROM information_schema.SCHEMATA"),
                       {}, &row)
                 .isError());
        QCOMPARE(row.value(0).toString(), QStringLiteral("3"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("dedicated_app,information_schema"));
        QVERIFY(!user.exec(QStringLiteral("SHOW STATUS LIKE 'Ssl_cipher'"), {}, &row).isError());
        QVERIFY2(!row.value(1).toString().isEmpty(), "the login did not use TLS");
        QVERIFY(!user.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY)")).isError());
        const ProbeError other = user.exec(QStringLiteral("CREATE DATABASE dedicated_other"));
        QVERIFY(other.isError());
        QCOMPARE(other.code, 1044); // access denied to database
        QVERIFY(user.exec(QStringLiteral("SELECT COUNT(*) FROM mysql.user")).isError());

        SqlSession pair;
        const ProbeError onPair =
            pair.open(m_status.target(SandboxStatus::Endpoint::Routed, QStringLiteral("dedicated_user"),
                                      password, QStringLiteral("dedicated_app")));
        QVERIFY(onPair.isError());
        QVERIFY2(onPair.code == 1045 || onPair.code == 1698, qPrintable(onPair.toString())); // access denied
        QCOMPARE(firstValue(m_status, SandboxStatus::Endpoint::Primary,
                            QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'dedicated_user'")),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxDedicated)
#include "tst_sandboxdedicated.moc"
