// SPDX-License-Identifier: MIT
#include "FakeMySqlServer.h"
#include "probe/ConnectionProbe.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

// Where the password travels: the connection that logs in is the one the probe reports on, it uses
// TLS whenever the server offers it, and a server's switch to a clear-text password plugin is refused
// unless that connection is encrypted. FakeMySqlServer records every byte that arrives unencrypted.
class TestProbeTls : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_cert;
    QString m_key;
    const QByteArray m_password =
        QByteArray("Pr0be-secret-") + QByteArray::number(QCoreApplication::applicationPid());

    ProbeTarget target(quint16 port) const
    {
        ProbeTarget t;
        t.host = QStringLiteral("127.0.0.1");
        t.port = port;
        t.user = QStringLiteral("probe_user");
        t.password = QString::fromLatin1(m_password);
        t.database = QStringLiteral("heroku_fake");
        t.timeoutMs = 3000;
        return t;
    }

    static ProbeResult probe(const ProbeTarget &t)
    {
        ConnectionProbe probe;
        QSignalSpy done(&probe, &ConnectionProbe::finished);
        probe.start(t);
        if (!done.wait(20000))
            return ProbeResult();
        // Let the fake server read whatever the client sent last (COM_QUIT, a late packet).
        QTest::qWait(50);
        return done.first().at(0).value<ProbeResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cert = m_tmp.filePath(QStringLiteral("cert.pem"));
        m_key = m_tmp.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                       QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_cert});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
    }

    // The server offers TLS but, if the client logs in without it, asks for the password in clear.
    void offeredTlsCarriesTheLoginAndThePasswordNeverTravelsInClear()
    {
        FakeMySqlServer server(m_password, true, FakeMySqlServer::Auth::SwitchToClearPassword, m_cert, m_key);
        QVERIFY(server.certificateLoaded());
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const ProbeResult r = probe(target(server.serverPort()));
        // Premise: the client reached the login and the server asked for the clear-text password.
        QVERIFY(server.accepted() >= 1);
        QCOMPARE(server.loginPackets(), 1);
        QVERIFY2(!server.passwordSeenInClear(),
                 qPrintable(QStringLiteral("the server received the password in clear on one of %1 "
                                           "connection(s) while the probe reported TLS '%2'")
                                .arg(server.accepted())
                                .arg(r.tls.stateDescription())));
        QCOMPARE(server.passwordsInClear(), 0);
        QCOMPARE(server.accepted(), 1); // one connection per probe
        if (r.ok()) {
            // Logged in over TLS, on the connection the card describes.
            QCOMPARE(server.tlsSessions(), 1);
            QCOMPARE(server.passwordsOverTls(), 1);
            QCOMPARE(r.tls.state, TlsCard::State::NotVerified);
            QCOMPARE(r.tls.stateDescription(), QStringLiteral("encrypted, not verified (no CA file given)"));
            QVERIFY(r.tls.protocol.startsWith(QStringLiteral("TLSv1.")));
            QVERIFY(!r.tls.cipher.isEmpty());
            QCOMPARE(r.tls.subject, QStringLiteral("localhost"));
            QCOMPARE(r.server.hostname, QStringLiteral("fakehost"));
        } else {
            QVERIFY(!r.error.toString().contains(QLatin1Char('\n')));
            QVERIFY(!r.tls.established() || server.tlsSessions() == 1);
        }
    }

    void withoutTlsNativePasswordWorksAndIsReportedNotEncrypted()
    {
        FakeMySqlServer server(m_password, false, FakeMySqlServer::Auth::Native);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const ProbeResult r = probe(target(server.serverPort()));
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(server.loginPackets(), 1);
        QCOMPARE(server.accepted(), 1); // one connection per probe
        QCOMPARE(r.tls.state, TlsCard::State::NotOffered);
        QVERIFY(r.tls.stateDescription().startsWith(QStringLiteral("not encrypted")));
        QVERIFY(!r.tls.established());
        QVERIFY(r.server.answered);
        QVERIFY(!server.passwordSeenInClear()); // mysql_native_password sends a scramble, not the password
        const QList<ProbeStage> expected{ProbeStage::Dns, ProbeStage::Tcp, ProbeStage::Greeting,
                                         ProbeStage::Auth, ProbeStage::Query};
        QCOMPARE(r.stages.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(r.stages.at(i).stage, expected.at(i));
    }

    void withoutTlsASwitchToClearTextPasswordIsRefused()
    {
        FakeMySqlServer server(m_password, false, FakeMySqlServer::Auth::SwitchToClearPassword);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const ProbeResult r = probe(target(server.serverPort()));
        // Premise: the server got the login and answered it with the switch.
        QCOMPARE(server.loginPackets(), 1);
        QVERIFY2(!server.passwordSeenInClear(), "the password reached the server in clear");
        QCOMPARE(server.passwordsInClear(), 0);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.stage == ProbeStage::Auth, qPrintable(r.error.toString()));
        QCOMPARE(r.error.kindName(), QStringLiteral("insecure-auth"));
        const QString line = r.error.toString();
        QVERIFY2(line.contains(QStringLiteral("clear text")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
        QVERIFY(!line.contains(QString::fromLatin1(m_password)));
        QVERIFY2(r.error.detail.isEmpty(), "Connector/C's text for this error quotes stale login bytes");
        QCOMPARE(server.accepted(), 1);
    }

    void aCaFileWithoutServerTlsStopsBeforeTheLogin()
    {
        FakeMySqlServer server(m_password, false, FakeMySqlServer::Auth::Native);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        ProbeTarget t = target(server.serverPort());
        t.caFile = m_cert;
        const ProbeResult r = probe(t);
        QVERIFY2(r.error.stage == ProbeStage::Tls, qPrintable(r.error.toString()));
        QCOMPARE(r.error.kind, ProbeError::Kind::TlsNotOffered);
        QCOMPARE(server.accepted(), 1);
        QCOMPARE(server.loginPackets(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProbeTls)
#include "tst_probetls.moc"
