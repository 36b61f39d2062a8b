// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpServer.h"
#include "sim/login/LoginRequest.h"
#include "sim/routes/Router.h"
#include "sim/state/SimState.h"

#include <QHash>
#include <QObject>
#include <functional>

// The Heroku CLI's login host (cli-auth.heroku.com) on its own 127.0.0.1 listener; the CLI and
// our clients reach it through HEROKU_LOGIN_HOST. The flow (the Heroku CLI's login.js):
//   POST /auth {"description"} -> {browser_url, cli_url, token}, both URLs paths on this host;
//   GET browser_url            -> a page to pick an account and Approve or Deny;
//   GET cli_url with "Authorization: Bearer <token>" -> held (long poll) until a button is clicked,
//       then {"access_token", "expires_in": null, "user_id"} or {"error"}; once only, later 404.
//       Still pending after pollHoldMs: 503, which the CLI retries (it retries statuses > 500 and
//       gives up after 60 s of silence, so pollHoldMs must stay well below that).
// A request expires requestLifetimeMs after POST /auth. Approving calls `mint`, which makes the new
// API token (an authorization with a session) of the chosen account and returns it.
class LoginHost : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pollHoldMs = 25000;
        int requestLifetimeMs = 10 * 60 * 1000;
        bool logRequests = false;
    };
    using Mint = std::function<QString(const QString &accountId, const QString &description)>;

    LoginHost(const SimState &state, Mint mint, Options options, QObject *parent = nullptr);

    bool listen(quint16 port) { return m_http.listen(port); }
    quint16 port() const { return m_http.port(); }
    QString errorString() const { return m_http.errorString(); }
    // Login requests not yet answered or expired (for tests of the bookkeeping).
    int openRequests() const { return int(m_requests.size()); }

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse start(const HttpRequest &request);
    HttpResponse page(const QString &id);
    HttpResponse decide(const HttpRequest &request, const QString &id, bool approve);
    HttpResponse poll(const HttpRequest &request, const QString &id);
    // The outcome of an approved or denied request, marking it answered.
    HttpResponse takeAnswer(LoginRequest &request);
    void deliver(const QString &id);
    LoginRequest *find(const QString &id);
    void expire(const QString &id);

    const SimState &m_state;
    Mint m_mint;
    Options m_options;
    QHash<QString, LoginRequest> m_requests;
    Router m_router;
    HttpServer m_http;
};
