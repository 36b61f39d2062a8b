// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/DatabaseUrl.h"
#include "dburl/FrameworkSnippet.h"

// What every snippet writer needs from a DatabaseUrl, worked out once: options collapsed to their
// last value (the rule DatabaseUrl documents), TLS settings by meaning rather than spelling, and the
// password either as a literal or as an environment reference.
//
// Usage (inside core/dburl only): `SnippetInputs in(url, options);` then read the members. It
// deliberately knows no framework syntax; the writers do.
struct SnippetInputs
{
    SnippetInputs(const DatabaseUrl &url, const FrameworkSnippet::Options &options);

    DatabaseUrl url;
    FrameworkSnippet::Options snippetOptions;
    // Unique keys in first-seen order, each with its last value.
    QList<DatabaseUrl::Option> options;

    QString value(UrlOptionTable::Key key) const { return url.option(key); }
    bool has(UrlOptionTable::Key key) const { return url.hasOption(key); }
    // "true", "1", "yes", "on" (any case) and an empty value (a bare `?reconnect`) count as on.
    bool isOn(UrlOptionTable::Key key) const;
    bool hasClientTls() const;
    // Options none of the table's keys cover, passed through to frameworks that accept extras.
    QList<DatabaseUrl::Option> unknownOptions() const;
    // A copy of the URL with `framework`'s spellings, `dropped` removed; unknown options kept.
    DatabaseUrl urlFor(Framework::Id framework, const QList<UrlOptionTable::Key> &dropped) const;
    // url.toString() with the password revealed, or the mask when not revealing.
    QString shownUrl(const DatabaseUrl &framed) const;
    // Three comment lines (each starting with `prefix`) saying where the password variable comes from.
    QString passwordSourceComment(const QString &prefix) const;
};
