// SPDX-License-Identifier: MIT
#include "sim/http/HttpSyntax.h"

namespace HttpSyntax {

bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    static const QByteArray punctuation = "!#$%&'*+-.^_`|~";
    return u != 0 && punctuation.contains(c);
}

bool isToken(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return false;
    for (char c : bytes) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

QByteArray trimmedOws(const QByteArray &bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && (bytes.at(begin) == ' ' || bytes.at(begin) == '\t'))
        ++begin;
    while (end > begin && (bytes.at(end - 1) == ' ' || bytes.at(end - 1) == '\t'))
        --end;
    return bytes.mid(begin, end - begin);
}

bool isFieldValue(const QByteArray &bytes)
{
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isOriginForm(const QByteArray &target)
{
    if (!target.startsWith('/'))
        return false;
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || u == '#')
            return false;
    }
    return true;
}

bool isVersion(const QByteArray &version)
{
    return version.size() == 8 && version.startsWith("HTTP/") && version.at(5) >= '0' &&
           version.at(5) <= '9' && version.at(6) == '.' && version.at(7) >= '0' && version.at(7) <= '9';
}

ContentLength contentLength(const QList<QByteArray> &fieldValues)
{
    // 10^18 fits in qint64 with room to spare; anything longer is refused rather than wrapped.
    constexpr qint64 limit = 1000000000000000000LL;
    ContentLength result;
    for (const QByteArray &field : fieldValues) {
        for (const QByteArray &member : field.split(',')) {
            const QByteArray digits = trimmedOws(member);
            qint64 value = 0;
            bool ok = !digits.isEmpty();
            for (char c : digits) {
                const int digit = c - '0';
                if (digit < 0 || digit > 9 || value > (limit - digit) / 10) {
                    ok = false;
                    break;
                }
                value = value * 10 + digit;
            }
            if (!ok || (result.present && value != result.value)) {
                result.valid = false;
                return result;
            }
            result.present = true;
            result.value = value;
        }
    }
    return result;
}

bool chunkedIsFinal(const QList<QByteArray> &fieldValues)
{
    QByteArray last;
    for (const QByteArray &field : fieldValues) {
        for (const QByteArray &member : field.split(',')) {
            // Empty list members are ignored (RFC 9110 §5.6.1); parameters follow ';'.
            const qsizetype semicolon = member.indexOf(';');
            const QByteArray coding = trimmedOws(semicolon < 0 ? member : member.left(semicolon));
            if (!coding.isEmpty())
                last = coding.toLower();
        }
    }
    return last == "chunked";
}

} // namespace HttpSyntax
