// SPDX-License-Identifier: MIT
#pragma once

#include "CredentialResolver.h"
#include "CredentialWriteResult.h"
#include "Secret.h"

#include <QObject>
#include <QProcessEnvironment>

class CredentialStore;
struct CredentialStoreResult;

// Stores and forgets the Heroku token for `cleardbctl login` / `logout` and the
// console's sign-in dialog. The caller has already verified the token (GET
// /account) and passes the account e-mail along.
//
//     auto *writer = new CredentialWriter(store, this);
//     connect(writer, &CredentialWriter::finished, this, &Login::onStored);
//     writer->login(email, token);
//
// Login prefers the system keychain (service "cleardb-console", account = API
// host). When the keychain is unavailable or refuses, it falls back to ~/.netrc
// (mode 0600) and writes `machine api.heroku.com` and `machine git.heroku.com`
// with login = e-mail, exactly what `heroku login` writes, so git pushes and the
// Heroku CLI keep working. The git host is derived from the API host ("api.X"
// → "git.X"); other hosts (heroku-sim on 127.0.0.1) get only their own entry.
//
// Login also records in AccountChoice that this e-mail is our own login's account and the chosen one,
// so the next start uses it rather than whatever the Heroku CLI's login.json names; logout forgets that.
//
// Logout removes the token from both places, whichever holds it, and reports
// failure when a keychain that timed out may still hold it. ~/.netrc is
// shared with the Heroku CLI, so this logs the CLI out as well, as `heroku
// logout` would. A ~/.netrc that cannot be parsed is never rewritten: the
// result says which line to fix. Results arrive through finished().
class CredentialWriter : public QObject
{
    Q_OBJECT
public:
    // `store` may be null: then only ~/.netrc is used.
    explicit CredentialWriter(CredentialStore *store, QObject *parent = nullptr);

    // Host names are case-insensitive; empty means api.heroku.com.
    void setApiHost(const QString &host)
    {
        m_apiHost = host.isEmpty() ? CredentialResolver::defaultApiHost() : host.toLower();
    }
    void setHomeDir(const QString &home) { m_homeDir = home; }
    // Where AccountChoice keeps its file (XDG_CONFIG_HOME, HOME).
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void setNetrcPath(const QString &path) { m_netrcPath = path; }
    // The Heroku CLI's machine name for the endpoint (ApiEndpoint::netrcMachine());
    // empty means the API host. Logout also removes the bare host's entry.
    void setNetrcMachine(const QString &machine) { m_netrcMachine = machine.toLower(); }

    // The netrc machines a login for `apiHost` writes: itself and its git host.
    static QStringList netrcMachinesFor(const QString &apiHost);

    void login(const QString &email, const Secret &token);
    void logout();

Q_SIGNALS:
    void finished(const CredentialWriteResult &result);

private:
    void loginToNetrc(const QString &email, const Secret &token, const CredentialStoreResult &keychain);
    void logoutFromNetrc(const CredentialStoreResult &keychain);
    void finishLogin(CredentialWriteResult result, const QString &email);
    QString netrcPath() const;
    QString netrcMachine() const;

    CredentialStore *m_store;
    QString m_apiHost;
    QString m_homeDir;
    QString m_netrcPath;
    QString m_netrcMachine;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};
