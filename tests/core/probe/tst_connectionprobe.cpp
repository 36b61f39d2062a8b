// SPDX-License-Identifier: MIT
#include "../sandbox/SandboxTestEnv.h"
#include "FakeMySqlServer.h"
#include "probe/ConnectionProbe.h"
#include "probe/SqlSession.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

namespace {
bool runOpenssl(const QStringList &args)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), args);
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}

// Forwards every connection to a real server and counts them: how many TCP connections a probe opens.
class CountingRelay : public QTcpServer
{
public:
    explicit CountingRelay(quint16 upstream) : m_upstream(upstream) {}
    int accepted() const { return m_accepted; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++m_accepted;
        auto *down = new QTcpSocket(this);
        down->setSocketDescriptor(descriptor);
        auto *up = new QTcpSocket(this);
        connect(down, &QTcpSocket::readyRead, up, [down, up] { up->write(down->readAll()); });
        connect(up, &QTcpSocket::readyRead, down, [down, up] { down->write(up->readAll()); });
        connect(down, &QTcpSocket::disconnected, up, &QTcpSocket::disconnectFromHost);
        connect(up, &QTcpSocket::disconnected, down, &QTcpSocket::disconnectFromHost);
        up->connectToHost(QHostAddress::LocalHost, m_upstream);
    }

private:
    quint16 m_upstream;
    int m_accepted = 0;
};
} // namespace

