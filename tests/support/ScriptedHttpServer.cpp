// SPDX-License-Identifier: MIT
#include "ScriptedHttpServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onConnection);
}

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

QList<ScriptedHttpServer::Step> ScriptedHttpServer::trickle(const QByteArray &bytes, int delayMs)
{
    QList<Step> steps;
    for (const char c : bytes)
        steps.append({delayMs, QByteArray(1, c)});
    return steps;
}

void ScriptedHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto started = std::make_shared<bool>(false);
        auto head = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, started, head] {
            const QByteArray bytes = socket->readAll();
            m_received += bytes;
            *head += bytes;
            qsizetype end = head->indexOf("\r\n\r\n");
            while (end >= 0 && (!*started || m_answerEvery)) {
                *started = true;
                head->remove(0, end + 4);
                play(socket, 0);
                end = head->indexOf("\r\n\r\n");
            }
        });
    }
}

void ScriptedHttpServer::play(QTcpSocket *socket, int step)
{
    if (step >= m_script.size()) {
        if (m_closeAtEnd)
            socket->disconnectFromHost();
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(m_script.at(step).delayMs, this, [this, guard, step] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        guard->write(m_script.at(step).bytes);
        guard->flush();
        play(guard, step + 1);
    });
}
