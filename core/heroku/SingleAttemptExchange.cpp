// SPDX-License-Identifier: MIT
#include "SingleAttemptExchange.h"

#include <QSslSocket>
#include <QTcpSocket>

SingleAttemptExchange::SingleAttemptExchange(QObject *parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(QNetworkReply::OperationCanceledError, QStringLiteral("no answer in time")); });
}

SingleAttemptExchange::~SingleAttemptExchange()
{
    abort();
}

void SingleAttemptExchange::start(const QUrl &url, const QByteArray &method, const Headers &headers,
                                  const QByteArray &body, int timeoutMs)
{
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

    m_request = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto &header : headers)
        m_request += header.first + ": " + header.second + "\r\n";
    m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    if (tls) {
        auto *socket = new QSslSocket(this);
        m_socket = socket;
        connect(socket, &QSslSocket::encrypted, this, &SingleAttemptExchange::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            fail(QNetworkReply::SslHandshakeFailedError,
                 errors.isEmpty() ? QStringLiteral("TLS error") : errors.first().errorString());
        });
        socket->connectToHostEncrypted(url.host(), port);
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &SingleAttemptExchange::onConnected);
        m_socket->connectToHost(url.host(), port);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &SingleAttemptExchange::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &SingleAttemptExchange::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return onDisconnected();
        const auto code =
            error == QAbstractSocket::ConnectionRefusedError    ? QNetworkReply::ConnectionRefusedError
            : error == QAbstractSocket::HostNotFoundError       ? QNetworkReply::HostNotFoundError
            : error == QAbstractSocket::SslHandshakeFailedError ? QNetworkReply::SslHandshakeFailedError
                                                                : QNetworkReply::UnknownNetworkError;
        fail(code, m_socket ? m_socket->errorString() : QString());
    });
    m_timeout.start(timeoutMs);
}

void SingleAttemptExchange::onConnected()
{
    m_socket->write(m_request);
    m_request.fill('\0'); // the request carries the Authorization header
    m_request.clear();
}

void SingleAttemptExchange::onReadyRead()
{
    m_buffer += m_socket->readAll();
    if (!m_headParsed && !parseHead())
        return;
    if (m_headParsed && bodyComplete())
        finishOk();
}

bool SingleAttemptExchange::parseHead()
{
    const int end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    m_answer.status = statusLine.value(1).toInt();
    m_answer.reason = QString::fromLatin1(lines.first().trimmed()).section(QLatin1Char(' '), 2);
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon > 0)
            m_answer.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                    lines[i].mid(colon + 1).trimmed());
    }
    m_chunked = m_answer.header("Transfer-Encoding").toLower().contains("chunked");
    bool ok = false;
    const qint64 length = m_answer.header("Content-Length").toLongLong(&ok);
    m_contentLength = ok ? length : -1;
    if (m_answer.status < 100) {
        fail(QNetworkReply::ProtocolFailure, QStringLiteral("malformed HTTP status line"));
        return false;
    }
    m_headParsed = true;
    return true;
}

bool SingleAttemptExchange::bodyComplete()
{
    if (m_chunked) {
        // RFC 9112 §7.1: size line in hex, data, CRLF; a zero-size chunk ends it.
        QByteArray decoded;
        int pos = 0;
        while (true) {
            const int lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const int size = m_buffer.mid(pos, lineEnd - pos).split(';').first().trimmed().toInt(&ok, 16);
            if (!ok)
                return false;
            if (size == 0) {
                m_answer.body = decoded;
                return true;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            decoded += m_buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }
    if (m_contentLength >= 0 && m_buffer.size() >= m_contentLength) {
        m_answer.body = m_buffer.left(m_contentLength);
        return true;
    }
    if (m_answer.status == 204 || m_answer.status == 304)
        return true;
    return false;
}

void SingleAttemptExchange::onDisconnected()
{
    if (m_done)
        return;
    if (m_headParsed && !m_chunked && m_contentLength < 0) {
        m_answer.body = m_buffer; // body delimited by the connection closing
        return finishOk();
    }
    if (m_headParsed && bodyComplete())
        return finishOk();
    fail(QNetworkReply::RemoteHostClosedError, QStringLiteral("connection closed before a complete answer"));
}

void SingleAttemptExchange::fail(QNetworkReply::NetworkError error, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    HttpAnswer answer;
    answer.transportError = error;
    answer.transportErrorText = text;
    if (m_socket)
        m_socket->abort();
    Q_EMIT finished(answer);
}

void SingleAttemptExchange::finishOk()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_socket)
        m_socket->disconnectFromHost();
    Q_EMIT finished(m_answer);
}

void SingleAttemptExchange::abort()
{
    m_done = true;
    m_timeout.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}
