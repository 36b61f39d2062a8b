// SPDX-License-Identifier: MIT
#include "ReadExchange.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {
// Qt's HTTP thread reads ahead of us without limit unless the reply's read buffer is
// bounded; with a bound it waits until we have taken the data, so what sits in memory
// is our copy of the body plus one buffer.
constexpr qint64 ReadBufferBytes = 256 * 1024;

QString sizeText(qint64 bytes)
{
    constexpr qint64 MiB = 1024 * 1024;
    return bytes % MiB == 0 ? QStringLiteral("%1 MiB").arg(bytes / MiB)
                            : QStringLiteral("%1 bytes").arg(bytes);
}
} // namespace

ReadExchange::ReadExchange(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        stop(QNetworkReply::TimeoutError,
             QStringLiteral("no complete answer within %1 ms").arg(m_deadline.interval()));
    });
}

ReadExchange::~ReadExchange()
{
    abort();
}

void ReadExchange::start(const QNetworkRequest &request, const QByteArray &method, int timeoutMs,
                         qint64 maxBodyBytes)
{
    m_maxBodyBytes = maxBodyBytes;
    m_reply = m_network->sendCustomRequest(request, method);
    m_reply->setReadBufferSize(ReadBufferBytes);
    connect(m_reply, &QNetworkReply::finished, this, &ReadExchange::onFinished);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        bool known = false;
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        checkSize(0, known ? declared : -1);
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ReadExchange::checkSize);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        m_body += m_reply->readAll();
        checkSize(m_body.size(), -1);
    });
    m_deadline.start(timeoutMs);
}

void ReadExchange::checkSize(qint64 received, qint64 total)
{
    if (m_done || (received <= m_maxBodyBytes && total <= m_maxBodyBytes))
        return;
    stop(QNetworkReply::UnknownContentError,
         QStringLiteral("the answer is larger than %1, so it was not read").arg(sizeText(m_maxBodyBytes)));
}

void ReadExchange::onFinished()
{
    if (m_done || !m_reply)
        return;
    m_done = true;
    m_deadline.stop();
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->disconnect(this);
    reply->deleteLater();
    HttpAnswer answer = HttpAnswer::fromReply(reply);
    answer.body.prepend(m_body);
    m_body.clear();
    Q_EMIT finished(answer);
}

void ReadExchange::stop(QNetworkReply::NetworkError error, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    HttpAnswer answer = HttpAnswer::transportFailure(error, text);
    if (m_reply) {
        // Keep the headers (Request-Id above all) for the error the user reports; the
        // status stays 0 because no complete answer was accepted.
        for (const auto &pair : m_reply->rawHeaderPairs())
            answer.headers.insert(pair.first.toLower(), pair.second);
    }
    releaseReply();
    m_body.clear();
    Q_EMIT finished(answer);
}

void ReadExchange::abort()
{
    m_done = true;
    m_deadline.stop();
    releaseReply();
}

void ReadExchange::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->disconnect(this);
    // A reply that already has its outcome (e.g. a 404 not yet delivered to us) must not be
    // aborted: Qt would report a second error and warn.
    if (!reply->isFinished() && reply->error() == QNetworkReply::NoError)
        reply->abort();
    reply->deleteLater();
}
