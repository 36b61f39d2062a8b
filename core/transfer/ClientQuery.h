// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/ClientProcess.h"
#include "transfer/DatabaseEndpoint.h"

#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <memory>

class ClientOptionFile;

// One read-only query run through the `mariadb` client (login from a ClientOptionFile), asynchronously:
// the transfer jobs ask information_schema what a database holds before they start. Rows come back
// as tab-separated fields, unescaped (--batch writes \t, \n, \\ and \0 escaped).
//
//     auto *query = new ClientQuery(endpoint, sql, this);
//     connect(query, &ClientQuery::finished, this, [=] { if (!query->status()) …; use(query->rows()); });
//     query->start();
class ClientQuery : public QObject
{
    Q_OBJECT
public:
    ClientQuery(const DatabaseEndpoint &endpoint, const QString &sql, QObject *parent = nullptr);
    ~ClientQuery() override;

    void start();
    void cancel();
    const Status &status() const { return m_status; }
    const QList<QStringList> &rows() const { return m_rows; }
    // Argument lists given to the child, for tests that check no password is among them.
    QStringList arguments() const;

    static QString unescapeBatchField(const QString &field);

Q_SIGNALS:
    void finished();

private:
    void done(const Status &status);

    DatabaseEndpoint m_endpoint;
    QString m_sql;
    std::unique_ptr<ClientOptionFile> m_optionFile;
    ClientProcess m_process{QStringLiteral("mariadb")};
    QByteArray m_stdout;
    Status m_status;
    QList<QStringList> m_rows;
    bool m_done = false;
};
