// SPDX-License-Identifier: MIT
#include "probe/MariaDbConnection.h"
#include "probe/MySqlHandshake.h"
#include "probe/ProbeError.h"
#include "probe/ProbeTarget.h"
#include "probe/TlsCard.h"

#include "dburl/DatabaseUrl.h"
#include <QtEndian>

#include <QtTest>

namespace {
QByteArray packet(const QByteArray &payload, char sequence = 0)
{
    QByteArray p(4, '\0');
    p[0] = char(payload.size() & 0xff);
    p[1] = char((payload.size() >> 8) & 0xff);
    p[2] = char((payload.size() >> 16) & 0xff);
    p[3] = sequence;
    return p + payload;
}

// A protocol-v10 greeting as MariaDB 10.11 sends it.
QByteArray greeting(const QByteArray &version, quint32 connectionId, quint32 capabilities)
{
    QByteArray g;
    g += char(10);
    g += version + '\0';
    char id[4];
    qToLittleEndian<quint32>(connectionId, id);
    g += QByteArray(id, 4);
    g += QByteArray("abcdefgh") + '\0'; // auth data part 1 + filler
    char caps[2];
    qToLittleEndian<quint16>(quint16(capabilities & 0xffff), caps);
    g += QByteArray(caps, 2);
    g += char(45); // charset
    g += QByteArray("\x02\x00", 2);
    qToLittleEndian<quint16>(quint16(capabilities >> 16), caps);
    g += QByteArray(caps, 2);
    g += char(21);             // auth data length
    g += QByteArray(10, '\0'); // reserved
    g += QByteArray("ijklmnopqrst") + '\0';
    g += QByteArray("mysql_native_password") + '\0';
    return packet(g);
}

QSslError sslError(QSslError::SslError e)
{
    return QSslError(e);
}
} // namespace

