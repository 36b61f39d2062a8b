// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

class QSslSocket;

// A MySQL look-alike on 127.0.0.1 that records what a client sends it, to prove where a password
// travels. It greets with protocol v10 (mysql_native_password, CLIENT_SSL when `offerTls`), starts
// TLS after an SSLRequest, and then either accepts any login (Auth::Native) or answers the login with
// an AuthSwitchRequest to mysql_clear_password (Auth::SwitchToClearPassword), the switch a hostile or
// misconfigured server uses to get the password itself. Plain-text bytes of every connection are kept
// so a test can check the password never crossed the wire unencrypted. SELECTs get one row
// (1, "fakehost", "5.7.99-fake", 0); other statements get OK.
class FakeMySqlServer : public QTcpServer
{
public:
    enum class Auth
    {
        Native,
        SwitchToClearPassword,
    };

    // certFile/keyFile (PEM) are required when offerTls is true.
    FakeMySqlServer(const QByteArray &password, bool offerTls, Auth auth, const QString &certFile = {},
                    const QString &keyFile = {});

    int accepted() const { return m_accepted; }
    int loginPackets() const { return m_loginPackets; }
    int tlsSessions() const { return m_tlsSessions; }
    int passwordsInClear() const { return m_passwordsInClear; }
    int passwordsOverTls() const { return m_passwordsOverTls; }
    bool certificateLoaded() const { return !m_cert.isNull() && !m_key.isNull(); }
    // True when the password's bytes appear anywhere in what arrived unencrypted, on any connection.
    bool passwordSeenInClear() const { return m_plainWire.contains(m_password); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection;
    void onReadyRead(QSslSocket *socket, Connection &c);
    void handlePacket(QSslSocket *socket, Connection &c, quint8 sequence, const QByteArray &payload);
    static void send(QSslSocket *socket, quint8 sequence, const QByteArray &payload);
    QByteArray greeting(quint32 connectionId) const;
    static void sendResultSet(QSslSocket *socket);

    QByteArray m_password;
    bool m_offerTls;
    Auth m_auth;
    QSslCertificate m_cert;
    QSslKey m_key;
    QByteArray m_plainWire;
    int m_accepted = 0;
    int m_loginPackets = 0;
    int m_tlsSessions = 0;
    int m_passwordsInClear = 0;
    int m_passwordsOverTls = 0;
};
