// SPDX-License-Identifier: MIT
#pragma once

#include "HttpAnswer.h"
#include "HttpResponseParser.h"
#include "ProxyRoute.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkProxyFactory;
class QTcpSocket;

// One HTTP/1.1 request on its own connection, sent exactly once.
//
// Why not QNetworkAccessManager: when a server closes the connection before
// answering, Qt's HTTP stack silently resends the request, whatever its method
// (QHttpNetworkConnectionChannel's reconnectAttempts). For a GET that is
// harmless; for POST /apps/{app}/addons it creates a second, billed add-on, and a
// resent DELETE restarts the dynos twice or reports a removal that worked as a
// failure. So every request but GET and HEAD goes through this class, which
// reports a lost answer as an error and lets the user look before trying again.
//
// https uses QSslSocket with the system CA store and host name verification;
// nothing ignores certificate errors. It goes through the same proxy as
// QNetworkAccessManager would (see ProxyRoute): an HTTP proxy's CONNECT tunnel for
// https, an absolute-form request to the proxy for plain http. It sends
// `Connection: close` and reads the answer with HttpResponseParser, whose limits
// bound what a server can make us hold. `timeoutMs` is a total deadline for the
// whole exchange (connect, send, complete answer), not an idle timeout, so a
// server trickling bytes cannot keep it open.
class SingleAttemptExchange : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SingleAttemptExchange(QObject *parent = nullptr);
    ~SingleAttemptExchange() override;

    // Optional settings, before start(). Answers with a larger body fail.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    // Where proxies come from instead of QNetworkProxyFactory::proxyForQuery, as
    // with QNetworkAccessManager::setProxyFactory; not owned, must outlive start().
    void setProxyFactory(QNetworkProxyFactory *factory) { m_proxyFactory = factory; }

    void start(const QUrl &url, const QByteArray &method, const Headers &headers, const QByteArray &body,
               int timeoutMs);
    // Stops without emitting finished().
    void abort();

Q_SIGNALS:
    void finished(const HttpAnswer &answer);

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void fail(QNetworkReply::NetworkError error, const QString &text);
    void failFromParser();
    void finishOk();

    QPointer<QTcpSocket> m_socket;
    QTimer m_deadline;
    QByteArray m_request;
    HttpResponseParser m_parser;
    ProxyRoute m_route;
    QNetworkProxyFactory *m_proxyFactory = nullptr;
    qint64 m_maxBodyBytes = HttpResponseParser::DefaultMaxBodyBytes;
    bool m_done = false;
};
