// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

// A loopback HTTP/1.1 server that misbehaves in one scripted way, for the tests that prove the
// client bounds what it reads. heroku-sim answers like Heroku; this one answers like a broken
// proxy or a hostile server would:
//
//     ScriptedApiServer server(ScriptedApiServer::Mode::SameNextRange);
//     QVERIFY(server.listen());
//     HerokuClient client(&network, ApiEndpoint::fromSetting(server.baseUrl()));
//     ... client.apps() ...
//     QCOMPARE(server.requests(), 2);
//
// Keep-alive connections; every request is answered by the mode. It counts requests and the bytes
// it wrote, so a test can show the premise (the server really streamed, really kept paging) and
// that the client stopped it early. Streams stop when the client closes the connection.
class ScriptedApiServer : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        SameNextRange, // 206 + one list item + the same Next-Range every time
        EndlessPages,  // 206 + a new Next-Range every time (]id-1, ]id-2, ...)
        Trickle,       // 200 with Content-Length 100000, then one byte every 20 ms
        DeclaredHuge,  // 200 with Content-Length 400,000,000, streamed as fast as the client reads
        StreamedHuge,  // 200 chunked, 400 MB streamed as fast as the client reads
        Unavailable,   // 503 with Retry-After: 1, every time
    };

    explicit ScriptedApiServer(Mode mode, QObject *parent = nullptr);

    bool listen();
    QString baseUrl() const;
    int requests() const { return m_requests; }
    // The Range header of each request, in order.
    const QList<QByteArray> &ranges() const { return m_ranges; }
    qint64 bodyBytesSent() const { return m_bodyBytesSent; }

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket);
    void startStream(QTcpSocket *socket, bool chunked);

    Mode m_mode;
    QTcpServer m_server;
    int m_requests = 0;
    QList<QByteArray> m_ranges;
    qint64 m_bodyBytesSent = 0;
};
