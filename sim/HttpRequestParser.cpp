// SPDX-License-Identifier: MIT
#include "HttpRequestParser.h"

#include <QUrl>

HttpRequestParser::Result HttpRequestParser::fail(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    return Result::Error;
}

HttpRequestParser::Result HttpRequestParser::next(HttpRequest *request)
{
    if (m_errorStatus != 0)
        return Result::Error;
    // Tolerate stray CRLFs between pipelined requests (RFC 9112 §2.2).
    while (m_buffer.startsWith("\r\n")) {
        m_buffer.remove(0, 2);
        m_consumed += 2;
    }
    const int headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (m_buffer.size() > MaxHeaderBytes)
            return fail(431, QStringLiteral("request header block exceeds 16 KiB"));
        return Result::NeedMore;
    }
    if (headEnd > MaxHeaderBytes)
        return fail(431, QStringLiteral("request header block exceeds 16 KiB"));

    HttpRequest parsed;
    if (!parseHead(m_buffer.left(headEnd), &parsed))
        return Result::Error;

    if (!parsed.header("transfer-encoding").isEmpty())
        return fail(501, QStringLiteral("chunked request bodies are not supported; send Content-Length"));
    qint64 length = 0;
    if (parsed.hasHeader("content-length")) {
        bool ok = false;
        length = parsed.header("content-length").trimmed().toLongLong(&ok);
        if (!ok || length < 0)
            return fail(400, QStringLiteral("Content-Length is not a non-negative number"));
        if (length > MaxBodyBytes)
            return fail(413, QStringLiteral("request body exceeds 1 MiB"));
    }
    const qint64 total = headEnd + 4 + length;
    if (m_buffer.size() < total) {
        // RFC 9110 §10.1.1: a client that sent "Expect: 100-continue" waits for an interim answer
        // before the body (curl does this for bodies over 1 KiB). Owed once per request.
        const bool expects = parsed.header("expect").toLower() == "100-continue";
        m_continueOwed = expects && m_continueFor != headEnd + m_consumed;
        return Result::NeedMore;
    }
    m_continueOwed = false;
    parsed.body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, total);
    m_consumed += total;
    *request = parsed;
    return Result::Complete;
}

bool HttpRequestParser::parseHead(const QByteArray &head, HttpRequest *request)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || !requestLine.at(1).startsWith('/')) {
        fail(400, QStringLiteral("malformed request line"));
        return false;
    }
    request->method = requestLine.at(0);
    request->target = requestLine.at(1);
    request->version = requestLine.at(2);
    if (request->version != "HTTP/1.1" && request->version != "HTTP/1.0") {
        fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));
        return false;
    }
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const int colon = line.indexOf(':');
        // Obsolete line folding and headers without a name are rejected (RFC 9112 §5.2).
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t')) {
            fail(400, QStringLiteral("malformed header line"));
            return false;
        }
        request->headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    const int q = request->target.indexOf('?');
    const QByteArray rawPath = q < 0 ? request->target : request->target.left(q);
    request->path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0)
        request->query = QUrlQuery(QString::fromUtf8(request->target.mid(q + 1)));
    return true;
}

bool HttpRequestParser::takeContinue()
{
    if (!m_continueOwed)
        return false;
    m_continueOwed = false;
    // Remember which request got its 100 Continue (by the absolute offset of its head's end).
    m_continueFor = m_buffer.indexOf("\r\n\r\n") + m_consumed;
    return true;
}
