// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

// The small grammar pieces of HTTP/1.1 message framing (RFC 9112, RFC 9110),
// strict where leniency lets two parsers disagree about where a message ends.
// Used by HttpResponseParser; pure functions, no state.
class HttpFraming
{
public:
    // Content-Length = 1*DIGIT (RFC 9110 §8.6): no sign, no spaces inside, no
    // overflow of an unsigned 64-bit count.
    static std::optional<quint64> decimal(const QByteArray &text);
    // chunk-size [ chunk-ext ] (RFC 9112 §7.1): 1*HEXDIG, then optional BWS and
    // ";"-introduced extensions, which carry nothing for us and are ignored.
    // "-6", "+5", "", "5 junk" and 17 significant hex digits are refused.
    static std::optional<quint64> chunkSize(const QByteArray &line);
    // All Content-Length values of a message, each possibly a comma list (RFC 9110
    // §8.6 lets a recipient accept identical repeats); nullopt when any is invalid
    // or two differ.
    static std::optional<quint64> contentLength(const QList<QByteArray> &values);
    // token (RFC 9110 §5.6.2).
    static bool isToken(const QByteArray &text);
    // field-value characters: VCHAR, obs-text, SP, HTAB; never CR, LF or NUL (§5.5).
    static bool isFieldValue(const QByteArray &text);
    // Leading and trailing SP / HTAB removed (OWS), nothing else.
    static QByteArray trimOws(const QByteArray &text);
};