// The greeting/SSLRequest bytes the probe relies on, the TLS verdicts and the error explanations.
class TestMySqlHandshake : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesMariaDbGreeting()
    {
        const quint32 caps = MySqlHandshake::ClientProtocol41 | MySqlHandshake::ClientSsl |
                             MySqlHandshake::ClientSecureConnection | MySqlHandshake::ClientPluginAuth;
        const QByteArray bytes = greeting("5.5.5-10.11.19-MariaDB-0+deb12u1", 4242, caps);
        const auto r = MySqlHandshake::parseGreeting(bytes);
        QCOMPARE(r.status, MySqlHandshake::ParseStatus::Greeting);
        QCOMPARE(r.packetLength, bytes.size());
        QCOMPARE(r.greeting.connectionId, quint32(4242));
        QCOMPARE(r.greeting.capabilities, caps);
        QVERIFY(r.greeting.supportsTls());
        QCOMPARE(r.greeting.characterSet, 45);
        QCOMPARE(r.greeting.authPluginName, QStringLiteral("mysql_native_password"));
        QCOMPARE(MySqlHandshake::displayVersion(r.greeting.serverVersion),
                 QStringLiteral("10.11.19-MariaDB-0+deb12u1"));
        QCOMPARE(MySqlHandshake::displayVersion(QStringLiteral("5.6.50-log")), QStringLiteral("5.6.50-log"));
    }

    void greetingWithoutTls()
    {
        const auto r = MySqlHandshake::parseGreeting(greeting(
            "5.6.50-log", 7, MySqlHandshake::ClientProtocol41 | MySqlHandshake::ClientSecureConnection));
        QCOMPARE(r.status, MySqlHandshake::ParseStatus::Greeting);
        QVERIFY(!r.greeting.supportsTls());
    }

    void waitsForTheWholePacket()
    {
        const QByteArray bytes = greeting("8.0.36", 1, MySqlHandshake::ClientProtocol41);
        for (int n : {0, 3, 4, 10, int(bytes.size()) - 1})
            QCOMPARE(MySqlHandshake::parseGreeting(bytes.left(n)).status,
                     MySqlHandshake::ParseStatus::NeedMoreData);
    }

    void serverErrorBeforeHandshake()
    {
        // What a full server sends instead of a greeting: ERR 1040.
        QByteArray err("\xff", 1);
        err += QByteArray("\x10\x04", 2);
        err += "Too many connections";
        const auto r = MySqlHandshake::parseGreeting(packet(err));
        QCOMPARE(r.status, MySqlHandshake::ParseStatus::ServerError);
        QCOMPARE(r.errorCode, 1040);
        QCOMPARE(r.errorMessage, QStringLiteral("Too many connections"));
        const ProbeError e = ProbeError::fromMySqlCode(ProbeStage::Greeting, r.errorCode, r.errorMessage);
        QCOMPARE(e.kind, ProbeError::Kind::TooManyConnections);
    }

    void rejectsNonMySql_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("http") << QByteArray("HTTP/1.1 400 Bad Request\r\n\r\n");
        QTest::newRow("ssh") << QByteArray("SSH-2.0-OpenSSH_9.2p1\r\n");
        QTest::newRow("protocol 9") << packet(QByteArray("\x09"
                                                         "3.23\0",
                                                         6) +
                                              QByteArray(20, 'x'));
        QTest::newRow("truncated v10") << packet(QByteArray("\x0a"
                                                            "8.0\0"
                                                            "ab",
                                                            7));
    }
    void rejectsNonMySql()
    {
        QFETCH(QByteArray, bytes);
        const auto r = MySqlHandshake::parseGreeting(bytes);
        QCOMPARE(r.status, MySqlHandshake::ParseStatus::Malformed);
        QVERIFY(!r.errorMessage.isEmpty());
    }

    void sslRequestLayout()
    {
        const QByteArray p =
            MySqlHandshake::sslRequest(MySqlHandshake::ClientPluginAuth | MySqlHandshake::ClientSsl);
        QCOMPARE(p.size(), 36);
        QCOMPARE(int(p[0]), 32); // payload length
        QCOMPARE(int(p[3]), 1);  // sequence id after the greeting
        const quint32 caps = qFromLittleEndian<quint32>(p.constData() + 4);
        QVERIFY(caps & MySqlHandshake::ClientSsl);
        QVERIFY(caps & MySqlHandshake::ClientProtocol41);
        QVERIFY(caps & MySqlHandshake::ClientPluginAuth);
        QCOMPARE(p.mid(13), QByteArray(23, '\0'));
    }

    void tlsVerdicts_data()
    {
        QTest::addColumn<QList<QSslError>>("errors");
        QTest::addColumn<bool>("caGiven");
        QTest::addColumn<int>("state");
        using S = TlsCard::State;
        QTest::newRow("clean with CA") << QList<QSslError>{} << true << int(S::Verified);
        QTest::newRow("hostname only") << QList<QSslError>{sslError(QSslError::HostNameMismatch)} << true
                                       << int(S::ChainOkHostnameMismatch);
        QTest::newRow("unknown CA") << QList<QSslError>{sslError(
                                           QSslError::UnableToGetLocalIssuerCertificate)}
                                    << true << int(S::VerificationFailed);
        QTest::newRow("expired and hostname") << QList<QSslError>{sslError(QSslError::HostNameMismatch),
                                                                  sslError(QSslError::CertificateExpired)}
                                              << true << int(S::VerificationFailed);
        QTest::newRow("no CA, self-signed")
            << QList<QSslError>{sslError(QSslError::SelfSignedCertificateInChain)} << false
            << int(S::NotVerified);
    }
    void tlsVerdicts()
    {
        QFETCH(QList<QSslError>, errors);
        QFETCH(bool, caGiven);
        QFETCH(int, state);
        QCOMPARE(int(TlsCard::classify(errors, caGiven)), state);
        TlsCard card;
        card.state = TlsCard::State::ChainOkHostnameMismatch;
        QCOMPARE(card.stateDescription(), QStringLiteral("chain OK, hostname mismatch"));
    }

    void errorExplanations_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        using K = ProbeError::Kind;
        QTest::newRow("1045") << 1045 << int(K::AccessDenied) << QStringLiteral("password");
        QTest::newRow("1040") << 1040 << int(K::TooManyConnections) << QStringLiteral("too many connections");
        QTest::newRow("1226") << 1226 << int(K::TooManyConnections) << QStringLiteral("max_user_connections");
        QTest::newRow("2006") << 2006 << int(K::ConnectionLost) << QStringLiteral("90 s");
        QTest::newRow("1049") << 1049 << int(K::UnknownDatabase) << QStringLiteral("database name");
        QTest::newRow("9999") << 9999 << int(K::ServerError) << QStringLiteral("error");
    }
    void errorExplanations()
    {
        QFETCH(int, code);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const ProbeError e = ProbeError::fromMySqlCode(ProbeStage::Auth, code, QStringLiteral("raw"));
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.code, code);
        QCOMPARE(e.stage, ProbeStage::Auth);
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
        QVERIFY(e.toString().startsWith(QStringLiteral("auth: ")));
    }

    void withoutTlsOnlyChallengeResponsePluginsAreAllowed()
    {
        // Connector/C matches MARIADB_OPT_RESTRICTED_AUTH by substring: no allowed name may contain
        // a refused one.
        const QString plain = QString::fromLatin1(MariaDbConnection::pluginsWithoutTls());
        const QString tls = QString::fromLatin1(MariaDbConnection::pluginsWithTls());
        for (const QString &unsafe :
             {QStringLiteral("mysql_clear_password"), QStringLiteral("dialog"),
              QStringLiteral("caching_sha2_password"), QStringLiteral("sha256_password"),
              QStringLiteral("mysql_old_password")}) {
            QVERIFY2(!plain.contains(unsafe), qPrintable(unsafe));
        }
        QVERIFY(plain.contains(QStringLiteral("mysql_native_password")));
        QVERIFY(tls.contains(QStringLiteral("mysql_native_password")));
        QVERIFY(tls.contains(QStringLiteral("mysql_clear_password")));
        QVERIFY(!tls.contains(QStringLiteral("mysql_old_password")));
    }

    void targetNeverShowsPassword()
    {
        ProbeTarget t{QStringLiteral("routed"),
                      QStringLiteral("us-cdbr-east.cleardb.com"),
                      3306,
                      QStringLiteral("b1a2c3d4e5f6a7"),
                      QStringLiteral("s3cr3tpw"),
                      QStringLiteral("heroku_x"),
                      {},
                      5000};
        QCOMPARE(t.redacted(), QStringLiteral("mysql://b1a2c3d4e5f6a7:") + DatabaseUrl::passwordMask() +
                                   QStringLiteral("@us-cdbr-east.cleardb.com:3306/heroku_x"));
        QVERIFY(t.validate().ok());
        t.host.clear();
        const Status invalid = t.validate();
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().kind, Error::Kind::InvalidInput);
        QVERIFY(invalid.error().message.contains(QStringLiteral("no host")));
    }
};

QTEST_GUILESS_MAIN(TestMySqlHandshake)
#include "tst_mysqlhandshake.moc"
