// SPDX-License-Identifier: MIT
#include "HttpResponseParser.h"

#include "HttpFraming.h"

namespace {
// A chunk-size line is a few hex digits; extensions are legal but we ignore them,
// so a generous fixed bound is enough and keeps a trickled line from growing.
constexpr qint64 MaxChunkLineBytes = 4096;

// A short, printable excerpt of what the server sent, for an error line.
QString quoted(const QByteArray &text)
{
    QByteArray shown = text.left(24);
    for (char &c : shown) {
        if (uchar(c) < 0x20 || uchar(c) >= 0x7f)
            c = '?';
    }
    return QLatin1Char('"') + QString::fromLatin1(shown) +
           (text.size() > 24 ? QStringLiteral("...\"") : QStringLiteral("\""));
}

QString mebibytes(qint64 bytes)
{
    return bytes % (1024 * 1024) == 0 ? QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024))
                                      : QStringLiteral("%1 bytes").arg(bytes);
}
} // namespace

HttpResponseParser::HttpResponseParser(qint64 maxBodyBytes, qint64 maxHeaderBytes)
    : m_maxBody(qMax<qint64>(0, maxBodyBytes)), m_maxHeader(qMax<qint64>(1, maxHeaderBytes))
{
}

HttpResponseParser::State HttpResponseParser::feed(const QByteArray &bytes)
{
    if (m_state != State::NeedMore)
        return m_state;
    m_buffer.append(bytes);
    run();
    compact();
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finishInput()
{
    if (m_state != State::NeedMore)
        return m_state;
    if (m_phase == Phase::CloseBody) {
        // RFC 9112 §6.3 (8): no Content-Length, not chunked: the body ends where the connection does.
        m_phase = Phase::Done;
        m_state = State::Complete;
        return m_state;
    }
    const bool nothing = m_phase == Phase::StatusLine && m_buffer.size() == m_pos && m_headerBytes == 0;
    fail(Error::Truncated, nothing ? QStringLiteral("the connection closed without an answer")
                                   : QStringLiteral("the connection closed before the answer was complete"));
    return m_state;
}

HttpResponseParser::State HttpResponseParser::run()
{
    QByteArray line;
    while (m_state == State::NeedMore) {
        const qsizetype available = m_buffer.size() - m_pos;
        switch (m_phase) {
        case Phase::StatusLine:
            if (!takeLine(&line, m_maxHeader - m_headerBytes, "header section") || !parseStatusLine(line))
                return m_state;
            m_phase = Phase::Headers;
            break;
        case Phase::Headers:
            if (!takeLine(&line, m_maxHeader - m_headerBytes, "header section"))
                return m_state;
            if (!line.isEmpty()) {
                if (!parseField(line, &m_headers))
                    return m_state;
                break;
            }
            if (m_status >= 200) {
                if (!beginBody())
                    return m_state;
                break;
            }
            // RFC 9110 §15.2: a client must accept and skip interim answers before
            // the final one. 101 would switch protocols, which we never request.
            if (m_status == 101) {
                fail(Error::Malformed, QStringLiteral("the server switched protocols unasked (HTTP 101)"));
                return m_state;
            }
            ++m_interim;
            m_headers.clear();
            m_reason.clear();
            m_phase = Phase::StatusLine;
            break;
        case Phase::FixedBody:
        case Phase::ChunkData:
            if (available == 0)
                return m_state;
            if (!appendBody(qint64(qMin<quint64>(m_remaining, quint64(available)))))
                return m_state;
            if (m_remaining == 0)
                m_phase = m_phase == Phase::FixedBody ? Phase::Done : Phase::ChunkEnd;
            break;
        case Phase::ChunkSize:
            if (!takeLine(&line, MaxChunkLineBytes, "chunk size line") || !parseChunkSize(line))
                return m_state;
            break;
        case Phase::ChunkEnd:
            // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
            if (available == 0 || (available == 1 && m_buffer.at(m_pos) == '\r'))
                return m_state;
            if (m_buffer.at(m_pos) != '\r' || m_buffer.at(m_pos + 1) != '\n') {
                fail(Error::Malformed, QStringLiteral("a chunk of the answer is longer than its size says"));
                return m_state;
            }
            m_pos += 2;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers:
            if (!takeLine(&line, m_maxHeader - m_headerBytes, "header section"))
                return m_state;
            if (line.isEmpty())
                m_phase = Phase::Done;
            else if (!parseField(line, &m_trailers))
                return m_state;
            break;
        case Phase::CloseBody:
            if (available == 0 || !appendBody(available))
                return m_state;
            break;
        case Phase::Done:
            m_state = State::Complete;
            break;
        }
    }
    return m_state;
}

bool HttpResponseParser::takeLine(QByteArray *line, qint64 limit, const char *what)
{
    const qsizetype lf = m_buffer.indexOf('\n', qMax(m_pos, m_scanFrom));
    const qint64 length = (lf < 0 ? m_buffer.size() : lf + 1) - m_pos;
    if (length > limit)
        return fail(Error::TooLarge, QStringLiteral("the answer's %1 is longer than %2")
                                         .arg(QLatin1String(what), mebibytes(qMax<qint64>(0, limit))));
    if (lf < 0) {
        m_scanFrom = m_buffer.size();
        return false;
    }
    // RFC 9112 §2.2 lets a recipient accept a bare LF; we do not, so that no
    // intermediary can read the message differently from us.
    if (lf == m_pos || m_buffer.at(lf - 1) != '\r')
        return fail(
            Error::Malformed,
            QStringLiteral("a line of the answer's %1 does not end in CRLF").arg(QLatin1String(what)));
    *line = m_buffer.mid(m_pos, lf - 1 - m_pos);
    if (m_phase != Phase::ChunkSize)
        m_headerBytes += length;
    m_pos = lf + 1;
    m_scanFrom = m_pos;
    return true;
}

bool HttpResponseParser::parseStatusLine(const QByteArray &line)
{
    // status-line = HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 §4);
    // the final SP is tolerated when missing, as many servers omit it.
    const bool shaped = line.size() >= 12 && line.startsWith("HTTP/1.") && line.at(7) >= '0' &&
                        line.at(7) <= '9' && line.at(8) == ' ' && (line.size() == 12 || line.at(12) == ' ');
    const std::optional<quint64> code = shaped ? HttpFraming::decimal(line.mid(9, 3)) : std::nullopt;
    if (!code || *code < 100 || *code > 599 || !HttpFraming::isFieldValue(line))
        return fail(Error::Malformed,
                    QStringLiteral("the server's answer does not start with an HTTP/1.x status line (%1)")
                        .arg(quoted(line)));
    m_status = int(*code);
    m_reason = line.mid(13);
    return true;
}

bool HttpResponseParser::parseField(const QByteArray &line, Fields *into)
{
    // field-line = field-name ":" OWS field-value OWS (RFC 9112 §5); no space before
    // the colon (§5.1) and no obs-fold continuation lines (§5.2), both smuggling tools.
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
    const QByteArray value = HttpFraming::trimOws(line.mid(colon + 1));
    if (!HttpFraming::isToken(name) || !HttpFraming::isFieldValue(value))
        return fail(Error::Malformed,
                    QStringLiteral("the answer has a malformed header line (%1)").arg(quoted(line)));
    into->append({name.toLower(), value});
    return true;
}

bool HttpResponseParser::beginBody()
{
    // RFC 9112 §6.3: the rules, in order, that decide where the body ends.
    QList<QByteArray> lengths;
    QList<QByteArray> codings;
    for (const auto &field : std::as_const(m_headers)) {
        if (field.first == "content-length")
            lengths.append(field.second);
        else if (field.first == "transfer-encoding")
            codings.append(field.second);
    }
    if (m_status == 204 || m_status == 304) {
        m_phase = Phase::Done;
        return true;
    }
    if (!codings.isEmpty()) {
        if (!lengths.isEmpty())
            return fail(
                Error::Malformed,
                QStringLiteral("the answer has both Content-Length and Transfer-Encoding, so its length is "
                               "ambiguous"));
        const QList<QByteArray> items = codings.join(',').split(',');
        if (items.size() != 1 || HttpFraming::trimOws(items.first()).toLower() != "chunked")
            return fail(Error::Malformed,
                        QStringLiteral("the answer uses an unsupported transfer coding (%1)")
                            .arg(quoted(codings.join(','))));
        m_phase = Phase::ChunkSize;
        return true;
    }
    if (!lengths.isEmpty()) {
        const std::optional<quint64> length = HttpFraming::contentLength(lengths);
        if (!length)
            return fail(Error::Malformed,
                        QStringLiteral("the answer's Content-Length is invalid or given twice "
                                       "with different values (%1)")
                            .arg(quoted(lengths.join(','))));
        if (*length > quint64(m_maxBody))
            return fail(Error::TooLarge,
                        QStringLiteral("the answer is larger than the %1 limit").arg(mebibytes(m_maxBody)));
        m_remaining = *length;
        m_phase = m_remaining == 0 ? Phase::Done : Phase::FixedBody;
        return true;
    }
    m_phase = Phase::CloseBody;
    return true;
}

bool HttpResponseParser::parseChunkSize(const QByteArray &line)
{
    const std::optional<quint64> size = HttpFraming::chunkSize(line);
    if (!size)
        return fail(Error::Malformed,
                    QStringLiteral("the answer has an invalid chunk size (%1)").arg(quoted(line)));
    if (*size > quint64(m_maxBody - m_body.size()))
        return fail(Error::TooLarge,
                    QStringLiteral("the answer is larger than the %1 limit").arg(mebibytes(m_maxBody)));
    m_remaining = *size;
    // The last chunk (size 0) is followed by the trailer section and an empty line.
    m_phase = m_remaining == 0 ? Phase::Trailers : Phase::ChunkData;
    return true;
}

bool HttpResponseParser::appendBody(qint64 count)
{
    if (m_body.size() + count > m_maxBody)
        return fail(Error::TooLarge,
                    QStringLiteral("the answer is larger than the %1 limit").arg(mebibytes(m_maxBody)));
    m_body.append(m_buffer.constData() + m_pos, count);
    m_pos += count;
    if (m_phase != Phase::CloseBody)
        m_remaining -= quint64(count);
    return true;
}

bool HttpResponseParser::fail(Error error, const QString &text)
{
    m_state = State::Failed;
    m_error = error;
    m_errorString = text;
    m_buffer.clear();
    m_body.clear();
    m_pos = m_scanFrom = 0;
    return false;
}

void HttpResponseParser::compact()
{
    // Drop consumed bytes once they are at least half the buffer: linear overall,
    // however the input is split.
    if (m_pos == 0 || m_pos * 2 < m_buffer.size())
        return;
    m_buffer.remove(0, m_pos);
    m_scanFrom = qMax<qsizetype>(0, m_scanFrom - m_pos);
    m_pos = 0;
}
