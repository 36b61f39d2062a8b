// SPDX-License-Identifier: MIT
#include "FakeMySqlServer.h"

#include <QFile>
#include <QSslSocket>
#include <QtEndian>
#include <memory>

namespace {
// Capability flags (MySQL protocol "Capabilities Flags").
constexpr quint32 kLongPassword = 0x1;
constexpr quint32 kConnectWithDb = 0x8;
constexpr quint32 kProtocol41 = 0x200;
constexpr quint32 kSsl = 0x800;
constexpr quint32 kTransactions = 0x2000;
constexpr quint32 kSecureConnection = 0x8000;
constexpr quint32 kMultiResults = 0x20000;
constexpr quint32 kPluginAuth = 0x80000;
constexpr int kSslRequestSize = 36; // header + 32-byte payload

QByteArray le16(quint16 v)
{
    QByteArray b(2, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray lenenc(const QByteArray &s)
{
    return char(s.size()) + s; // every string here is shorter than 251 bytes
}

QByteArray okPacket()
{
    return QByteArray("\x00\x00\x00\x02\x00\x00\x00", 7);
}

QByteArray eofPacket()
{
    return QByteArray("\xfe\x00\x00\x02\x00", 5);
}
} // namespace

struct FakeMySqlServer::Connection
{
    QByteArray buffer;
    bool tlsStarted = false;
    bool sawLogin = false;
    bool awaitingClearPassword = false;
};

FakeMySqlServer::FakeMySqlServer(const QByteArray &password, bool offerTls, Auth auth,
                                 const QString &certFile, const QString &keyFile)
    : m_password(password), m_offerTls(offerTls), m_auth(auth)
{
    QFile c(certFile);
    QFile k(keyFile);
    if (!certFile.isEmpty() && c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly)) {
        m_cert = QSslCertificate(&c, QSsl::Pem);
        m_key = QSslKey(&k, QSsl::Rsa, QSsl::Pem);
    }
}

QByteArray FakeMySqlServer::greeting(quint32 connectionId) const
{
    const quint32 caps = kLongPassword | kConnectWithDb | kProtocol41 | kTransactions | kSecureConnection |
                         kMultiResults | kPluginAuth | (m_offerTls ? kSsl : 0);
    QByteArray p("\x0a"
                 "5.7.99-fake\0",
                 13);
    p += le32(connectionId) + QByteArray("abcdefgh") + '\0';
    p += le16(quint16(caps & 0xffff));
    p += char(0x21) + le16(0x0002) + le16(quint16(caps >> 16));
    p += char(21) + QByteArray(10, '\0');
    p += QByteArray("ijklmnopqrst") + '\0';
    p += QByteArray("mysql_native_password") + '\0';
    return p;
}

void FakeMySqlServer::send(QSslSocket *socket, quint8 sequence, const QByteArray &payload)
{
    QByteArray header(4, '\0');
    header[0] = char(payload.size() & 0xff);
    header[1] = char((payload.size() >> 8) & 0xff);
    header[3] = char(sequence);
    socket->write(header + payload);
}

void FakeMySqlServer::incomingConnection(qintptr descriptor)
{
    ++m_accepted;
    auto *socket = new QSslSocket(this);
    socket->setSocketDescriptor(descriptor);
    if (m_offerTls) {
        socket->setLocalCertificate(m_cert);
        socket->setPrivateKey(m_key);
        // Read no further than an SSLRequest: the TLS hello behind it must stay unread for the TLS layer.
        socket->setReadBufferSize(kSslRequestSize);
    }
    auto connection = std::make_shared<Connection>();
    connect(socket, &QSslSocket::readyRead, this,
            [this, socket, connection] { onReadyRead(socket, *connection); });
    connect(socket, &QSslSocket::encrypted, this, [this] { ++m_tlsSessions; });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    send(socket, 0, greeting(quint32(m_accepted)));
}

void FakeMySqlServer::onReadyRead(QSslSocket *socket, Connection &c)
{
    const QByteArray bytes = socket->readAll();
    if (!c.tlsStarted)
        m_plainWire += bytes;
    c.buffer += bytes;
    while (c.buffer.size() >= 4) {
        const auto *h = reinterpret_cast<const unsigned char *>(c.buffer.constData());
        const int length = h[0] | (h[1] << 8) | (h[2] << 16);
        if (c.buffer.size() < 4 + length)
            return;
        const quint8 sequence = h[3];
        const QByteArray payload = c.buffer.mid(4, length);
        c.buffer.remove(0, 4 + length);
        handlePacket(socket, c, sequence, payload);
    }
}

void FakeMySqlServer::handlePacket(QSslSocket *socket, Connection &c, quint8 sequence,
                                   const QByteArray &payload)
{
    if (!c.sawLogin) {
        const quint32 caps = payload.size() >= 4 ? qFromLittleEndian<quint32>(payload.constData()) : 0;
        if (payload.size() == 32 && (caps & kSsl) && m_offerTls && !c.tlsStarted) {
            // SSLRequest: everything after it is TLS.
            c.tlsStarted = true;
            socket->setReadBufferSize(0);
            socket->startServerEncryption();
            return;
        }
        socket->setReadBufferSize(0);
        c.sawLogin = true;
        ++m_loginPackets;
        if (m_auth == Auth::Native) {
            send(socket, sequence + 1, okPacket());
            return;
        }
        // AuthSwitchRequest: 0xFE, plugin name, plugin data (none for clear text).
        c.awaitingClearPassword = true;
        send(socket, sequence + 1, QByteArray("\xfe") + QByteArray("mysql_clear_password") + '\0');
        return;
    }
    if (c.awaitingClearPassword) {
        c.awaitingClearPassword = false;
        if (payload.startsWith(m_password)) {
            if (c.tlsStarted)
                ++m_passwordsOverTls;
            else
                ++m_passwordsInClear;
        }
        send(socket, sequence + 1, okPacket());
        return;
    }
    if (payload.startsWith('\x01')) { // COM_QUIT
        socket->disconnectFromHost();
        return;
    }
    if (payload.startsWith('\x03') && payload.mid(1).trimmed().toUpper().startsWith("SELECT")) {
        sendResultSet(socket);
        return;
    }
    send(socket, 1, okPacket());
}

void FakeMySqlServer::sendResultSet(QSslSocket *socket)
{
    // Text resultset without CLIENT_DEPRECATE_EOF: count, column definitions, EOF, rows, EOF.
    quint8 seq = 1;
    send(socket, seq++, QByteArray(1, char(4)));
    for (const char *name : {"server_id", "hostname", "version", "read_only"}) {
        QByteArray def = lenenc("def") + lenenc("") + lenenc("") + lenenc("") + lenenc(name) + lenenc("");
        def += char(0x0c) + le16(0x21) + le32(64) + char(0xfd) + le16(0) + char(0) + le16(0);
        send(socket, seq++, def);
    }
    send(socket, seq++, eofPacket());
    send(socket, seq++, lenenc("1") + lenenc("fakehost") + lenenc("5.7.99-fake") + lenenc("0"));
    send(socket, seq++, eofPacket());
}
