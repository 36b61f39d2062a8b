// SPDX-License-Identifier: MIT
#include "dburl/Framework.h"

#include <QStringList>

QString Framework::name(Id id)
{
    switch (id) {
    case Generic:
        return QStringLiteral("mysql");
    case Django:
        return QStringLiteral("django");
    case SqlAlchemyPyMySql:
        return QStringLiteral("sqlalchemy-pymysql");
    case SqlAlchemyMySqlDb:
        return QStringLiteral("sqlalchemy-mysqldb");
    case Rails:
        return QStringLiteral("rails");
    case Node:
        return QStringLiteral("node");
    case Php:
        return QStringLiteral("php");
    case Jdbc:
        return QStringLiteral("jdbc");
    case QtSql:
        return QStringLiteral("qt");
    }
    return QString();
}

QString Framework::displayName(Id id)
{
    switch (id) {
    case Generic:
        return QStringLiteral("MySQL URL");
    case Django:
        return QStringLiteral("Django");
    case SqlAlchemyPyMySql:
        return QStringLiteral("SQLAlchemy (PyMySQL)");
    case SqlAlchemyMySqlDb:
        return QStringLiteral("SQLAlchemy (mysqlclient)");
    case Rails:
        return QStringLiteral("Rails (mysql2)");
    case Node:
        return QStringLiteral("Node.js (mysql2)");
    case Php:
        return QStringLiteral("PHP PDO");
    case Jdbc:
        return QStringLiteral("Java JDBC (Connector/J)");
    case QtSql:
        return QStringLiteral("Qt (QMYSQL)");
    }
    return QString();
}

bool Framework::fromName(const QString &name, Id *id)
{
    const Id all[] = {Generic, Django, SqlAlchemyPyMySql, SqlAlchemyMySqlDb, Rails, Node, Php, Jdbc, QtSql};
    for (Id candidate : all) {
        if (name.compare(Framework::name(candidate), Qt::CaseInsensitive) == 0) {
            *id = candidate;
            return true;
        }
    }
    return false;
}

QList<Framework::Id> Framework::snippetFrameworks()
{
    return {Django, SqlAlchemyPyMySql, SqlAlchemyMySqlDb, Rails, Node, Php, Jdbc, QtSql};
}

QStringList Framework::names()
{
    QStringList result;
    for (Id id : snippetFrameworks())
        result << name(id);
    return result;
}
