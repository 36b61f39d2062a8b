// SPDX-License-Identifier: MIT
#include "HttpFraming.h"

#include <cstring>
#include <limits>

namespace {
constexpr quint64 MaxU64 = std::numeric_limits<quint64>::max();

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

std::optional<quint64> HttpFraming::decimal(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const quint64 digit = quint64(c - '0');
        if (value > (MaxU64 - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

std::optional<quint64> HttpFraming::chunkSize(const QByteArray &line)
{
    qsizetype i = 0;
    quint64 value = 0;
    for (; i < line.size(); ++i) {
        const int digit = hexValue(line.at(i));
        if (digit < 0)
            break;
        if (value > (MaxU64 >> 4))
            return std::nullopt;
        value = (value << 4) | quint64(digit);
    }
    if (i == 0)
        return std::nullopt;
    while (i < line.size() && isOws(line.at(i)))
        ++i;
    if (i < line.size() && line.at(i) != ';')
        return std::nullopt;
    // The extensions themselves only need to be line characters; we act on none.
    if (!isFieldValue(line.mid(i)))
        return std::nullopt;
    return value;
}

std::optional<quint64> HttpFraming::contentLength(const QList<QByteArray> &values)
{
    std::optional<quint64> result;
    for (const QByteArray &value : values) {
        for (const QByteArray &item : value.split(',')) {
            const std::optional<quint64> length = decimal(trimOws(item));
            if (!length || (result && *result != *length))
                return std::nullopt;
            result = length;
        }
    }
    return result;
}

bool HttpFraming::isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        static constexpr char Punctuation[] = "!#$%&'*+-.^_`|~";
        if (!alnum && !std::memchr(Punctuation, c, sizeof(Punctuation) - 1))
            return false;
    }
    return true;
}

bool HttpFraming::isFieldValue(const QByteArray &text)
{
    for (const char c : text) {
        const auto u = uchar(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArray HttpFraming::trimOws(const QByteArray &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isOws(text.at(begin)))
        ++begin;
    while (end > begin && isOws(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}
