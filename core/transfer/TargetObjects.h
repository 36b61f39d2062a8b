// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What a target database already holds (tables, views, sequences, procedures, functions, events), as
// read from information_schema by query(); used to refuse a non-empty target and, when the user asked
// to replace it, to drop exactly those objects first.
class TargetObjects
{
public:
    struct Object
    {
        QString kind; // BASE TABLE, VIEW, SEQUENCE, SYSTEM VERSIONED, PROCEDURE, FUNCTION, EVENT
        QString name;
    };

    // Rows of "kind <tab> name" for the current database.
    static QString query();
    static TargetObjects fromRows(const QList<QStringList> &rows);

    bool isEmpty() const { return m_objects.isEmpty(); }
    // "3 tables, 1 view, 2 routines"
    QString summary() const;
    // DROP statements for every object, foreign key checks off, as SQL for the mariadb client.
    QByteArray dropScript() const;
    static QString quoteName(const QString &name);

private:
    QList<Object> m_objects;
};
