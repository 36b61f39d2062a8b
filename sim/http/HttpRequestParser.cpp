// SPDX-License-Identifier: MIT
#include "sim/http/HttpRequestParser.h"

#include "sim/http/HttpSyntax.h"

#include <QUrl>

HttpRequestParser::HttpRequestParser(qint64 maxHeaderBytes, qint64 maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes), m_maxBodyBytes(maxBodyBytes)
{
}

void HttpRequestParser::append(const QByteArray &bytes)
{
    // A failed connection is only drained; nothing more is kept.
    if (!failed())
        m_buffer.append(bytes);
}

HttpRequestParser::Result HttpRequestParser::fail(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    m_haveHead = false;
    m_continueOwed = false;
    return Result::Error;
}

HttpRequestParser::Result HttpRequestParser::scanHead(qsizetype *headBytes)
{
    if (m_scanned == 0) {
        // Empty lines before a request line are ignored (RFC 9112 §2.2).
        qsizetype blank = 0;
        while (m_buffer.size() >= blank + 2 && m_buffer.at(blank) == '\r' && m_buffer.at(blank + 1) == '\n')
            blank += 2;
        m_buffer.remove(0, blank);
    }
    // Every line ends in CRLF. A bare LF or CR is refused rather than guessed at (RFC 9112 §2.2
    // allows either), because a proxy in front may have split the lines differently.
    // Nothing past the longest allowed head is examined, so the verdict does not depend on how
    // the bytes were split into reads.
    const qsizetype limit = qMin<qsizetype>(m_buffer.size(), m_maxHeaderBytes + 2);
    qsizetype i = m_scanned;
    for (; i < limit; ++i) {
        const char c = m_buffer.at(i);
        if (c == '\n')
            return fail(400, QStringLiteral("a request line ends in a bare LF; lines must end in CRLF"));
        if (c != '\r')
            continue;
        if (i + 1 == limit)
            break; // wait for the byte after CR
        if (m_buffer.at(i + 1) != '\n')
            return fail(400, QStringLiteral("a request line contains a bare CR"));
        if (i == m_lineStart) {
            *headBytes = i;
            m_scanned = m_lineStart = 0;
            return Result::Complete;
        }
        m_lineStart = ++i + 1;
    }
    m_scanned = i;
    // Without its blank line yet, a head of maxHeaderBytes + 2 bytes is already too long.
    if (m_buffer.size() >= m_maxHeaderBytes + 2)
        return fail(431, QStringLiteral("request header block exceeds %1 bytes").arg(m_maxHeaderBytes));
    return Result::NeedMore;
}

HttpRequestParser::Result HttpRequestParser::next(HttpRequest *request)
{
    if (failed())
        return Result::Error;
    if (!m_haveHead) {
        qsizetype headBytes = 0;
        const Result scanned = scanHead(&headBytes);
        if (scanned != Result::Complete)
            return scanned;
        const QByteArray head = m_buffer.left(headBytes);
        m_buffer.remove(0, headBytes + 2);
        m_pending = HttpRequest();
        if (!parseHead(head, &m_pending) || !checkFraming(m_pending))
            return Result::Error;
        m_haveHead = true;
        m_continueSent = false;
    }
    if (m_buffer.size() < m_bodyLength) {
        // RFC 9110 §10.1.1: a client that sent "Expect: 100-continue" waits for an interim answer
        // before the body (curl does this for bodies over 1 KiB); HTTP/1.0 clients never get one.
        m_continueOwed = !m_continueSent && m_pending.version == "HTTP/1.1" &&
                         m_pending.header("expect").toLower() == "100-continue";
        return Result::NeedMore;
    }
    m_continueOwed = false;
    m_haveHead = false;
    *request = std::move(m_pending);
    m_pending = HttpRequest();
    request->body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    return Result::Complete;
}

