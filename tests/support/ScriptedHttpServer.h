// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

// A server on 127.0.0.1 that answers every connection with exact, scripted bytes, for
// tests of HTTP clients and proxy handling: split writes, pauses, malformed framing.
//
//     ScriptedHttpServer server;
//     QVERIFY(server.listen());
//     server.setScript(ScriptedHttpServer::trickle(answer, 5));   // one byte every 5 ms
//     exchange.start(server.url("/x"), ...);
//     QCOMPARE(server.connections(), 1);
//     QVERIFY(server.received().startsWith("POST /x HTTP/1.1\r\n"));
//
// The script starts once a connection has sent a complete request head ("\r\n\r\n");
// after the last step the connection is closed unless setCloseAtEnd(false).
class ScriptedHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Step
    {
        int delayMs = 0;
        QByteArray bytes;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path) const;

    void setScript(const QList<Step> &steps) { m_script = steps; }
    void setAnswer(const QByteArray &bytes) { m_script = {{0, bytes}}; }
    void setCloseAtEnd(bool close) { m_closeAtEnd = close; }
    // Play the script again for every further request head on the same connection (a proxy
    // answering a repeated CONNECT); by default only the first head starts it.
    void setAnswerEveryRequest(bool every) { m_answerEvery = every; }
    // One step per byte, each `delayMs` after the previous one.
    static QList<Step> trickle(const QByteArray &bytes, int delayMs);

    int connections() const { return m_connections; }
    // Everything received, all connections concatenated.
    QByteArray received() const { return m_received; }

private:
    void onConnection();
    void play(QTcpSocket *socket, int step);

    QTcpServer m_server;
    QList<Step> m_script;
    bool m_closeAtEnd = true;
    bool m_answerEvery = false;
    int m_connections = 0;
    QByteArray m_received;
};
