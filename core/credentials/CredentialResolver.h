// SPDX-License-Identifier: MIT
#pragma once

#include "CredentialResolution.h"

#include <QObject>
#include <QProcessEnvironment>

class CredentialStore;
struct CredentialStoreResult;

// Finds the Heroku API token the way the Heroku CLI users expect, first match wins:
//  1. HEROKU_API_KEY in the environment (the CLI's own override, used by CI);
//  2. the account picked with AccountChoice (`cleardbctl accounts use`, or signing in here): when it is
//     our own login's account, straight to step 3; else the Heroku CLI's login for it, or for the account
//     its login.json names (HerokuCliLoginState), with the token
//     the OS store holds for service "heroku-cli", account = that e-mail (HerokuCliStore) — what
//     `heroku login` leaves behind since CLI 11;
//  3. the system keychain, service "cleardb-console", account = API host;
//  4. ~/.netrc, `machine <API host>`, its password field.
//
//     auto *resolver = new CredentialResolver(store, this);
//     resolver->setApiHost(endpoint.host());
//     connect(resolver, &CredentialResolver::resolved, this, &Console::onCredentials);
//     resolver->resolve();
//
// The API host comes from the endpoint (ApiEndpoint::host(), which honours
// HEROKU_HOST), so pointing HEROKU_HOST at heroku-sim uses keychain account
// "127.0.0.1": a sandbox token can never be sent to the real API and the real
// token never to the sandbox. In ~/.netrc the machine `heroku login` writes is
// looked up first (ApiEndpoint::netrcMachine(): "127.0.0.1:5000" for
// HEROKU_HOST=http://127.0.0.1:5000), then the bare host, as curl names machines.
// The `default` entry is deliberately ignored: it holds some other service's
// password, and sending that to Heroku would leak it.
//
// A ~/.netrc that another user owns or may write is refused (NetrcFile); one
// that others may read is used with a warning. Why the keychain gave nothing is
// said once and only when it matters: in the message when no token was found,
// or as a warning when a keychain that exists (timed out, refused) was passed
// over for ~/.netrc; no keychain at all is the normal state of a server.
//
// The Heroku CLI's token is used for whatever API HEROKU_HOST names, exactly as the CLI itself uses it:
// its store is keyed by e-mail, not by host, so there is no host to check it against, and following the
// CLI means the two programs always talk to the same API with the same login. (The sandbox cannot
// receive it: the console's own heroku-sim gets its own token, never a resolved one.) login.json is
// only read, never deleted or rewritten, even when its account has no token — unlike the CLI, which
// deletes it then. When it names an account whose token cannot be read (a locked keyring, no Secret
// Service, Windows), the next source is used and a warning says why.
//
// The environment, the $HOME used for ~/.netrc and the store are injected for
// tests. A resolved token is registered with SecretRedactor, so it is masked in
// any log line from then on. The result always arrives through resolved(), from
// the event loop. Reading ~/.netrc is a small local file read on the calling thread.
class CredentialResolver : public QObject
{
    Q_OBJECT
public:
    // `store` may be null: then the keychain step is skipped.
    explicit CredentialResolver(CredentialStore *store, QObject *parent = nullptr);
    // Where the Heroku CLI's token is read (HerokuCliStore::create()); null skips step 2.
    void setHerokuCliStore(CredentialStore *store) { m_herokuCliStore = store; }

    static QString defaultApiHost() { return QStringLiteral("api.heroku.com"); }

    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // Host names are case-insensitive; empty means api.heroku.com.
    void setApiHost(const QString &host) { m_apiHost = host.isEmpty() ? defaultApiHost() : host.toLower(); }
    // Defaults to $HOME/.netrc with HOME taken from the injected environment.
    void setNetrcPath(const QString &path) { m_netrcPath = path; }
    // The Heroku CLI's machine name (ApiEndpoint::netrcMachine(), host:port when
    // HEROKU_HOST names a port); looked up first, then the bare API host.
    void setNetrcMachine(const QString &machine) { m_netrcMachine = machine.toLower(); }

    void resolve();

Q_SIGNALS:
    void resolved(const CredentialResolution &resolution);

private:
    void continueWithHerokuCli(const CredentialStoreResult &result, const QString &account, bool isChoice,
                               quint64 generation);
    void readOwnStore(quint64 generation);
    void continueWithKeychain(const CredentialStoreResult &result, quint64 generation);
    void finishWithNetrc(const CredentialStoreResult &keychain, quint64 generation);
    QStringList netrcMachines() const;
    void finish(CredentialResolution resolution, quint64 generation);
    QString homeDir() const;

    CredentialStore *m_store;
    CredentialStore *m_herokuCliStore = nullptr;
    QStringList m_warnings; // from the steps before the one that decides, for this generation
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QString m_apiHost = defaultApiHost();
    QString m_netrcPath;
    QString m_netrcMachine;
    QString m_ownAccount; // whose token our own store holds (AccountChoice::own), for this generation
    quint64 m_generation = 0;
};
