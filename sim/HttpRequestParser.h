// SPDX-License-Identifier: MIT
#pragma once

#include "HttpRequest.h"

#include <QByteArray>
#include <QString>

// Incremental HTTP/1.1 request parser for one connection.
//
// Feed it whatever bytes arrived (partial reads are normal on TCP) and ask for complete requests;
// it keeps the leftover bytes of a pipelined next request. Bodies are framed by Content-Length
// only: chunked request bodies are refused with 501 because no client of the Heroku API needs
// them here. Header blocks and bodies are bounded so a hostile peer cannot grow memory without
// limit. After an error the connection must be answered with errorStatus() and closed.
class HttpRequestParser
{
public:
    enum class Result
    {
        NeedMore,
        Complete,
        Error
    };

    static constexpr int MaxHeaderBytes = 16 * 1024;
    static constexpr int MaxBodyBytes = 1024 * 1024;

    void append(const QByteArray &bytes) { m_buffer.append(bytes); }
    // Takes the next complete request out of the buffer, if there is one.
    Result next(HttpRequest *request);

    // True once when the pending request asked for "100 Continue" and is waiting for it.
    bool takeContinue();
    bool failed() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

private:
    Result fail(int status, const QString &message);
    bool parseHead(const QByteArray &head, HttpRequest *request);

    QByteArray m_buffer;
    qint64 m_consumed = 0;     // bytes of earlier requests already removed from m_buffer
    qint64 m_continueFor = -1; // request (see takeContinue) that already got "100 Continue"
    bool m_continueOwed = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};
