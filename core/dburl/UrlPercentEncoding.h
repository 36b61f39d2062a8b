// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QString>

// Percent-encoding rules for the parts of a database URL, in one place so that building and
// parsing can never disagree.
//
// Usage: `UrlPercentEncoding::encodeComponent(password)` when writing a URL;
// `UrlPercentEncoding::decode(raw, PlusIsSpace::No, &ok)` when reading one.
//
// Why encode everything but RFC 3986 "unreserved" (A–Z a–z 0–9 - . _ ~) in user, password and
// database: every parser we target decodes any %XX there, while reserved characters each break one of
// them (SQLAlchemy ends the password at the first '@', urllib splits at '#', '?', '/', form decoders
// turn '+' into a space). Option values additionally keep '/' and ':' readable, which RFC 3986 allows
// in a query and all target parsers accept, so certificate paths stay legible.
class UrlPercentEncoding
{
public:
    enum class PlusIsSpace
    {
        No,
        Yes,
    };

    static QString encodeComponent(const QString &text);
    static QString encodeQueryValue(const QString &text);
    // Decodes %XX sequences as UTF-8. An InvalidInput Error ("has a broken %-escape; ...", worded to
    // follow the part's name) on a '%' not followed by two hex digits or on bytes that are not valid
    // UTF-8 (a password must not be silently altered).
    static Result<QString> decode(const QString &encoded, PlusIsSpace plus);
};
