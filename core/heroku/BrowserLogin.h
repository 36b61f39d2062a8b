// SPDX-License-Identifier: MIT
#pragma once

#include "ApiEndpoint.h"
#include "BrowserLoginResult.h"
#include "HttpAnswer.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QTimer>
#include <QUrl>

class CredentialStore;
class HerokuClient;
class QNetworkAccessManager;
class ReadExchange;
class SingleAttemptExchange;
struct TokenLoginResult;

// Signing in through the browser, the Heroku CLI's own flow (@heroku-cli/command login.js):
//  1. POST {login host}/auth {"description": "ClearDB Console on <host name>"} → {browser_url,
//     cli_url, token}: sent exactly once (SingleAttemptExchange), since each POST opens a new
//     pending sign-in at Heroku;
//  2. browserUrlReady(host + browser_url): the caller opens it in the user's browser and shows it;
//  3. GET {login host}{cli_url} with `Authorization: Bearer <token>`, a long poll the host holds
//     until the user approves or denies; asked again after a 5xx, a timeout or a dropped
//     connection (it is a read), until {access_token}, {error}, cancel() or the total deadline
//     (10 minutes, the CLI's own);
//  4. the access token goes through TokenLogin: GET /account on the API endpoint confirms it and
//     names the account, then CredentialWriter stores it exactly as `cleardbctl login` does.
//
//     auto *login = new BrowserLogin(network, ApiEndpoint::fromEnvironment(), store, this);
//     connect(login, &BrowserLogin::browserUrlReady, this, &Dialog::openInBrowser);
//     connect(login, &BrowserLogin::finished, this, &Dialog::onSignedIn);
//     login->start();
//
// The login host is HEROKU_LOGIN_HOST, else https://cli-auth.heroku.com (CliAuthHost), read
// from the injected environment. The poll token and the access token are Secrets registered
// with SecretRedactor as soon as they arrive; neither appears in an error. Every read has a
// deadline and a size cap. GUI-free and asynchronous: no nested event loop; finished() comes
// exactly once, from the event loop, also after cancel() (Error::Kind::Cancelled). Once
// Heroku has handed over the access token the sign-in has happened: cancel() then no longer
// stops the check and the store, which take a moment, and their result is reported.
class BrowserLogin : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultTotalDeadlineMs = 10 * 60 * 1000;
    // One long poll: the host answers within about a minute (the CLI gives up after 60 s
    // of silence), so a longer wait means the connection is gone.
    static constexpr int DefaultPollTimeoutMs = 90 * 1000;

    BrowserLogin(QNetworkAccessManager *network, const ApiEndpoint &api, CredentialStore *store,
                 QObject *parent = nullptr);
    ~BrowserLogin() override;

    // Before start(). HEROKU_LOGIN_HOST is read from here (default: the process environment).
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // ~/.netrc lives here when the keychain is unavailable (default: $HOME).
    void setHomeDir(const QString &home) { m_homeDir = home; }
    // Names this machine in the description Heroku shows on the approval page.
    void setMachineName(const QString &name) { m_machineName = name; }
    void setTotalDeadlineMs(int ms) { m_totalDeadlineMs = ms; }
    void setPollTimeoutMs(int ms) { m_pollTimeoutMs = ms; }
    // Pause before asking again after a 5xx or a lost connection.
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }

    void start();
    void cancel();
    // The login host in use, once start() has read it.
    QUrl loginHost() const { return m_host; }

Q_SIGNALS:
    void browserUrlReady(const QUrl &url);
    // Waiting for the user in the browser (each poll sent; for a status line).
    void waiting();
    void finished(const BrowserLoginOutcome &outcome);

private:
    void onAuthAnswer(const HttpAnswer &answer);
    void poll();
    void onPollAnswer(const HttpAnswer &answer);
    void repollLater();
    void confirm(const Secret &accessToken);
    void onConfirmed(const TokenLoginResult &result, const Secret &accessToken);
    void finish(const BrowserLoginOutcome &outcome);
    void finishLater(const Error &error);
    void stopNetwork();

    QNetworkAccessManager *m_network;
    ApiEndpoint m_api;
    CredentialStore *m_store;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QString m_homeDir;
    QString m_machineName;
    int m_totalDeadlineMs = DefaultTotalDeadlineMs;
    int m_pollTimeoutMs = DefaultPollTimeoutMs;
    int m_retryDelayMs = 1000;

    QUrl m_host;
    QUrl m_pollUrl;
    Secret m_pollToken;
    QPointer<SingleAttemptExchange> m_auth;
    QPointer<ReadExchange> m_read;
    QPointer<HerokuClient> m_client;
    QTimer m_totalDeadline;
    QTimer m_retry;
    bool m_started = false;
    bool m_confirming = false;
    bool m_done = false;
};
