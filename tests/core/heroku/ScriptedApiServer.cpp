// SPDX-License-Identifier: MIT
#include "ScriptedApiServer.h"

#include <QTcpSocket>
#include <QTimer>

namespace {
constexpr qint64 HugeBytes = 400'000'000;
constexpr qint64 StreamBlock = 64 * 1024;
constexpr int TrickleBytes = 100000;

QByteArray listAnswer(const QByteArray &nextRange)
{
    const QByteArray body = "[{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"looping-app\"}]";
    return "HTTP/1.1 206 Partial Content\r\nContent-Type: application/json\r\nRequest-Id: scripted\r\n"
           "Next-Range: " +
           nextRange + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
} // namespace

ScriptedApiServer::ScriptedApiServer(Mode mode, QObject *parent) : QObject(parent), m_mode(mode)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedApiServer::onConnection);
}

bool ScriptedApiServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString ScriptedApiServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void ScriptedApiServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void ScriptedApiServer::onReadyRead(QTcpSocket *socket)
{
    // Requests are GETs without a body: each ends at the blank line.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    int end;
    while ((end = int(buffer.indexOf("\r\n\r\n"))) >= 0) {
        const QByteArray head = buffer.left(end);
        buffer.remove(0, end + 4);
        ++m_requests;
        QByteArray range;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("range:"))
                range = line.mid(6).trimmed();
        }
        m_ranges.append(range);
        answer(socket);
    }
    socket->setProperty("buffer", buffer);
}

void ScriptedApiServer::answer(QTcpSocket *socket)
{
    switch (m_mode) {
    case Mode::SameNextRange:
        socket->write(listAnswer("]01234567-89ab-cdef-0123-456789abcdef..; max=1000"));
        return;
    case Mode::EndlessPages:
        socket->write(listAnswer("]id-" + QByteArray::number(m_requests) + "..; max=1000"));
        return;
    case Mode::Trickle: {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(TrickleBytes) + "\r\n\r\n[");
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [this, socket] {
            socket->write(" ");
            ++m_bodyBytesSent;
        });
        timer->start(20);
        return;
    }
    case Mode::DeclaredHuge:
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(HugeBytes) + "\r\n\r\n");
        return startStream(socket, false);
    case Mode::Unavailable: {
        const QByteArray body = "{\"id\":\"service_unavailable\",\"message\":\"Busy.\"}";
        socket->write(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
            "Content-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return;
    }
    case Mode::StreamedHuge:
        socket->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        return startStream(socket, true);
    }
}

void ScriptedApiServer::startStream(QTcpSocket *socket, bool chunked)
{
    // Write a block whenever the kernel has taken the previous ones, so the server's own memory
    // stays small and what was sent is what the client was offered.
    const auto pump = [this, socket, chunked] {
        while (socket->bytesToWrite() < 4 * StreamBlock && m_bodyBytesSent < HugeBytes) {
            const QByteArray block(StreamBlock, ' ');
            if (chunked)
                socket->write(QByteArray::number(StreamBlock, 16) + "\r\n" + block + "\r\n");
            else
                socket->write(block);
            m_bodyBytesSent += StreamBlock;
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}
