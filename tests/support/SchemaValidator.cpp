// SPDX-License-Identifier: MIT
#include "SchemaValidator.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

Status SchemaValidator::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Io, QStringLiteral("cannot read schema %1").arg(path),
                         file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("schema %1 is not a JSON object").arg(path),
                         parseError.errorString());
    m_root = doc.object();
    return {};
}

QJsonObject SchemaValidator::resolve(const QString &ref) const
{
    // Only local JSON pointers ("#/definitions/app/definitions/name") occur in Heroku's schema.
    QJsonValue node = m_root;
    const QStringList parts = ref.mid(2).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        node = node.toObject().value(QUrl::fromPercentEncoding(part.toUtf8()));
    return node.toObject();
}

QJsonObject SchemaValidator::definition(const QString &name) const
{
    return m_root.value(QStringLiteral("definitions")).toObject().value(name).toObject();
}

QJsonObject SchemaValidator::linkTargetSchema(const QString &method, const QString &href) const
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[^}]*\\}"));
    const QJsonObject definitions = m_root.value(QStringLiteral("definitions")).toObject();
    for (auto it = definitions.begin(); it != definitions.end(); ++it) {
        for (const QJsonValue &l : it.value().toObject().value(QStringLiteral("links")).toArray()) {
            const QJsonObject link = l.toObject();
            QString linkHref = link.value(QStringLiteral("href")).toString();
            linkHref.replace(placeholder, QStringLiteral("{}"));
            if (link.value(QStringLiteral("method")).toString() == method && linkHref == href)
                return link.value(QStringLiteral("targetSchema")).toObject();
        }
    }
    return {};
}

QStringList SchemaValidator::validate(const QJsonValue &value, const QJsonObject &schema) const
{
    QStringList errors;
    check(value, schema, QStringLiteral("$"), &errors);
    return errors;
}

bool SchemaValidator::checkType(const QJsonValue &value, const QJsonValue &type) const
{
    const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
    for (const QJsonValue &t : types) {
        const QString name = t.toString();
        if ((name == QLatin1String("null") && value.isNull()) ||
            (name == QLatin1String("string") && value.isString()) ||
            (name == QLatin1String("boolean") && value.isBool()) ||
            (name == QLatin1String("object") && value.isObject()) ||
            (name == QLatin1String("array") && value.isArray()) ||
            (name == QLatin1String("number") && value.isDouble()) ||
            (name == QLatin1String("integer") && value.isDouble() &&
             value.toDouble() == double(value.toInteger())))
            return true;
    }
    return false;
}

bool SchemaValidator::checkFormat(const QString &value, const QString &format) const
{
    if (format == QLatin1String("date-time"))
        return QDateTime::fromString(value, Qt::ISODate).isValid() && value.contains(QLatin1Char('T'));
    if (format == QLatin1String("uuid"))
        return !QUuid::fromString(value).isNull() && value.size() == 36;
    if (format == QLatin1String("email"))
        return value.contains(QLatin1Char('@')) && !value.startsWith(QLatin1Char('@'));
    if (format == QLatin1String("uri"))
        return QUrl(value, QUrl::StrictMode).isValid() && !QUrl(value).scheme().isEmpty();
    return true; // unknown formats are annotations in draft-04
}

void SchemaValidator::check(const QJsonValue &value, const QJsonObject &schemaIn, const QString &path,
                            QStringList *errors) const
{
    QJsonObject schema = schemaIn;
    while (schema.contains(QStringLiteral("$ref")))
        schema = resolve(schema.value(QStringLiteral("$ref")).toString());

    if (schema.contains(QStringLiteral("type")) && !checkType(value, schema.value(QStringLiteral("type")))) {
        errors->append(
            QStringLiteral("%1: type %2 expected")
                .arg(path, QString::fromUtf8(QJsonDocument(QJsonArray{schema.value(QStringLiteral("type"))})
                                                 .toJson(QJsonDocument::Compact))));
        return;
    }
    if (schema.contains(QStringLiteral("enum")) &&
        !schema.value(QStringLiteral("enum")).toArray().contains(value))
        errors->append(QStringLiteral("%1: value not in enum").arg(path));
    if (value.isString()) {
        const QString s = value.toString();
        if (schema.contains(QStringLiteral("format")) &&
            !checkFormat(s, schema.value(QStringLiteral("format")).toString()))
            errors->append(QStringLiteral("%1: \"%2\" is not a valid %3")
                               .arg(path, s, schema.value(QStringLiteral("format")).toString()));
        if (schema.contains(QStringLiteral("pattern")) &&
            !QRegularExpression(schema.value(QStringLiteral("pattern")).toString()).match(s).hasMatch())
            errors->append(QStringLiteral("%1: \"%2\" does not match %3")
                               .arg(path, s, schema.value(QStringLiteral("pattern")).toString()));
    }
    for (const QString &key : {QStringLiteral("anyOf"), QStringLiteral("oneOf")}) {
        if (!schema.contains(key))
            continue;
        int matches = 0;
        for (const QJsonValue &option : schema.value(key).toArray())
            matches += validate(value, option.toObject()).isEmpty() ? 1 : 0;
        if (matches == 0 || (key == QLatin1String("oneOf") && matches > 1))
            errors->append(
                QStringLiteral("%1: %2 alternatives matched for %3").arg(path).arg(matches).arg(key));
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(name.toString()))
                errors->append(
                    QStringLiteral("%1: required member \"%2\" missing").arg(path, name.toString()));
        }
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        const QJsonObject patterns = schema.value(QStringLiteral("patternProperties")).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString memberPath = path + QLatin1Char('.') + it.key();
            bool described = false;
            if (properties.contains(it.key())) {
                described = true;
                check(it.value(), properties.value(it.key()).toObject(), memberPath, errors);
            }
            for (auto p = patterns.begin(); p != patterns.end(); ++p) {
                if (QRegularExpression(p.key()).match(it.key()).hasMatch()) {
                    described = true;
                    check(it.value(), p.value().toObject(), memberPath, errors);
                }
            }
            const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
            if (!described && additional.isBool() && !additional.toBool())
                errors->append(QStringLiteral("%1: member not allowed").arg(memberPath));
        }
    }
    if (value.isArray() && schema.value(QStringLiteral("items")).isObject()) {
        const QJsonArray items = value.toArray();
        for (int i = 0; i < items.size(); ++i)
            check(items.at(i), schema.value(QStringLiteral("items")).toObject(),
                  path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'), errors);
    }
}
