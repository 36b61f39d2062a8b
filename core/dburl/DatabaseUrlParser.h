// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "dburl/DatabaseUrl.h"

// The checks behind DatabaseUrl::parse() and DatabaseUrl::validated(), kept apart so the value type
// stays small. QUrl (strict mode) splits the URL; this class turns QUrl's verdicts into errors that
// name the part and never quote the input, and applies the rules documented on DatabaseUrl.
class DatabaseUrlParser
{
public:
    static DatabaseUrl::ParseResult parse(const QString &text);
    static DatabaseUrl::ParseResult validate(const DatabaseUrl &url);

private:
    // The scheme in lower case, or why it is unusable (the detail of a Part::Scheme error).
    static Result<QString> normalizeScheme(const QString &scheme);
    // The host in lower-case ASCII (punycode), or why it is unusable (the detail of a Part::Host error).
    static Result<QString> normalizeHost(const QString &host);
    static DatabaseUrlError errorFromQUrl(const QString &qurlError);
    // A raw '@', '/', '?' or '#' inside the user name or password shifts the URL's structure; when
    // the text shows that shape, report it as a credentials problem rather than the part QUrl
    // tripped over.
    static bool hasUnencodedUserInfo(const QString &afterSlashes);
    static DatabaseUrlError userInfoError(const QString &afterSlashes);
    static DatabaseUrlError parseQuery(const QString &encodedQuery, QList<DatabaseUrl::Option> *options);
};
