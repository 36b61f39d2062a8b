// SPDX-License-Identifier: MIT
#include "sandbox/SandboxStatus.h"

#include <QtTest>

// SandboxStatus reads `cluster.sh status --json`; the GUI and CLI take ports and files from it.
class TestSandboxStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesRunningCluster()
    {
        const QByteArray json =
            "{\"state\":\"running\",\"dir\":\"/tmp/x\",\"host\":\"127.0.0.1\",\"routed_port\":33070,"
            "\"stats_port\":33073,\"haproxy\":{\"state\":\"running\",\"pid\":11},"
            "\"primary\":{\"state\":\"running\",\"port\":33071,\"pid\":12,\"server_id\":1},"
            "\"secondary\":{\"state\":\"stopped\",\"port\":33072,\"pid\":0,\"server_id\":2},"
            "\"ca_file\":\"/tmp/x/tls/ca.pem\",\"admin_user\":\"sandbox_admin\","
            "\"admin_password_file\":\"/tmp/x/secrets/admin.password\",\"admin_url\":\"mysql://"
            "sandbox_admin@127.0.0.1:33070/\","
            "\"stats_url\":\"http://127.0.0.1:33073/\"}";
        const Result<SandboxStatus> parsed = SandboxStatus::fromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().oneLine()));
        const SandboxStatus &s = parsed.value();
        QVERIFY(s.isRunning());
        QCOMPARE(s.routedPort, quint16(33070));
        QCOMPARE(s.primaryPort, quint16(33071));
        QCOMPARE(s.secondaryPort, quint16(33072));
        QCOMPARE(s.primaryPid, 12);
        QVERIFY(s.primaryRunning);
        QVERIFY(!s.secondaryRunning);
        const ProbeTarget t = s.target(SandboxStatus::Endpoint::Secondary, QStringLiteral("u"),
                                       QStringLiteral("pw"), QStringLiteral("db"));
        QCOMPARE(t.port, quint16(33072));
        QCOMPARE(t.caFile, QStringLiteral("/tmp/x/tls/ca.pem"));
        QCOMPARE(t.label, QStringLiteral("secondary"));
        QVERIFY(!t.redacted().contains(QStringLiteral("pw")));
    }

    // The separate server standing for a dedicated cluster: its own port, pid, state and admin password.
    void parsesDedicatedServer()
    {
        const QByteArray json =
            "{\"state\":\"running\",\"dir\":\"/tmp/x\",\"routed_port\":33070,\"stats_port\":33073,"
            "\"haproxy\":{\"state\":\"running\",\"pid\":11},"
            "\"primary\":{\"state\":\"running\",\"port\":33071,\"pid\":12,\"server_id\":1},"
            "\"secondary\":{\"state\":\"running\",\"port\":33072,\"pid\":13,\"server_id\":2},"
            "\"dedicated\":{\"state\":\"running\",\"port\":33074,\"pid\":14,\"server_id\":3,"
            "\"admin_password_file\":\"/tmp/x/secrets/dedicated-admin.password\","
            "\"admin_url\":\"mysql://sandbox_admin@127.0.0.1:33074/\"},"
            "\"ca_file\":\"/tmp/x/tls/ca.pem\",\"admin_user\":\"sandbox_admin\","
            "\"admin_password_file\":\"/tmp/x/secrets/admin.password\"}";
        const Result<SandboxStatus> parsed = SandboxStatus::fromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().oneLine()));
        const SandboxStatus &s = parsed.value();
        QVERIFY(s.dedicatedRunning);
        QCOMPARE(s.dedicatedPort, quint16(33074));
        QCOMPARE(s.dedicatedPid, 14);
        QCOMPARE(s.dedicatedAdminPasswordFile, QStringLiteral("/tmp/x/secrets/dedicated-admin.password"));
        QCOMPARE(s.dedicatedAdminUrl, QStringLiteral("mysql://sandbox_admin@127.0.0.1:33074/"));
        QCOMPARE(s.port(SandboxStatus::Endpoint::Dedicated), quint16(33074));
        const ProbeTarget t =
            s.target(SandboxStatus::Endpoint::Dedicated, QStringLiteral("u"), QStringLiteral("pw"));
        QCOMPARE(t.port, quint16(33074));
        QCOMPARE(t.label, QStringLiteral("dedicated"));
        QCOMPARE(t.caFile, QStringLiteral("/tmp/x/tls/ca.pem"));
    }

    // A status from before the dedicated server existed still parses: the server is simply stopped.
    void dedicatedServerIsOptional()
    {
        const QByteArray json = "{\"state\":\"stopped\",\"routed_port\":1,\"primary\":{\"port\":2},"
                                "\"secondary\":{\"port\":3}}";
        const Result<SandboxStatus> parsed = SandboxStatus::fromJson(json);
        QVERIFY(parsed.ok());
        QVERIFY(!parsed.value().dedicatedRunning);
        QCOMPARE(parsed.value().dedicatedPort, quint16(0));
    }

    void rejectsGarbage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("state=running");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no ports") << QByteArray("{\"state\":\"running\"}");
    }
    void rejectsGarbage()
    {
        QFETCH(QByteArray, json);
        const Result<SandboxStatus> parsed = SandboxStatus::fromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, Error::Kind::Remote);
        const QString error = parsed.error().oneLine();
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestSandboxStatus)
#include "tst_sandboxstatus.moc"
