// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/DatabaseUrl.h"

#include <QJsonObject>
#include <QString>

// DatabaseUrl as text and JSON for people and scripts: what `cleardbctl url parse [--json]
// [--reveal]` prints and what a GUI details pane shows.
//
// Usage: `DatabaseUrlDescription::toText(url, reveal)` or `toJson(url, reveal)`; for a rejected URL,
// `errorToJson(result.error)`. Unless `reveal`, the password is the mask and the URL is redacted(),
// so output is safe to paste into an issue. Each option is listed with its meaning from
// UrlOptionTable (null when unknown), in order, duplicates included, plus the effective value rule.
// `cleardbctl url build` needs no facade: fill a DedicatedClusterSpec and call toUrl(framework);
// `url snippet` calls Framework::fromName() and FrameworkSnippet::generate(...).text().
class DatabaseUrlDescription
{
public:
    static QJsonObject toJson(const DatabaseUrl &url, bool reveal);
    static QString toText(const DatabaseUrl &url, bool reveal);
    static QJsonObject errorToJson(const DatabaseUrlError &error);
};
