// SPDX-License-Identifier: MIT
#include "probe/MySqlHandshake.h"

#include <QtEndian>

namespace {
// A packet is a 3-byte little-endian payload length, a 1-byte sequence id, then the payload.
constexpr int kHeaderSize = 4;
// Anything bigger is not a greeting; stop reading instead of buffering garbage forever.
constexpr int kMaxGreetingSize = 1024;

quint16 le16(const char *p)
{
    return qFromLittleEndian<quint16>(p);
}
quint32 le32(const char *p)
{
    return qFromLittleEndian<quint32>(p);
}
} // namespace

MySqlHandshake::ParseResult MySqlHandshake::parseGreeting(const QByteArray &buffer)
{
    ParseResult r;
    if (buffer.size() < kHeaderSize)
        return r;
    const auto *bytes = reinterpret_cast<const unsigned char *>(buffer.constData());
    const int length = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
    if (length <= 0 || length > kMaxGreetingSize) {
        r.status = ParseStatus::Malformed;
        r.errorMessage =
            QStringLiteral("the server's first packet is not a MySQL greeting (length %1)").arg(length);
        return r;
    }
    if (buffer.size() < kHeaderSize + length)
        return r;
    r.packetLength = kHeaderSize + length;
    const QByteArray payload = buffer.mid(kHeaderSize, length);
    const char *p = payload.constData();
    const int n = payload.size();

    // ERR packet: 0xFF, error code (2 bytes LE), message. Before the handshake there is no SQL state.
    if (static_cast<unsigned char>(p[0]) == 0xFF) {
        if (n < 3) {
            r.status = ParseStatus::Malformed;
            r.errorMessage = QStringLiteral("truncated error packet from the server");
            return r;
        }
        r.status = ParseStatus::ServerError;
        r.errorCode = le16(p + 1);
        QByteArray message = payload.mid(3);
        if (message.startsWith('#') && message.size() >= 6)
            message = message.mid(6);
        r.errorMessage = QString::fromUtf8(message);
        return r;
    }
    if (p[0] != 10) {
        r.status = ParseStatus::Malformed;
        r.errorMessage = QStringLiteral("unsupported MySQL protocol version %1 (expected 10)").arg(int(p[0]));
        return r;
    }

    Greeting &g = r.greeting;
    g.protocolVersion = 10;
    const int versionEnd = payload.indexOf('\0', 1);
    // After the version: connection id (4), auth data part 1 (8), filler (1), capabilities low (2).
    if (versionEnd < 0 || versionEnd + 1 + 4 + 8 + 1 + 2 > n) {
        r.status = ParseStatus::Malformed;
        r.errorMessage = QStringLiteral("truncated MySQL greeting");
        return r;
    }
    g.serverVersion = QString::fromUtf8(payload.mid(1, versionEnd - 1));
    int pos = versionEnd + 1;
    g.connectionId = le32(p + pos);
    pos += 4 + 8 + 1;
    g.capabilities = le16(p + pos);
    pos += 2;
    // Protocol 4.1 servers continue: charset (1), status (2), capabilities high (2), auth data length (1),
    // reserved (10), auth data part 2, plugin name.
    if (pos + 1 + 2 + 2 + 1 + 10 <= n) {
        g.characterSet = static_cast<unsigned char>(p[pos]);
        g.statusFlags = le16(p + pos + 1);
        g.capabilities |= quint32(le16(p + pos + 3)) << 16;
        const int authLength = static_cast<unsigned char>(p[pos + 5]);
        pos += 6 + 10;
        if (g.capabilities & ClientSecureConnection)
            pos += qMax(13, authLength - 8);
        if ((g.capabilities & ClientPluginAuth) && pos < n) {
            const int end = payload.indexOf('\0', pos);
            g.authPluginName = QString::fromUtf8(payload.mid(pos, end < 0 ? n - pos : end - pos));
        }
    }
    r.status = ParseStatus::Greeting;
    return r;
}

QByteArray MySqlHandshake::sslRequest(quint32 serverCapabilities)
{
    // Protocol::SSLRequest: capabilities (4), max packet size (4), charset (1), 23 zero bytes.
    const quint32 wanted = ClientLongPassword | ClientProtocol41 | ClientSsl | ClientSecureConnection |
                           (serverCapabilities & ClientPluginAuth);
    QByteArray packet(kHeaderSize + 32, '\0');
    char *p = packet.data();
    p[0] = 32; // payload length
    p[3] = 1;  // sequence id: the greeting was 0
    qToLittleEndian<quint32>(wanted, p + 4);
    qToLittleEndian<quint32>(16 * 1024 * 1024, p + 8);
    p[12] = 45; // utf8mb4_general_ci
    return packet;
}

QString MySqlHandshake::displayVersion(const QString &serverVersion)
{
    static const QString prefix = QStringLiteral("5.5.5-");
    if (serverVersion.startsWith(prefix) && serverVersion.contains(QStringLiteral("MariaDB")))
        return serverVersion.mid(prefix.size());
    return serverVersion;
}
