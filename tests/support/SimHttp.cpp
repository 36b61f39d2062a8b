// SPDX-License-Identifier: MIT
#include "SimHttp.h"

#include "SimProcess.h"

#include <QBuffer>
#include <QSignalSpy>

QByteArray SimHttp::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

SimHttp::SimHttp(const SimProcess &sim) : m_base(sim.baseUrl()), m_token(sim.token()) {}

SimHttp::SimHttp(const QString &baseUrl, const QString &token) : m_base(baseUrl), m_token(token) {}

SimHttp::Reply SimHttp::get(const QString &path, const Headers &headers)
{
    return send("GET", path, {}, headers);
}

SimHttp::Reply SimHttp::send(const QByteArray &method, const QString &path, const QByteArray &body,
                             const Headers &headers, int timeoutMs)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    Headers all = {{"Authorization", "Bearer " + m_token.toUtf8()},
                   {"Accept", "application/vnd.heroku+json; version=3"}};
    if (!body.isEmpty())
        all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    for (const auto &h : headers) {
        all.erase(
            std::remove_if(all.begin(), all.end(),
                           [&](const auto &x) { return x.first.compare(h.first, Qt::CaseInsensitive) == 0; }),
            all.end());
        if (!h.second.isEmpty())
            all.append(h);
    }
    for (const auto &h : all)
        request.setRawHeader(h.first, h.second);
    request.setTransferTimeout(timeoutMs);
    auto *buffer = new QBuffer;
    buffer->setData(body);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);
    QSignalSpy done(reply, &QNetworkReply::finished);
    Reply out;
    out.finished = done.wait(timeoutMs + 2000) || reply->isFinished();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.headers = reply->rawHeaderPairs();
    out.body = reply->readAll();
    reply->deleteLater();
    return out;
}
