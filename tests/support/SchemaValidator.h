// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// A small JSON Schema draft-04 validator covering what the Heroku Platform API hyper-schema uses:
// "$ref" to "#/definitions/...", "type" (a name or a list, including "null"), "properties",
// "required", "additionalProperties": false, "patternProperties", "items", "enum", "anyOf",
// "oneOf", "pattern", and the "date-time", "uuid", "email" and "uri" formats.
//
// Usage: load the schema once, then validate(value, schema) or validateLink(value, method, href)
// to check a response against the targetSchema of the link with that method and href template
// ("/apps/{app}/addons"). Each violation is reported with its JSON path. It does not fetch remote
// references and ignores hyper-schema keywords (links, strictProperties) that say nothing about
// instance validity.
class SchemaValidator
{
public:
    Status load(const QString &path);

    QStringList validate(const QJsonValue &value, const QJsonObject &schema) const;
    // The targetSchema of a link, found by method and href with every "{...}" placeholder written
    // as "{}", e.g. ("GET", "/apps/{}/addons"). An empty object when no such link exists.
    QJsonObject linkTargetSchema(const QString &method, const QString &href) const;
    QJsonObject definition(const QString &name) const;

private:
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &path,
               QStringList *errors) const;
    bool checkType(const QJsonValue &value, const QJsonValue &type) const;
    bool checkFormat(const QString &value, const QString &format) const;
    QJsonObject resolve(const QString &ref) const;

    QJsonObject m_root;
};
