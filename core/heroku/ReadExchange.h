// SPDX-License-Identifier: MIT
#pragma once

#include "HttpAnswer.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkRequest;

// One GET or HEAD through QNetworkAccessManager, bounded in time and in size.
//
// QNetworkAccessManager brings connection reuse, HTTP/2, proxies and redirects, but its
// only clock is an idle timeout (QNetworkRequest::setTransferTimeout) and it has no size
// limit: a body trickled at one byte per second is waited on forever and a 400 MB answer
// is buffered whole. This class adds a total deadline (a timer that aborts the reply) and
// a body cap, checked against Content-Length when the headers arrive and against what
// has arrived on every read. The reply's read buffer is bounded, so Qt does not read
// ahead of the cap: at most the cap plus one buffer is held.
//
// Only for safe methods (RFC 9110 §9.2.1): Qt resends a request whose keep-alive
// connection drops, which is harmless only for a read. Writes go through
// SingleAttemptExchange. Emits finished() once, unless abort() came first.
class ReadExchange : public QObject
{
    Q_OBJECT
public:
    ReadExchange(QNetworkAccessManager *network, QObject *parent);
    ~ReadExchange() override;

    void start(const QNetworkRequest &request, const QByteArray &method, int timeoutMs, qint64 maxBodyBytes);
    // Stops without emitting finished().
    void abort();

Q_SIGNALS:
    void finished(const HttpAnswer &answer);

private:
    void onFinished();
    void checkSize(qint64 received, qint64 total);
    // Ends the exchange with a failure of our own making (deadline, size).
    void stop(QNetworkReply::NetworkError error, const QString &text);
    void releaseReply();

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QByteArray m_body; // read so far: the reply's own buffer is kept small
    qint64 m_maxBodyBytes = 0;
    bool m_done = false;
};
