// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// Runs the real heroku-sim binary for a test.
//
//     SimProcess sim;
//     QVERIFY2(sim.start({"--apps", "5"}), qPrintable(sim.errorString()));
//     request.setUrl(sim.url("/apps"));          // base URL + path
//     request.setRawHeader("Authorization", "Bearer " + sim.token().toUtf8());
//     sim.appName(0);                            // "sandbox-app-0001", the seeded ClearDB app
//
// start() launches CLEARDB_BIN_DIR/heroku-sim with --port 0, the token and the given arguments,
// and waits (up to 10 s) for the base URL the simulator prints as its first stdout line and the
// login host ("login <url>") it prints as the second. The destructor stops the process. The token
// is a fixed test value; do not print it.
//
//     sim.loginUrl();                            // the login host, for HEROKU_LOGIN_HOST
//     const Result<QString> t = sim.approvedLoginToken(); // a browser login, approved
class SimProcess
{
public:
    explicit SimProcess(QString token = QStringLiteral("sim-test-token"));
    ~SimProcess();
    SimProcess(const SimProcess &) = delete;
    SimProcess &operator=(const SimProcess &) = delete;

    bool start(const QStringList &args = {});
    // Stops the simulator (SIGTERM, then kill) and waits for it; start() may be called again.
    void stop();

    // "http://127.0.0.1:<port>", no trailing slash.
    QString baseUrl() const { return m_baseUrl.toString(); }
    QUrl url(const QString &path) const;
    // The login host (browser sign-in), "http://127.0.0.1:<port>"; with a path, that URL on it.
    QUrl loginUrl() const { return m_loginUrl; }
    QUrl loginUrl(const QString &path) const;
    // Signs in through the login host as a browser user would (POST /auth, Approve for the account
    // with that e-mail, or the first account, then the token poll) and returns the new token,
    // which has a session. Waits up to 15 s per request.
    Result<QString> approvedLoginToken(const QString &accountEmail = {});
    QString token() const { return m_token; }
    // Name of the seeded app at 0-based `index` (seeding numbers apps from 0001).
    static QString appName(int index);
    QString errorString() const { return m_error; }
    // What the simulator wrote to stderr so far (one-line errors, --log lines).
    QString standardError();
    QProcess &process() { return m_process; }

private:
    QString m_token;
    QProcess m_process;
    QUrl m_baseUrl;
    QUrl m_loginUrl;
    QString m_error;
    QByteArray m_stderr;
};
