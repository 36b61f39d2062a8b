// SPDX-License-Identifier: MIT
#pragma once

#include "sim/faults/FaultPlan.h"
#include "sim/faults/RateLimiter.h"
#include "sim/http/HttpServer.h"
#include "sim/login/LoginHost.h"
#include "sim/provisioning/DatabaseProvisioner.h"
#include "sim/routes/ResourceRenderer.h"
#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"
#include "sim/state/SimCatalog.h"
#include "sim/state/SimState.h"

#include <QObject>
#include <memory>

// heroku-sim: a stateful stand-in for the Heroku Platform API on 127.0.0.1.
//
// Usage: build a SimState (SimSeeder::seed or StateStore::load), construct SimServer with the
// options and a DatabaseProvisioner, call listen(). Every request passes, in order: the control
// endpoint (/__sim/faults), Authorization (Bearer <token>, or Basic with the token as password, as
// the Heroku CLI may send), Accept (application/vnd.heroku+json; version=3[.variant]), the rate
// limiter, injected faults, then the routes. Every answer carries Request-Id and
// RateLimit-Remaining. With a state path, the state is saved after each mutation.
//
// A second listener, the login host (LoginHost, listenLogin()), serves the Heroku CLI's browser
// sign-in; it is separate because its requests carry no Platform API headers. A token it mints
// is an authorization of the chosen account and works on the API at once.
class SimServer : public QObject
{
    Q_OBJECT
public:
    // Another account (after sandbox@example.com) and its API key; see SimSeeder::addAccount.
    struct AccountToken
    {
        QString email;
        QString token;
    };
    struct Options
    {
        QByteArray token;
        int rateLimit = 4500;
        int provisionDelayMs = 1500; // for non-ClearDB add-ons; ClearDB's delay is the provisioner's
        QString statePath;
        bool logRequests = false;    // one "METHOD path -> status" line per request on stderr
        int loginPollHoldMs = 25000; // how long the login host holds a pending token poll
        QList<AccountToken> accounts;
    };

    SimServer(SimState state, Options options, DatabaseProvisioner *provisioner, QObject *parent = nullptr);

    Status listen(quint16 port);
    quint16 port() const { return m_http.port(); }
    Status listenLogin(quint16 port);
    quint16 loginPort() const { return m_login.port(); }
    Status addFaults(const QString &spec) { return m_faults.add(spec); }
    // Writes the state file now (nothing to do without a state path).
    Status saveState() const;
    // Resumes add-ons a previous run left in "provisioning".
    void resumeProvisioning();

private:
    HttpResponse handle(const HttpRequest &request);
    void finish(HttpResponse &response);
    HttpResponse guarded(const HttpRequest &request, int *remaining);
    HttpResponse control(const HttpRequest &request);
    // The authorization whose token the request carries (Bearer, or Basic with it as password).
    const SimAuthorization *authorized(const HttpRequest &request) const;
    void startProvisioning(const SimAddon &addon);
    void persist();

    Options m_options;
    SimState m_state;
    SimCatalog m_catalog;
    ResourceRenderer m_renderer;
    DatabaseProvisioner *m_provisioner;
    SimContext m_context;
    Router m_router;
    FaultPlan m_faults;
    RateLimiter m_rateLimiter;
    HttpServer m_http;
    LoginHost m_login;
};
