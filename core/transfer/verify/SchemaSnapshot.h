// SPDX-License-Identifier: MIT
#pragma once

#include "transfer/verify/VerifyReport.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// The schema objects of one database as plain text, ready to compare with another database's:
// each object ("table `t`", "view `v`", "trigger `tr`", "procedure `p`", "function `f`") maps each
// of its aspects ("column `c`", "index `PRIMARY`", "options", "AUTO_INCREMENT", "definition", ...)
// to a canonical description. Definers are never recorded (a copy loaded by another user has other
// definers on purpose), and the database's own name is taken out of definitions (`src`.`t` -> `t`),
// so two databases with different names compare equal when their objects are.
// SchemaCatalog fills it from information_schema; compare() lists the differences.
class SchemaSnapshot
{
public:
    using Shape = QMap<QString, QString>;

    void setAspect(const QString &object, const QString &aspect, const QString &value);
    // Registers a base table and its columns in ordinal order (what TableDigest hashes).
    void addTable(const QString &table, const QStringList &columns);
    void appendColumn(const QString &table, const QString &column);

    const QMap<QString, Shape> &objects() const { return m_objects; }
    // Base tables by name, with their columns in ordinal order.
    const QMap<QString, QStringList> &tables() const { return m_tables; }

    static QString tableKey(const QString &table);
    // `name` quoted as an SQL identifier (backticks doubled inside).
    static QString quoted(const QString &name);

    // Objects missing from or extra in `target`, and objects whose aspects differ (named in the detail).
    static QList<VerifyDifference> compare(const SchemaSnapshot &source, const SchemaSnapshot &target);

private:
    QMap<QString, Shape> m_objects;
    QMap<QString, QStringList> m_tables;
};
