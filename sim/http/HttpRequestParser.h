// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpRequest.h"

#include <QByteArray>
#include <QString>

// Incremental HTTP/1.1 request parser for one connection.
//
// Feed it whatever bytes arrived (partial reads are normal on TCP) and ask for complete requests;
// it keeps the leftover bytes of a pipelined next request. Bodies are framed by Content-Length
// only: chunked request bodies are refused with 501 because no client of the Heroku API needs
// them here. It is strict where RFC 9112 says a server must be (bare CR or LF, obs-fold, a space
// before a colon, a missing or repeated Host, conflicting or signed lengths, Transfer-Encoding
// with Content-Length): two HTTP implementations reading one request differently is how requests
// are smuggled. After an error the connection must be answered with errorStatus() and closed.
//
// Memory is bounded by the caller: a head longer than maxHeaderBytes is refused with 431 and a
// body longer than maxBodyBytes with 413, so once bufferedBytes() reaches maxRequestBytes() the
// next call to next() cannot answer NeedMore and a connection may stop reading at that point.
class HttpRequestParser
{
public:
    enum class Result
    {
        NeedMore,
        Complete,
        Error
    };

    static constexpr qint64 DefaultMaxHeaderBytes = 16 * 1024;
    static constexpr qint64 DefaultMaxBodyBytes = 1024 * 1024;

    explicit HttpRequestParser(qint64 maxHeaderBytes = DefaultMaxHeaderBytes,
                               qint64 maxBodyBytes = DefaultMaxBodyBytes);

    void append(const QByteArray &bytes);
    // Takes the next complete request out of the buffer, if there is one.
    Result next(HttpRequest *request);

    // True once when the pending request asked for "100 Continue" and is waiting for it.
    bool takeContinue();
    bool failed() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

    // Bytes received and not yet handed out as part of a request.
    qint64 bufferedBytes() const { return m_buffer.size(); }
    // The most a single request can occupy (head, its blank line and the largest body).
    qint64 maxRequestBytes() const { return m_maxHeaderBytes + 2 + m_maxBodyBytes; }
    // True between a complete head and the end of its body.
    bool awaitingBody() const { return m_haveHead; }

private:
    Result fail(int status, const QString &message);
    Result scanHead(qsizetype *headBytes);
    bool parseHead(const QByteArray &head, HttpRequest *request);
    bool parseRequestLine(const QByteArray &line, HttpRequest *request);
    bool checkFraming(const HttpRequest &request);

    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    QByteArray m_buffer;
    qsizetype m_scanned = 0;   // bytes of the head already checked for line endings
    qsizetype m_lineStart = 0; // where the head's current line begins
    bool m_haveHead = false;
    HttpRequest m_pending; // the parsed head whose body is still arriving
    qint64 m_bodyLength = 0;
    bool m_continueOwed = false;
    bool m_continueSent = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};
