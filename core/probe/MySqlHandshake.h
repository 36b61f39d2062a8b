// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// The first bytes of the MySQL client/server protocol, enough to time the greeting and start TLS:
// parses the server's Initial Handshake Packet (protocol version 10) or the ERR packet a server sends
// instead (1040 too many connections, 1129 host blocked), and builds the SSLRequest packet.
// It does not authenticate: login is left to the real MySQL driver.
class MySqlHandshake
{
public:
    // Capability flags (MySQL protocol "Capabilities Flags").
    static constexpr quint32 ClientLongPassword = 0x00000001;
    static constexpr quint32 ClientConnectWithDb = 0x00000008;
    static constexpr quint32 ClientProtocol41 = 0x00000200;
    static constexpr quint32 ClientSsl = 0x00000800;
    static constexpr quint32 ClientSecureConnection = 0x00008000;
    static constexpr quint32 ClientPluginAuth = 0x00080000;

    enum class ParseStatus
    {
        NeedMoreData,
        Greeting,
        ServerError,
        Malformed,
    };

    struct Greeting
    {
        int protocolVersion = 0;
        QString serverVersion;
        quint32 connectionId = 0;
        quint32 capabilities = 0;
        int characterSet = 0;
        quint16 statusFlags = 0;
        QString authPluginName;
        bool supportsTls() const { return (capabilities & ClientSsl) != 0; }
    };

    struct ParseResult
    {
        ParseStatus status = ParseStatus::NeedMoreData;
        Greeting greeting;
        int errorCode = 0;    // for ServerError
        QString errorMessage; // for ServerError and Malformed
        int packetLength = 0; // bytes consumed including the 4-byte header
    };

    // Parses the first packet in `buffer` (header included). NeedMoreData until it is complete.
    static ParseResult parseGreeting(const QByteArray &buffer);
    // The 32-byte SSLRequest (header + payload) sent with sequence id 1 right after the greeting.
    static QByteArray sslRequest(quint32 serverCapabilities);
    // MariaDB prefixes its version with "5.5.5-" for old replication clients; users want the real one.
    static QString displayVersion(const QString &serverVersion);
};