// ConnectionProbe against the real sandbox pair (fixture mariadb_cluster): every stage timed and
// attributed, the TLS card filled, and each kind of failure reported at the stage where it happens.
class TestConnectionProbe : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;
    QTemporaryDir m_tmp;
    const QString m_db = QStringLiteral("heroku_probe0000000001");
    const QString m_user = QStringLiteral("probe_user");
    const QString m_password = QStringLiteral("Pr0be-%1").arg(QCoreApplication::applicationPid());
    QString m_otherCa;

    ProbeTarget target(SandboxStatus::Endpoint e = SandboxStatus::Endpoint::Routed) const
    {
        ProbeTarget t = m_status.target(e, m_user, m_password, m_db);
        t.timeoutMs = 3000;
        return t;
    }

    ProbeResult probe(const ProbeTarget &t, int *stageSignals = nullptr, qint64 *longestStallMs = nullptr)
    {
        ConnectionProbe probe;
        QSignalSpy done(&probe, &ConnectionProbe::finished);
        QSignalSpy stages(&probe, &ConnectionProbe::stageFinished);
        // The caller's event loop must keep turning while the probe works: measure the longest gap.
        QElapsedTimer sinceTick;
        qint64 longest = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { longest = qMax(longest, sinceTick.restart()); });
        sinceTick.start();
        ticker.start(5);
        probe.start(t);
        if (!done.wait(20000))
            return ProbeResult();
        if (stageSignals)
            *stageSignals = int(stages.size());
        if (longestStallMs)
            *longestStallMs = longest;
        return done.first().at(0).value<ProbeResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        QVERIFY(SandboxTestEnv::provision(m_db, m_user, m_password));
        QVERIFY(SandboxTestEnv::provision(m_db, QStringLiteral("probe_limited"), m_password));
        for (auto e : {SandboxStatus::Endpoint::Primary, SandboxStatus::Endpoint::Secondary})
            SandboxTestEnv::adminExec(
                m_status, e,
                {QStringLiteral("SET sql_log_bin=0"),
                 QStringLiteral("ALTER USER 'probe_limited'@'%' WITH MAX_USER_CONNECTIONS 1")});
        // A CA that did not sign the sandbox's certificate.
        m_otherCa = m_tmp.filePath(QStringLiteral("other-ca.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Someone Else CA"),
                       QStringLiteral("-keyout"), m_tmp.filePath(QStringLiteral("other-key.pem")),
                       QStringLiteral("-out"), m_otherCa});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
    }

    void everyStageIsTimedAndTlsVerified()
    {
        int stageSignals = 0;
        qint64 stall = 0;
        const ProbeResult r = probe(target(), &stageSignals, &stall);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        const QList<ProbeStage> expected{ProbeStage::Dns, ProbeStage::Tcp,  ProbeStage::Greeting,
                                         ProbeStage::Tls, ProbeStage::Auth, ProbeStage::Query};
        QCOMPARE(r.stages.size(), expected.size());
        QCOMPARE(stageSignals, int(expected.size()));
        double sum = 0;
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(r.stages.at(i).stage, expected.at(i));
            QVERIFY(r.stages.at(i).ok);
            QVERIFY(r.stages.at(i).ms >= 0);
            sum += r.stages.at(i).ms;
        }
        QVERIFY2(sum <= r.totalMs,
                 qPrintable(QStringLiteral("stages %1 ms > total %2 ms").arg(sum).arg(r.totalMs)));
        QVERIFY2(stall < 250, qPrintable(QStringLiteral("event loop stalled %1 ms").arg(stall)));

        QVERIFY(r.server.answered);
        QCOMPARE(r.server.serverId, 1); // HAProxy routes to the primary while it is up
        QVERIFY(r.server.version.contains(QStringLiteral("MariaDB")));
        QVERIFY(r.server.greetingVersion.startsWith(QStringLiteral("10.11")));
        QVERIFY(r.server.connectionId > 0);
        QVERIFY(!r.server.readOnly);

        QCOMPARE(r.tls.state, TlsCard::State::Verified);
        QVERIFY(r.tls.protocol.startsWith(QStringLiteral("TLSv1.")));
        QVERIFY(!r.tls.cipher.isEmpty());
        QCOMPARE(r.tls.subject, QStringLiteral("localhost"));
        QCOMPARE(r.tls.issuer, QStringLiteral("ClearDB Console Sandbox CA"));
        QVERIFY(r.tls.notAfter > QDateTime::currentDateTimeUtc());

        const QByteArray json = QJsonDocument(r.toJson()).toJson();
        QVERIFY(!json.contains(m_password.toUtf8()));
        QVERIFY(json.contains("\"verified\""));
    }

    void eachMasterAnswersWithItsServerId()
    {
        QCOMPARE(probe(target(SandboxStatus::Endpoint::Primary)).server.serverId, 1);
        QCOMPARE(probe(target(SandboxStatus::Endpoint::Secondary)).server.serverId, 2);
    }

    void withoutCaTlsIsUnverifiedButWorks()
    {
        ProbeTarget t = target();
        t.caFile.clear();
        const ProbeResult r = probe(t);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.tls.state, TlsCard::State::NotVerified);
    }

    void oneConnectionPerProbeAndItIsTheEncryptedOne()
    {
        const ProbeTarget direct = target(SandboxStatus::Endpoint::Primary);
        CountingRelay relay(direct.port);
        QVERIFY(relay.listen(QHostAddress::LocalHost));
        ProbeTarget t = direct;
        t.port = relay.serverPort();
        const ProbeResult r = probe(t);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(relay.accepted(), 1);
        QCOMPARE(r.tls.state, TlsCard::State::Verified);
    }

    void sessionsUseTlsWhenTheServerOffersItEvenWithoutCa()
    {
        // The monitor's persistent connections and the canary log in through SqlSession: the server
        // itself reports the session's cipher, so TLS is checked on the connection that logged in.
        ProbeTarget t = target(SandboxStatus::Endpoint::Primary);
        t.caFile.clear();
        SqlSession session;
        const ProbeError error = session.open(t);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QVariantList row;
        QVERIFY(!session.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_version'"), {}, &row).isError());
        QCOMPARE(row.size(), 2);
        QVERIFY2(row.at(1).toString().startsWith(QStringLiteral("TLSv1.")), qPrintable(row.at(1).toString()));
        // Bound values are escaped literals.
        row.clear();
        QVERIFY(!session
                     .exec(QStringLiteral("SELECT ?, ?, ?"),
                           {QStringLiteral("it's \\ \"x\""), 42, QVariant()}, &row)
                     .isError());
        QCOMPARE(row.value(0).toString(), QStringLiteral("it's \\ \"x\""));
        QCOMPARE(row.value(1).toInt(), 42);
        QVERIFY(row.value(2).isNull());
    }

    void wrongPasswordFailsAuthWith1045()
    {
        ProbeTarget t = target();
        t.password = QStringLiteral("definitely-wrong-pw");
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.stage, ProbeStage::Auth);
        QCOMPARE(r.error.code, 1045);
        QCOMPARE(r.error.kind, ProbeError::Kind::AccessDenied);
        QVERIFY(r.hasStage(ProbeStage::Tls));
        QVERIFY(!r.hasStage(ProbeStage::Query));
        QVERIFY(!r.error.toString().contains(t.password));
    }

    void closedPortFailsTcp()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        ProbeTarget t = target();
        t.port = server.serverPort();
        server.close();
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.stage, ProbeStage::Tcp);
        QCOMPARE(r.error.kind, ProbeError::Kind::ConnectionRefused);
        QVERIFY(r.error.message.contains(QStringLiteral("refused")));
        QVERIFY(r.hasStage(ProbeStage::Dns));
        QVERIFY(!r.hasStage(ProbeStage::Greeting));
    }

    void unknownHostFailsDns()
    {
        ProbeTarget t = target();
        t.host = QStringLiteral("nonexistent.invalid");
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.stage, ProbeStage::Dns);
        QCOMPARE(r.error.kind, ProbeError::Kind::UnknownHost);
        QVERIFY(r.error.message.contains(QStringLiteral("nonexistent.invalid")));
    }

    void caMismatchFailsTls()
    {
        ProbeTarget t = target();
        t.caFile = m_otherCa;
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.stage, ProbeStage::Tls);
        QCOMPARE(r.error.kind, ProbeError::Kind::TlsVerificationFailed);
        QCOMPARE(r.tls.state, TlsCard::State::VerificationFailed);
        QVERIFY(!r.tls.verificationErrors.isEmpty()); // the card says why
        QVERIFY(!r.hasStage(ProbeStage::Auth));
    }

    void certificateForAnotherHostIsChainOkHostnameMismatch()
    {
        // The ClearDB case: the certificate chains to the given CA but names another host. A MySQL
        // look-alike serves such a certificate (signed by the sandbox CA, for db.example.invalid).
        const QString key = m_tmp.filePath(QStringLiteral("other-host-key.pem"));
        const QString csr = m_tmp.filePath(QStringLiteral("other-host.csr"));
        const QString cert = m_tmp.filePath(QStringLiteral("other-host.pem"));
        const QString tls = m_status.dir + QStringLiteral("/tls/");
        QVERIFY(runOpenssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                            QStringLiteral("-nodes"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=db.example.invalid"), QStringLiteral("-keyout"), key,
                            QStringLiteral("-out"), csr}));
        QVERIFY(runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                            QStringLiteral("-CA"), tls + QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                            tls + QStringLiteral("ca-key.pem"), QStringLiteral("-set_serial"),
                            QStringLiteral("4242"), QStringLiteral("-days"), QStringLiteral("2"),
                            QStringLiteral("-out"), cert}));
        FakeMySqlServer server(m_password.toUtf8(), true, FakeMySqlServer::Auth::Native, cert, key);
        QVERIFY(server.certificateLoaded());
        QVERIFY(server.listen(QHostAddress::LocalHost));
        ProbeTarget t = target();
        t.port = server.serverPort();
        t.timeoutMs = 1000;
        const ProbeResult r = probe(t);
        // Not a TLS failure: the probe logged in over that TLS session and reports its card.
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(server.tlsSessions(), 1);
        QCOMPARE(r.tls.state, TlsCard::State::ChainOkHostnameMismatch);
        QCOMPARE(r.tls.stateDescription(), QStringLiteral("chain OK, hostname mismatch"));
        QCOMPARE(r.tls.subject, QStringLiteral("db.example.invalid"));
        QVERIFY(r.stages.size() >= 4);
        QCOMPARE(r.stages.at(3).stage, ProbeStage::Tls);
        QVERIFY(r.stages.at(3).ok);
    }

    void userConnectionLimitIsTooManyConnections()
    {
        SqlSession holder;
        ProbeTarget t = target(SandboxStatus::Endpoint::Primary);
        t.user = QStringLiteral("probe_limited");
        QVERIFY(!holder.open(t).isError());
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.stage, ProbeStage::Auth);
        QCOMPARE(r.error.code, 1226);
        QCOMPARE(r.error.kind, ProbeError::Kind::TooManyConnections);
    }

    void silentServerTimesOutAtGreeting()
    {
        QTcpServer server; // accepts, never greets
        QVERIFY(server.listen(QHostAddress::LocalHost));
        ProbeTarget t = target();
        t.port = server.serverPort();
        t.timeoutMs = 300;
        QElapsedTimer timer;
        timer.start();
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.stage, ProbeStage::Greeting);
        QCOMPARE(r.error.kind, ProbeError::Kind::Timeout);
        QVERIFY(timer.elapsed() < 3000);
    }

    void otherProtocolIsNotMySql()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            QTcpSocket *s = server.nextPendingConnection();
            s->write("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
        });
        ProbeTarget t = target();
        t.port = server.serverPort();
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.stage, ProbeStage::Greeting);
        QCOMPARE(r.error.kind, ProbeError::Kind::ProtocolError);
    }

    void invalidTargetIsReportedNotProbed()
    {
        ProbeTarget t = target();
        t.host.clear();
        const ProbeResult r = probe(t);
        QCOMPARE(r.error.kind, ProbeError::Kind::InvalidTarget);
        QVERIFY(r.stages.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectionProbe)
#include "tst_connectionprobe.moc"
