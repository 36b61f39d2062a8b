// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// Helpers for heroku-sim's --state file: dates as ISO-8601 UTC, string maps as objects, and a
// Reader that remembers whether any member was missing or mistyped, so a damaged file is refused
// as a whole instead of being loaded half.
namespace StateJson {
QString date(const QDateTime &when);
QJsonObject map(const QMap<QString, QString> &values);

class Reader
{
public:
    explicit Reader(const QJsonObject &json) : m_json(json) {}
    QString string(const QString &key);
    int integer(const QString &key);
    QDateTime date(const QString &key);
    QMap<QString, QString> map(const QString &key);
    QStringList stringList(const QString &key);
    bool ok() const { return m_ok; }

private:
    QJsonObject m_json;
    bool m_ok = true;
};
} // namespace StateJson
