// SPDX-License-Identifier: MIT
#include "OAuthTokenMatch.h"

namespace {
const QString Asterisks = QStringLiteral("**********");
constexpr int MinimumKeptCharacters = 4;
} // namespace

bool oauthTokenMatches(const QString &current, const QString &listed)
{
    if (current.isEmpty() || listed.isEmpty())
        return false;
    const qsizetype at = listed.indexOf(Asterisks);
    if (at < 0)
        return current == listed;
    const QString prefix = listed.left(at);
    const QString suffix = listed.mid(at + Asterisks.size());
    if (prefix.size() + suffix.size() < MinimumKeptCharacters ||
        current.size() < prefix.size() + suffix.size())
        return false;
    return current.startsWith(prefix) && current.endsWith(suffix);
}
