// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

// The stages of connecting to MySQL, in the order a client goes through them. Each is timed on its
// own so a slow or failing connection can be pinned to DNS, the network, TLS or the server itself.
enum class ProbeStage
{
    None,
    Dns,      // host name -> address (QHostInfo)
    Tcp,      // TCP three-way handshake
    Greeting, // the server's initial handshake packet (protocol v10)
    Tls,      // SSLRequest + TLS handshake on the same socket
    Auth,     // login (authentication) on that same connection
    Query,    // first query on the authenticated connection
};

QString probeStageName(ProbeStage stage);

Q_DECLARE_METATYPE(ProbeStage)
