// SPDX-License-Identifier: MIT
#pragma once

#include "HttpAnswer.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

// One HTTP/1.1 request on its own connection, sent exactly once.
//
// Why not QNetworkAccessManager: when a server closes the connection before
// answering, Qt's HTTP stack silently resends the request, whatever its method
// (QHttpNetworkConnectionChannel's reconnectAttempts). For a GET that is
// harmless; for POST /apps/{app}/addons it creates a second, billed add-on. So
// non-idempotent requests go through this class, which reports a lost answer as
// an error and lets the user look before trying again.
//
// https uses QSslSocket with the system CA store and host name verification;
// nothing ignores certificate errors. It sends `Connection: close` and reads the
// body by Content-Length, chunked encoding, or until the server closes.
class SingleAttemptExchange : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SingleAttemptExchange(QObject *parent = nullptr);
    ~SingleAttemptExchange() override;

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
    void fail(QNetworkReply::NetworkError error, const QString &text);
    bool parseHead();
    bool bodyComplete();
    void finishOk();

    QPointer<QTcpSocket> m_socket;
    QTimer m_timeout;
    QByteArray m_request;
    QByteArray m_buffer;
    HttpAnswer m_answer;
    bool m_headParsed = false;
    bool m_chunked = false;
    qint64 m_contentLength = -1;
    bool m_done = false;
};
