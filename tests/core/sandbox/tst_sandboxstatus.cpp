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
