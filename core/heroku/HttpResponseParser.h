// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Incremental parser for one HTTP/1.1 response (RFC 9112), fed whatever bytes the
// connection delivered, in pieces of any size.
//
//     HttpResponseParser parser;            // 16 MiB body, 64 KiB header section
//     switch (parser.feed(socket->readAll())) { ... }
//     parser.finishInput();                 // the server closed the connection
//     parser.status(); parser.headers(); parser.body();
//
// It skips interim 1xx answers (100 Continue, 103 Early Hints), reads the body by
// Content-Length, by chunked coding (extensions ignored, trailers kept apart), or
// until the connection closes, and refuses everything RFC 9112 says makes the
// framing ambiguous: signed, non-hex or overflowing sizes, a chunk not followed by
// CRLF, lines ending in a bare LF, conflicting Content-Length values, and
// Content-Length together with Transfer-Encoding (§6.3, the response-splitting
// pattern). Sizes are unsigned 64-bit and every step consumes input, so no answer
// can make it loop; the body and header section are capped so none can exhaust
// memory. It never touches a socket, a clock or an event loop: the caller owns
// those (and the deadline). It does not decode content codings (we send no
// Accept-Encoding) and does not follow 101 protocol switches (we never ask).
class HttpResponseParser
{
public:
    enum class State
    {
        NeedMore,
        Complete,
        Failed
    };
    enum class Error
    {
        None,
        Malformed,
        TooLarge,
        Truncated
    };
    using Fields = QList<QPair<QByteArray, QByteArray>>; // names lower-cased, in arrival order

    static constexpr qint64 DefaultMaxBodyBytes = 16 * 1024 * 1024; // API answers are far smaller
    static constexpr qint64 DefaultMaxHeaderBytes = 64 * 1024;      // all heads, 1xx included

    explicit HttpResponseParser(qint64 maxBodyBytes = DefaultMaxBodyBytes,
                                qint64 maxHeaderBytes = DefaultMaxHeaderBytes);

    State feed(const QByteArray &bytes);
    // The peer closed the connection: completes a close-delimited body, or fails
    // with Error::Truncated when the answer was cut short.
    State finishInput();

    State state() const { return m_state; }
    Error error() const { return m_error; }
    // One line for a user, e.g. "the answer's chunk size \"-6\" is not a hexadecimal number".
    QString errorString() const { return m_errorString; }

    int status() const { return m_status; }
    QByteArray reason() const { return m_reason; }
    const Fields &headers() const { return m_headers; }
    const Fields &trailers() const { return m_trailers; }
    const QByteArray &body() const { return m_body; }
    // 1xx answers skipped before the final one.
    int interimResponses() const { return m_interim; }

private:
    enum class Phase
    {
        StatusLine,
        Headers,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        CloseBody,
        Done
    };

    State run();
    bool takeLine(QByteArray *line, qint64 limit, const char *what);
    bool parseStatusLine(const QByteArray &line);
    bool parseField(const QByteArray &line, Fields *into);
    bool beginBody();
    bool parseChunkSize(const QByteArray &line);
    bool appendBody(qint64 count);
    bool fail(Error error, const QString &text);
    void compact();

    qint64 m_maxBody;
    qint64 m_maxHeader;
    State m_state = State::NeedMore;
    Phase m_phase = Phase::StatusLine;
    Error m_error = Error::None;
    QString m_errorString;

    QByteArray m_buffer;
    qsizetype m_pos = 0;      // first unconsumed byte of m_buffer
    qsizetype m_scanFrom = 0; // where the search for the next LF resumes
    qint64 m_headerBytes = 0;
    quint64 m_remaining = 0; // of the Content-Length body or the current chunk

    int m_status = 0;
    int m_interim = 0;
    QByteArray m_reason;
    Fields m_headers;
    Fields m_trailers;
    QByteArray m_body;
};
