// SPDX-License-Identifier: MIT
#include "probe/SqlSession.h"

#include <QElapsedTimer>

SqlSession::SqlSession() = default;

SqlSession::~SqlSession() = default;

void SqlSession::preloadDriver()
{
    MariaDbConnection::initLibrary();
}

ProbeError SqlSession::open(const ProbeTarget &target, double *elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    const ProbeError error = m_connection.open(target);
    if (elapsedMs)
        *elapsedMs = timer.nsecsElapsed() / 1e6;
    return error;
}

ProbeError SqlSession::open(const ProbeTarget &target, const QString &address,
                            MariaDbConnection::Login *login, const MariaDbConnection::StageCallback &onStage)
{
    return m_connection.open(target, address, login, onStage);
}

bool SqlSession::isOpen() const
{
    return m_connection.isOpen();
}

void SqlSession::close()
{
    m_connection.close();
}

ProbeError SqlSession::identify(ServerIdentity *identity, double *elapsedMs)
{
    QVariantList row;
    QElapsedTimer timer;
    timer.start();
    ProbeError error =
        exec(QStringLiteral("SELECT @@server_id, @@hostname, @@version, @@read_only"), {}, &row);
    if (elapsedMs)
        *elapsedMs = timer.nsecsElapsed() / 1e6;
    if (error.isError())
        return error;
    if (row.size() < 4)
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::ProtocolError,
                                QStringLiteral("the server answered the identity query without a row"));
    identity->answered = true;
    identity->serverId = row.at(0).toLongLong();
    identity->hostname = row.at(1).toString();
    identity->version = row.at(2).toString();
    identity->readOnly = row.at(3).toInt() != 0;
    return {};
}

ProbeError SqlSession::exec(const QString &sql, const QVariantList &values, QVariantList *firstRow)
{
    if (!isOpen())
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::ConnectionLost,
                                QStringLiteral("not connected to the server"));
    if (values.isEmpty())
        return m_connection.query(sql, firstRow);
    QString bound;
    const ProbeError error = bind(sql, values, &bound);
    return error.isError() ? error : m_connection.query(bound, firstRow);
}

ProbeError SqlSession::select(const QString &sql, const QVariantList &values, QList<QVariantList> *rows)
{
    if (!isOpen())
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::ConnectionLost,
                                QStringLiteral("not connected to the server"));
    QString bound;
    const ProbeError error = bind(sql, values, &bound);
    return error.isError() ? error : m_connection.queryRows(bound, rows);
}

ProbeError SqlSession::bind(const QString &sql, const QVariantList &values, QString *boundSql) const
{
    // Client-side binding, as the text protocol does it: each placeholder becomes an escaped literal.
    QString &bound = *boundSql;
    int next = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            quote = c;
        } else if (c == QLatin1Char('?')) {
            if (next >= values.size())
                return ProbeError::make(ProbeStage::Query, ProbeError::Kind::InvalidTarget,
                                        QStringLiteral("more placeholders than values in a statement"));
            bound += m_connection.literal(values.at(next++));
            continue;
        }
        bound += c;
    }
    if (next != values.size())
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::InvalidTarget,
                                QStringLiteral("more values than placeholders in a statement"));
    return {};
}
