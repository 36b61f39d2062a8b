// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// The application frameworks and drivers ClearDB Console writes connection snippets for.
//
// Usage: `Framework::fromName(QStringLiteral("django"))` for the CLI's `--framework` argument,
// `Framework::name(f)` back. `Generic` is the plain `mysql://` URL the MySQL command-line client and
// CLEARDB_DATABASE_URL use; it is not a framework and has no snippet of its own.
class Framework
{
public:
    enum Id
    {
        Generic,
        Django,
        SqlAlchemyPyMySql,
        SqlAlchemyMySqlDb,
        Rails,
        Node,
        Php,
        Jdbc,
        QtSql,
    };

    static QString name(Id id);
    static QString displayName(Id id);
    // Accepts the names `name()` returns (case-insensitive); false when unknown.
    static bool fromName(const QString &name, Id *id);
    // Every framework a snippet exists for, in menu order.
    static QList<Id> snippetFrameworks();
    static QStringList names();
};
