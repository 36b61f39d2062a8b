// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QNetworkProxy>
#include <QString>
#include <QUrl>

class QNetworkProxyFactory;

// How a hand-made HTTP exchange reaches a URL, decided the way QNetworkAccessManager
// decides it, so writes go the same way as every read:
//
//     const Result<ProxyRoute> route = ProxyRoute::forUrl(url);   // or forUrl(url, &factory)
//     if (!route) ...route.error()...   // Unsupported: no configured proxy carries the scheme
//
// The proxies come from `factory` when given (QNetworkAccessManager::setProxyFactory's
// role), else from QNetworkProxyFactory::proxyForQuery: the application proxy or
// factory when set, else the system settings (on Linux Qt asks libproxy, which reads
// http_proxy / https_proxy / no_proxy in either case and the desktop's settings), and
// never a proxy for localhost or a loopback address. The first usable proxy wins,
// with QNetworkReplyHttpImpl's rule: for plain http an HTTP proxy forwards an
// absolute-form request; for https an HTTP proxy is a CONNECT tunnel; SOCKS5 tunnels
// both. Proxy credentials come from the proxy URL (http://user:pass@host:port).
class ProxyRoute
{
public:
    enum class Kind
    {
        Direct,  // connect to the origin
        Tunnel,  // QAbstractSocket::setProxy(proxy): CONNECT (or SOCKS5), then our bytes, TLS included
        Forward, // connect to the proxy and send it the absolute URL (RFC 9112 §3.2.2)
    };

    static Result<ProxyRoute> forUrl(const QUrl &url, QNetworkProxyFactory *factory = nullptr);

    Kind kind() const { return m_kind; }
    QNetworkProxy proxy() const { return m_proxy; }
    // "proxy HOST:PORT", for error lines; empty when direct.
    QString proxyName() const;

private:
    Kind m_kind = Kind::Direct;
    QNetworkProxy m_proxy{QNetworkProxy::NoProxy};
};
