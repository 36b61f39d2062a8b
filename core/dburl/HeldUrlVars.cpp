// SPDX-License-Identifier: MIT
#include "dburl/HeldUrlVars.h"

#include "dburl/DatabaseUrl.h"

#include <QUrl>

namespace {
// Heroku Postgres and other add-ons' URLs: another database the app could use instead. DatabaseUrl
// reads MySQL URLs only, and none of these can hold the ClearDB database.
bool isOtherDatabaseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    static const QStringList schemes = {QStringLiteral("postgres"), QStringLiteral("postgresql")};
    return url.isValid() && schemes.contains(url.scheme().toLower()) && !url.host().isEmpty();
}
} // namespace

bool HeldUrlVars::sameDatabase(const DatabaseUrl &a, const DatabaseUrl &b)
{
    return !a.host().isEmpty() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.database() == b.database();
}

HeldUrlVars HeldUrlVars::find(const QJsonObject &vars, const DatabaseUrl &url, const QStringList &ownVars)
{
    HeldUrlVars held;
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it) {
        if (ownVars.contains(it.key()) || !it.value().isString())
            continue;
        const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(it.value().toString());
        // Only values that are database URLs count (QUrl would accept nearly any text).
        if (!parsed.ok() || parsed.url.host().isEmpty()) {
            if (isOtherDatabaseUrl(it.value().toString()))
                held.alternatives << it.key();
            continue;
        }
        if (sameDatabase(parsed.url, url))
            held.holders << it.key();
        else
            held.alternatives << it.key();
    }
    held.holders.sort();
    held.alternatives.sort();
    return held;
}
