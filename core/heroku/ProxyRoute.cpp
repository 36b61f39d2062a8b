// SPDX-License-Identifier: MIT
#include "ProxyRoute.h"

#include <QNetworkProxyFactory>

Result<ProxyRoute> ProxyRoute::forUrl(const QUrl &url, QNetworkProxyFactory *factory)
{
    const QNetworkProxyQuery query(url);
    const QList<QNetworkProxy> proxies =
        factory ? factory->queryProxy(query) : QNetworkProxyFactory::proxyForQuery(query);
    const bool encrypted = url.scheme() == QLatin1String("https");
    ProxyRoute route;
    for (const QNetworkProxy &proxy : proxies) {
        // Same order of preference as QNetworkReplyHttpImpl: the first proxy that
        // can carry this scheme, whatever follows it.
        const bool http =
            proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::HttpCachingProxy;
        if (!encrypted && http && (proxy.capabilities() & QNetworkProxy::CachingCapability)) {
            route.m_kind = Kind::Forward;
            route.m_proxy = proxy;
            return route;
        }
        if (proxy.type() == QNetworkProxy::NoProxy) {
            route.m_kind = Kind::Direct;
            return route;
        }
        if (proxy.type() != QNetworkProxy::DefaultProxy &&
            (proxy.capabilities() & QNetworkProxy::TunnelingCapability)) {
            route.m_kind = Kind::Tunnel;
            route.m_proxy = proxy;
            return route;
        }
    }
    if (proxies.isEmpty()) // a factory with no opinion means: no proxy
        return route;
    return makeError(Error::Kind::Unsupported,
                     QStringLiteral("no configured proxy can carry %1 requests").arg(url.scheme()));
}

QString ProxyRoute::proxyName() const
{
    if (m_kind == Kind::Direct)
        return QString();
    return QStringLiteral("proxy %1:%2").arg(m_proxy.hostName()).arg(m_proxy.port());
}
