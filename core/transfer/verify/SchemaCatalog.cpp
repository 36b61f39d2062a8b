// SPDX-License-Identifier: MIT
#include "transfer/verify/SchemaCatalog.h"

#include "probe/SqlSession.h"

namespace {
using Rows = QList<QVariantList>;

QString text(const QVariant &value)
{
    return value.isNull() ? QStringLiteral("NULL") : QStringLiteral("'%1'").arg(value.toString());
}

class Reader
{
public:
    Reader(SqlSession &session, const QString &database) : m_session(session), m_database(database) {}

    Status select(const char *sql, Rows *rows)
    {
        const ProbeError error = m_session.select(QString::fromLatin1(sql), {m_database}, rows);
        if (!error.isError())
            return {};
        Error e = error.toError();
        e.message = QStringLiteral("cannot read the schema of `%1`: %2").arg(m_database, e.message);
        return e;
    }

    // Object definitions name their own database (`src`.`t`); a copy's name theirs.
    QString local(const QVariant &definition) const
    {
        QString out = definition.toString();
        out.replace(SchemaSnapshot::quoted(m_database) + QLatin1Char('.'), QString());
        return out;
    }

private:
    SqlSession &m_session;
    QString m_database;
};

Status readTables(Reader &r, SchemaSnapshot *s)
{
    Rows rows;
    if (Status st = r.select("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT, "
                             "AUTO_INCREMENT, CREATE_OPTIONS FROM information_schema.TABLES "
                             "WHERE TABLE_SCHEMA = ?",
                             &rows);
        !st)
        return st;
    for (const QVariantList &row : rows) {
        const QString name = row.value(0).toString();
        if (row.value(1).toString() == QStringLiteral("VIEW"))
            continue; // described by VIEWS
        s->addTable(name, {});
        const QString key = SchemaSnapshot::tableKey(name);
        s->setAspect(key, QStringLiteral("options"),
                     QStringLiteral("%1 ENGINE=%2 COLLATE=%3 COMMENT=%4 %5")
                         .arg(row.value(1).toString(), row.value(2).toString(), row.value(3).toString(),
                              text(row.value(4)), row.value(6).toString()));
        s->setAspect(key, QStringLiteral("AUTO_INCREMENT"), text(row.value(5)));
    }
    if (Status st = r.select("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, "
                             "COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT, "
                             "GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                             "ORDER BY TABLE_NAME, ORDINAL_POSITION",
                             &rows);
        !st)
        return st;
    for (const QVariantList &row : rows) {
        const QString table = row.value(0).toString();
        if (!s->tables().contains(table))
            continue; // a view's columns follow from its definition
        const QString column = row.value(1).toString();
        s->appendColumn(table, column);
        s->setAspect(SchemaSnapshot::tableKey(table),
                     QStringLiteral("column ") + SchemaSnapshot::quoted(column),
                     QStringLiteral("#%1 %2 NULLABLE=%3 DEFAULT=%4 EXTRA=%5 CHARSET=%6 COLLATE=%7 COMMENT=%8 "
                                    "GENERATED=%9")
                         .arg(row.value(2).toString(), row.value(3).toString(), row.value(4).toString(),
                              text(row.value(5)), row.value(6).toString(), row.value(7).toString(),
                              row.value(8).toString(), text(row.value(9)), text(row.value(10))));
    }
    return {};
}

Status readKeys(Reader &r, SchemaSnapshot *s)
{
    Rows rows;
    if (Status st = r.select("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, SUB_PART, "
                             "COLLATION FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
                             "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
                             &rows);
        !st)
        return st;
    QMap<QPair<QString, QString>, QString> indexes;
    for (const QVariantList &row : rows) {
        QString &desc = indexes[{row.value(0).toString(), row.value(1).toString()}];
        if (desc.isEmpty())
            desc = QStringLiteral("%1 %2:").arg(row.value(2).toInt() ? QStringLiteral("NONUNIQUE")
                                                                     : QStringLiteral("UNIQUE"),
                                                row.value(3).toString());
        desc += QLatin1Char(' ') + SchemaSnapshot::quoted(row.value(4).toString()) +
                (row.value(5).isNull() ? QString()
                                       : QLatin1Char('(') + row.value(5).toString() + QLatin1Char(')')) +
                QLatin1Char(' ') + row.value(6).toString();
    }
    for (auto it = indexes.cbegin(); it != indexes.cend(); ++it)
        s->setAspect(SchemaSnapshot::tableKey(it.key().first),
                     QStringLiteral("index ") + SchemaSnapshot::quoted(it.key().second), it.value());

    if (Status st =
            r.select("SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, "
                     "GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ','), "
                     "k.REFERENCED_TABLE_NAME, "
                     "GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ','), "
                     "c.UPDATE_RULE, c.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
                     "JOIN information_schema.REFERENTIAL_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = "
                     "k.TABLE_SCHEMA AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND c.TABLE_NAME = "
                     "k.TABLE_NAME WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                     "GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME, "
                     "c.UPDATE_RULE, c.DELETE_RULE",
                     &rows);
        !st)
        return st;
    for (const QVariantList &row : rows)
        s->setAspect(SchemaSnapshot::tableKey(row.value(0).toString()),
                     QStringLiteral("foreign key ") + SchemaSnapshot::quoted(row.value(1).toString()),
                     QStringLiteral("(%1) REFERENCES %2 (%3) ON UPDATE %4 ON DELETE %5")
                         .arg(row.value(2).toString(), SchemaSnapshot::quoted(row.value(3).toString()),
                              row.value(4).toString(), row.value(5).toString(), row.value(6).toString()));

    if (Status st = r.select("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM "
                             "information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
                             &rows);
        !st)
        return st;
    for (const QVariantList &row : rows)
        s->setAspect(SchemaSnapshot::tableKey(row.value(0).toString()),
                     QStringLiteral("check ") + SchemaSnapshot::quoted(row.value(1).toString()),
                     r.local(row.value(2)));
    return {};
}

Status readCode(Reader &r, SchemaSnapshot *s)
{
    Rows rows;
    if (Status st = r.select("SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, ALGORITHM "
                             "FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?",
                             &rows);
        !st)
        return st;
    for (const QVariantList &row : rows) {
        const QString key = QStringLiteral("view ") + SchemaSnapshot::quoted(row.value(0).toString());
        s->setAspect(key, QStringLiteral("definition"), r.local(row.value(1)));
        s->setAspect(key, QStringLiteral("options"),
                     QStringLiteral("CHECK OPTION=%1 SECURITY=%2 ALGORITHM=%3")
                         .arg(row.value(2).toString(), row.value(3).toString(), row.value(4).toString()));
    }
    if (Status st = r.select("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, "
                             "ACTION_ORDER, ACTION_STATEMENT FROM information_schema.TRIGGERS "
                             "WHERE TRIGGER_SCHEMA = ?",
                             &rows);
        !st)
        return st;
    for (const QVariantList &row : rows) {
        const QString key = QStringLiteral("trigger ") + SchemaSnapshot::quoted(row.value(0).toString());
        s->setAspect(key, QStringLiteral("event"),
                     QStringLiteral("%1 %2 ON %3 ORDER %4")
                         .arg(row.value(2).toString(), row.value(3).toString(),
                              SchemaSnapshot::quoted(row.value(1).toString()), row.value(4).toString()));
        s->setAspect(key, QStringLiteral("statement"), r.local(row.value(5)));
    }
    if (Status st = r.select("SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, "
                             "IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT "
                             "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                             &rows);
        !st)
        return st;
    for (const QVariantList &row : rows) {
        const QString key = row.value(1).toString().toLower() + QLatin1Char(' ') +
                            SchemaSnapshot::quoted(row.value(0).toString());
        s->setAspect(key, QStringLiteral("body"), r.local(row.value(3)));
        s->setAspect(key, QStringLiteral("characteristics"),
                     QStringLiteral("RETURNS %1 DETERMINISTIC=%2 %3 SECURITY=%4 COMMENT=%5")
                         .arg(row.value(2).toString(), row.value(4).toString(), row.value(5).toString(),
                              row.value(6).toString(), text(row.value(7))));
    }
    if (Status st = r.select("SELECT SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION, PARAMETER_MODE, "
                             "PARAMETER_NAME, DTD_IDENTIFIER FROM information_schema.PARAMETERS "
                             "WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0",
                             &rows);
        !st)
        return st;
    for (const QVariantList &row : rows)
        s->setAspect(row.value(1).toString().toLower() + QLatin1Char(' ') +
                         SchemaSnapshot::quoted(row.value(0).toString()),
                     QStringLiteral("parameter #") + row.value(2).toString(),
                     QStringLiteral("%1 %2 %3")
                         .arg(row.value(3).toString(), SchemaSnapshot::quoted(row.value(4).toString()),
                              row.value(5).toString()));
    return {};
}
} // namespace

Result<SchemaSnapshot> SchemaCatalog::read(SqlSession &session, const QString &database)
{
    Reader reader(session, database);
    SchemaSnapshot snapshot;
    if (Status st = readTables(reader, &snapshot); !st)
        return st.error();
    if (Status st = readKeys(reader, &snapshot); !st)
        return st.error();
    if (Status st = readCode(reader, &snapshot); !st)
        return st.error();
    return snapshot;
}
