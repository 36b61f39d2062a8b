// SPDX-License-Identifier: MIT
#include "SingleAttemptExchange.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace {
QNetworkReply::NetworkError networkError(QAbstractSocket::SocketError error, bool viaForwardProxy)
{
    switch (error) {
    // With a forwarding proxy the socket's peer is the proxy itself.
    case QAbstractSocket::ConnectionRefusedError:
        return viaForwardProxy ? QNetworkReply::ProxyConnectionRefusedError
                               : QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::HostNotFoundError:
        return viaForwardProxy ? QNetworkReply::ProxyNotFoundError : QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SslHandshakeFailedError:
        return QNetworkReply::SslHandshakeFailedError;
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case QAbstractSocket::ProxyConnectionRefusedError:
        return QNetworkReply::ProxyConnectionRefusedError;
    case QAbstractSocket::ProxyNotFoundError:
        return QNetworkReply::ProxyNotFoundError;
    case QAbstractSocket::ProxyConnectionClosedError:
        return QNetworkReply::ProxyConnectionClosedError;
    case QAbstractSocket::ProxyConnectionTimeoutError:
        return QNetworkReply::ProxyTimeoutError;
    case QAbstractSocket::ProxyProtocolError:
        return QNetworkReply::UnknownProxyError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

bool isProxyError(QNetworkReply::NetworkError error)
{
    return error >= QNetworkReply::ProxyConnectionRefusedError && error <= QNetworkReply::UnknownProxyError;
}

QString proxyAuthText(const ProxyRoute &route)
{
    return QStringLiteral("%1 asks for a user name and password, HTTP 407: give them as "
                          "http://user:password@host:port")
        .arg(route.proxyName());
}
} // namespace

SingleAttemptExchange::SingleAttemptExchange(QObject *parent) : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(QNetworkReply::OperationCanceledError, QStringLiteral("no complete answer in time"));
    });
}

SingleAttemptExchange::~SingleAttemptExchange()
{
    abort();
}

void SingleAttemptExchange::start(const QUrl &url, const QByteArray &method, const Headers &headers,
                                  const QByteArray &body, int timeoutMs)
{
    // One deadline for everything, started first: connecting, sending and reading
    // all count, and nothing the server does restarts it.
    m_deadline.start(timeoutMs);
    m_parser = HttpResponseParser(m_maxBodyBytes);
    const Result<ProxyRoute> route = ProxyRoute::forUrl(url, m_proxyFactory);
    m_route = route.valueOr(ProxyRoute());
    if (!route) {
        QMetaObject::invokeMethod(
            this, [this, text = route.error().oneLine()] { fail(QNetworkReply::ProxyNotFoundError, text); },
            Qt::QueuedConnection);
        return;
    }
    const bool tls = url.scheme() == QLatin1String("https");
    const quint16 port = quint16(url.port(tls ? 443 : 80));
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(port);
    const bool forward = m_route.kind() == ProxyRoute::Kind::Forward;
    // RFC 9112 §3.2.2: a request to a forwarding proxy names the absolute URI.
    if (forward)
        target = "http://" + host + target;

    m_request = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    if (forward && !m_route.proxy().user().isEmpty()) {
        const QByteArray credentials =
            m_route.proxy().user().toUtf8() + ':' + m_route.proxy().password().toUtf8();
        m_request += "Proxy-Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    for (const auto &header : headers)
        m_request += header.first + ": " + header.second + "\r\n";
    m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    const QNetworkProxy socketProxy =
        m_route.kind() == ProxyRoute::Kind::Tunnel ? m_route.proxy() : QNetworkProxy(QNetworkProxy::NoProxy);
    const QString connectHost = forward ? m_route.proxy().hostName() : url.host();
    const quint16 connectPort = forward ? m_route.proxy().port() : port;
    if (tls) {
        auto *socket = new QSslSocket(this);
        m_socket = socket;
        connect(socket, &QSslSocket::encrypted, this, &SingleAttemptExchange::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            fail(QNetworkReply::SslHandshakeFailedError,
                 errors.isEmpty() ? QStringLiteral("TLS error") : errors.first().errorString());
        });
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &SingleAttemptExchange::onConnected);
    }
    // Set explicitly, also when direct: the socket must not resolve a proxy of its own.
    m_socket->setProxy(socketProxy);
    connect(m_socket, &QTcpSocket::readyRead, this, &SingleAttemptExchange::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &SingleAttemptExchange::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &SingleAttemptExchange::onSocketError);
    if (tls)
        static_cast<QSslSocket *>(m_socket.data())->connectToHostEncrypted(connectHost, connectPort);
    else
        m_socket->connectToHost(connectHost, connectPort);
}

void SingleAttemptExchange::onConnected()
{
    m_socket->write(m_request);
    m_request.fill('\0'); // the request carries the Authorization header
    m_request.clear();
}

void SingleAttemptExchange::onReadyRead()
{
    if (m_done || !m_socket)
        return;
    switch (m_parser.feed(m_socket->readAll())) {
    case HttpResponseParser::State::NeedMore:
        return;
    case HttpResponseParser::State::Complete:
        return finishOk();
    case HttpResponseParser::State::Failed:
        return failFromParser();
    }
}

void SingleAttemptExchange::onSocketError()
{
    if (!m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError)
        return onDisconnected();
    const QNetworkReply::NetworkError code = networkError(error, m_route.kind() == ProxyRoute::Kind::Forward);
    QString text = m_socket->errorString();
    if (code == QNetworkReply::ProxyAuthenticationRequiredError)
        text = proxyAuthText(m_route);
    else if (isProxyError(code) && !m_route.proxyName().isEmpty())
        text = m_route.proxyName() + QStringLiteral(": ") + text;
    fail(code, text);
}

void SingleAttemptExchange::onDisconnected()
{
    if (m_done)
        return;
    if (m_socket && m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_done)
        return;
    if (m_parser.finishInput() == HttpResponseParser::State::Complete)
        return finishOk();
    failFromParser();
}

void SingleAttemptExchange::failFromParser()
{
    switch (m_parser.error()) {
    case HttpResponseParser::Error::Truncated:
        return fail(QNetworkReply::RemoteHostClosedError, m_parser.errorString());
    case HttpResponseParser::Error::TooLarge:
        return fail(QNetworkReply::UnknownContentError, m_parser.errorString());
    default:
        return fail(QNetworkReply::ProtocolFailure, m_parser.errorString());
    }
}

void SingleAttemptExchange::fail(QNetworkReply::NetworkError error, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    HttpAnswer answer = HttpAnswer::transportFailure(error, text);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT finished(answer);
}

void SingleAttemptExchange::finishOk()
{
    if (m_done)
        return;
    // A forwarding proxy answers 407 itself: the request never went further.
    if (m_route.kind() == ProxyRoute::Kind::Forward && m_parser.status() == 407)
        return fail(QNetworkReply::ProxyAuthenticationRequiredError, proxyAuthText(m_route));
    m_done = true;
    m_deadline.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->disconnectFromHost();
    }
    HttpAnswer answer;
    answer.status = m_parser.status();
    answer.reason = QString::fromLatin1(m_parser.reason());
    // RFC 9110 §5.3: repeated fields combine into one comma-separated value.
    for (const auto &field : m_parser.headers()) {
        QByteArray &value = answer.headers[field.first];
        value = value.isEmpty() ? field.second : value + ", " + field.second;
    }
    answer.body = m_parser.body();
    Q_EMIT finished(answer);
}

void SingleAttemptExchange::abort()
{
    m_done = true;
    m_deadline.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}
