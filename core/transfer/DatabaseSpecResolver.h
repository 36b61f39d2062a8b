// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/DatabaseSpec.h"
#include "transfer/ResolvedDatabase.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

class HerokuClient;
class HerokuRequest;

// Turns a DatabaseSpec into the database it names: a literal URL as it is, env:NAME from the
// environment, app:APP[/VAR] from the app's config vars (GET /apps/{app}/config-vars with the
// client's token; only the one value is kept, as a Secret). cleardbctl's `db` commands and the console
// use the same rules, so a SPEC means the same everywhere.
//
//     auto *resolver = new DatabaseSpecResolver(client, this);
//     connect(resolver, &DatabaseSpecResolver::resolved, this,
//             [](const Result<ResolvedDatabase> &db) { … db->endpoint … });
//     resolver->resolve(spec);
//
// resolved() always comes later, from the event loop, exactly once per resolve(). Every error is one
// line saying what is missing and what to do (an unknown app, a missing config var, an unset variable,
// a malformed URL); none quotes a password. It does not connect to the database.
class DatabaseSpecResolver : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseSpecResolver(HerokuClient *client, QObject *parent = nullptr);
    ~DatabaseSpecResolver() override;

    // The environment env:NAME reads (the process's own by default); tests inject one.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void resolve(const DatabaseSpec &spec);
    // Stops waiting for the API; no resolved() follows.
    void cancel();

Q_SIGNALS:
    void resolved(const Result<ResolvedDatabase> &database);

private:
    void deliverLater(const Result<ResolvedDatabase> &database);
    Result<ResolvedDatabase> fromEnvironment(const DatabaseSpec &spec) const;

    QPointer<HerokuClient> m_client;
    QPointer<HerokuRequest> m_request;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    int m_generation = 0;
};
