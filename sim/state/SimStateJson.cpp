// SPDX-License-Identifier: MIT
// SimState's --state file form (format "heroku-sim-state/1").
#include "sim/state/SimState.h"

#include <QJsonArray>

namespace {
template <typename T> QJsonArray toArray(const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(item.toJson());
    return out;
}

template <typename T> bool fromArray(const QJsonValue &value, QList<T> *out)
{
    if (!value.isArray())
        return false;
    for (const QJsonValue &v : value.toArray()) {
        T item;
        if (!v.isObject() || !T::fromJson(v.toObject(), &item))
            return false;
        out->append(item);
    }
    return true;
}

QJsonObject accountJson(const SimState::Account &account)
{
    return {{QStringLiteral("id"), account.id},
            {QStringLiteral("email"), account.email},
            {QStringLiteral("name"), account.name},
            {QStringLiteral("createdAt"), account.createdAt.toUTC().toString(Qt::ISODate)}};
}

bool accountFromJson(const QJsonValue &value, SimState::Account *out)
{
    const QJsonObject acc = value.toObject();
    *out = {acc.value(QStringLiteral("id")).toString(), acc.value(QStringLiteral("email")).toString(),
            acc.value(QStringLiteral("name")).toString(),
            QDateTime::fromString(acc.value(QStringLiteral("createdAt")).toString(), Qt::ISODate)};
    return value.isObject() && !out->id.isEmpty() && out->createdAt.isValid();
}
} // namespace

QJsonObject SimState::toJson() const
{
    QJsonArray accountList;
    for (const Account &a : accounts)
        accountList.append(accountJson(a));
    // "account" (the default one) is what files from before several accounts held; it stays so
    // such a file and an older heroku-sim can still read this one.
    return {{QStringLiteral("format"), QStringLiteral("heroku-sim-state/1")},
            {QStringLiteral("account"), accountJson(defaultAccount())},
            {QStringLiteral("accounts"), accountList},
            {QStringLiteral("authorizations"), toArray(authorizations)},
            {QStringLiteral("serial"), serial},
            {QStringLiteral("apps"), toArray(apps)},
            {QStringLiteral("addons"), toArray(addons)},
            {QStringLiteral("attachments"), toArray(attachments)},
            {QStringLiteral("releases"), toArray(releases)},
            {QStringLiteral("dynos"), toArray(dynos)}};
}

Result<SimState> SimState::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("heroku-sim-state/1")) {
        return makeError(
            Error::Kind::InvalidInput,
            QStringLiteral("not a heroku-sim state file (missing \"format\": \"heroku-sim-state/1\")"));
    }
    SimState s;
    bool ok = true;
    if (json.contains(QStringLiteral("accounts"))) {
        const QJsonValue list = json.value(QStringLiteral("accounts"));
        ok = list.isArray() && !list.toArray().isEmpty();
        for (const QJsonValue &v : list.toArray()) {
            Account a;
            ok = ok && accountFromJson(v, &a);
            s.accounts.append(a);
        }
    } else {
        Account a;
        ok = accountFromJson(json.value(QStringLiteral("account")), &a);
        s.accounts.append(a);
    }
    // Files written before authorizations existed have none: the server adds the API keys.
    if (json.contains(QStringLiteral("authorizations")))
        ok = ok && fromArray(json.value(QStringLiteral("authorizations")), &s.authorizations);
    s.serial = json.value(QStringLiteral("serial")).toInt();
    ok = ok && fromArray(json.value(QStringLiteral("apps")), &s.apps) &&
         fromArray(json.value(QStringLiteral("addons")), &s.addons) &&
         fromArray(json.value(QStringLiteral("attachments")), &s.attachments) &&
         fromArray(json.value(QStringLiteral("releases")), &s.releases) &&
         fromArray(json.value(QStringLiteral("dynos")), &s.dynos);
    if (!ok)
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("state file has a missing or mistyped member"));
    for (SimApp &app : s.apps) {
        if (app.ownerId.isEmpty())
            app.ownerId = s.defaultAccount().id;
    }
    return s;
}