bool HttpRequestParser::parseHead(const QByteArray &head, HttpRequest *request)
{
    // scanHead() guarantees every line, the last included, ends in CRLF and nowhere else.
    qsizetype from = head.indexOf("\r\n");
    if (!parseRequestLine(head.left(from), request))
        return false;
    for (from += 2; from < head.size();) {
        const qsizetype end = head.indexOf("\r\n", from);
        const QByteArray line = head.mid(from, end - from);
        from = end + 2;
        // Obsolete line folding, and whitespace before the first field, are refused (RFC 9112
        // §5.2, §2.2).
        if (line.startsWith(' ') || line.startsWith('\t')) {
            fail(400, QStringLiteral("a header line starts with whitespace (obsolete line folding)"));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, QStringLiteral("malformed header line"));
            return false;
        }
        const QByteArray name = line.left(colon);
        if (name.endsWith(' ') || name.endsWith('\t')) {
            // RFC 9112 §5.1: a server MUST reject whitespace between a field name and the colon.
            fail(400, QStringLiteral("whitespace between a header name and its colon"));
            return false;
        }
        const QByteArray value = HttpSyntax::trimmedOws(line.mid(colon + 1));
        if (!HttpSyntax::isToken(name) || !HttpSyntax::isFieldValue(value)) {
            fail(400, QStringLiteral("malformed header line"));
            return false;
        }
        request->headers.append({name.toLower(), value});
    }
    const qsizetype q = request->target.indexOf('?');
    const QByteArray rawPath = q < 0 ? request->target : request->target.left(q);
    request->path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0)
        request->query = QUrlQuery(QString::fromUtf8(request->target.mid(q + 1)));
    return true;
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line, HttpRequest *request)
{
    // request-line = method SP request-target SP HTTP-version, one SP each (RFC 9112 §3).
    const qsizetype first = line.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (second < 0 || line.indexOf(' ', second + 1) >= 0) {
        fail(400, QStringLiteral("malformed request line"));
        return false;
    }
    request->method = line.left(first);
    request->target = line.mid(first + 1, second - first - 1);
    request->version = line.mid(second + 1);
    if (!HttpSyntax::isToken(request->method) || !HttpSyntax::isOriginForm(request->target) ||
        !HttpSyntax::isVersion(request->version)) {
        fail(400, QStringLiteral("malformed request line"));
        return false;
    }
    if (request->version != "HTTP/1.1" && request->version != "HTTP/1.0") {
        fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));
        return false;
    }
    return true;
}

bool HttpRequestParser::checkFraming(const HttpRequest &request)
{
    // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in HTTP/1.0.
    const qsizetype hosts = request.headerValues("host").size();
    if (hosts > 1 || (hosts == 0 && request.version == "HTTP/1.1")) {
        fail(400, QStringLiteral("an HTTP/1.1 request needs exactly one Host header"));
        return false;
    }
    const QList<QByteArray> codings = request.headerValues("transfer-encoding");
    const QList<QByteArray> lengths = request.headerValues("content-length");
    if (!codings.isEmpty()) {
        // RFC 9112 §6.1 and §6.3: with Content-Length too, on HTTP/1.0, or without chunked as the
        // final coding, the body's length cannot be known.
        if (!lengths.isEmpty() || request.version == "HTTP/1.0" || !HttpSyntax::chunkedIsFinal(codings)) {
            fail(400, QStringLiteral("Transfer-Encoding makes the request's length ambiguous"));
            return false;
        }
        fail(501, QStringLiteral("chunked request bodies are not supported; send Content-Length"));
        return false;
    }
    const HttpSyntax::ContentLength length = HttpSyntax::contentLength(lengths);
    if (!length.valid) {
        fail(400, QStringLiteral("Content-Length is not one non-negative decimal number"));
        return false;
    }
    if (length.value > m_maxBodyBytes) {
        fail(413, QStringLiteral("request body exceeds %1 bytes").arg(m_maxBodyBytes));
        return false;
    }
    m_bodyLength = length.value;
    return true;
}

bool HttpRequestParser::takeContinue()
{
    if (!m_continueOwed)
        return false;
    m_continueOwed = false;
    m_continueSent = true;
    return true;
}
