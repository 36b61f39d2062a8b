// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

// The HTTP/1.1 grammar rules that decide whether heroku-sim can trust a request's framing: tokens,
// field values, request targets, Content-Length and Transfer-Encoding (RFC 9110 §5.5, §5.6, §8.6;
// RFC 9112 §3, §6). Pure functions over bytes, shared by HttpRequestParser and its fuzzer.
//
// They are deliberately strict: a request two HTTP implementations could read differently (two
// lengths, "+3", a bare LF) is how requests are smuggled past a proxy, so it is refused rather than
// guessed at.
namespace HttpSyntax {

// tchar (RFC 9110 §5.6.2): the characters of methods and field names.
bool isTokenChar(char c);
bool isToken(const QByteArray &bytes);
// Removes OWS (SP and HTAB only, RFC 9110 §5.6.3) from both ends.
QByteArray trimmedOws(const QByteArray &bytes);
// A field value holds no control character other than HTAB: CR, LF and NUL MUST be refused
// (RFC 9110 §5.5) and the other CTLs are not field-vchar either. obs-text (0x80-0xFF) is allowed.
bool isFieldValue(const QByteArray &bytes);
// origin-form (RFC 9112 §3.2.1): "/" then visible ASCII, no fragment.
bool isOriginForm(const QByteArray &target);
// "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3).
bool isVersion(const QByteArray &version);

struct ContentLength
{
    bool present = false;
    bool valid = true;
    qint64 value = 0;
};
// The length given by every Content-Length field line of a request. Each value is 1*DIGIT; a
// comma-separated list or repeated lines are accepted only when all members are the same number
// (RFC 9110 §8.6). A number too big for 63 bits is invalid, not clamped.
ContentLength contentLength(const QList<QByteArray> &fieldValues);
// True when the Transfer-Encoding field lines end with "chunked", the only final coding that
// frames a request body (RFC 9112 §6.3 item 4).
bool chunkedIsFinal(const QList<QByteArray> &fieldValues);

} // namespace HttpSyntax
