// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// Heroku's list pagination through the Range header (Platform API reference, "Ranges").
//
// Grammar accepted:  <field> [[']']<start>]..[<end>][; <param>[, <param>]]
// with params "max=N" and "order=asc|desc". A leading ']' makes the start exclusive, which is
// how Next-Range continues after the last value of the previous page. max defaults to 200;
// values above 1000 are clamped to 1000 (Heroku documents 1000 as the largest page), values
// below 1 are a malformed range. parse() fails (the caller answers 416) on a field the list
// cannot be sorted by or on anything it does not understand.
struct PageRange
{
    static constexpr int DefaultMax = 200;
    static constexpr int LargestMax = 1000;

    QString field = QStringLiteral("id");
    QString start;
    bool startExclusive = false;
    QString end;
    int max = DefaultMax;
    bool descending = false;

    // An empty header means "the first page sorted by the first allowed field".
    // A malformed range is an InvalidInput error whose message says what to send instead.
    static Result<PageRange> parse(const QByteArray &header, const QStringList &allowedFields);
    // "id ]<last>..; max=200": what the client sends to get the page after `lastValue`.
    QByteArray nextRange(const QString &lastValue) const;
    // "id <first>..<last>; max=200" describing the page actually returned.
    QByteArray contentRange(const QString &first, const QString &last) const;
    // Whether `value` lies inside the requested bounds (in compareValues() order).
    bool contains(const QString &value) const;
    // Sort order of range values: numerically when both are integers (release "version"),
    // otherwise by code point (ids, names).
    static int compareValues(const QString &a, const QString &b);
};
