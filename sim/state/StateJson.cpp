// SPDX-License-Identifier: MIT
#include "sim/state/StateJson.h"

#include <QJsonArray>

namespace StateJson {

QString date(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

QJsonObject map(const QMap<QString, QString> &values)
{
    QJsonObject o;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString Reader::string(const QString &key)
{
    const QJsonValue v = m_json.value(key);
    if (!v.isString())
        m_ok = false;
    return v.toString();
}

int Reader::integer(const QString &key)
{
    const QJsonValue v = m_json.value(key);
    if (!v.isDouble())
        m_ok = false;
    return v.toInt();
}

QDateTime Reader::date(const QString &key)
{
    const QDateTime d = QDateTime::fromString(string(key), Qt::ISODate);
    if (!d.isValid())
        m_ok = false;
    return d.toUTC();
}

QMap<QString, QString> Reader::map(const QString &key)
{
    QMap<QString, QString> out;
    const QJsonValue v = m_json.value(key);
    if (!v.isObject()) {
        m_ok = false;
        return out;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            m_ok = false;
        out.insert(it.key(), it.value().toString());
    }
    return out;
}

QStringList Reader::stringList(const QString &key)
{
    QStringList out;
    const QJsonValue v = m_json.value(key);
    if (!v.isArray()) {
        m_ok = false;
        return out;
    }
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            m_ok = false;
        out.append(item.toString());
    }
    return out;
}

} // namespace StateJson
