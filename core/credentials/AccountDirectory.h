// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

class CredentialStore;

// One account we could sign in as, and where it is known from.
struct StoredAccount
{
    QString email;
    bool inHerokuCliStore = false; // the OS store holds a heroku-cli token for it
    bool herokuCliCurrent = false; // the Heroku CLI's login.json names it
    bool signedInHere = false;     // our own login (keychain "cleardb-console" or ~/.netrc) holds its token
    bool chosen = false;           // picked with AccountChoice (`cleardbctl accounts use`)
    bool current = false;          // the one CredentialResolver reads: chosen, else login.json's
};

// The accounts the user can switch between: every account the OS store holds a Heroku CLI token for
// (service "heroku-cli", listed without reading any secret), the one the CLI's login.json names, the one
// signed in here (AccountChoice::own) and the one picked with AccountChoice, each once, in e-mail order,
// the current one marked.
//
//     auto *directory = new AccountDirectory(HerokuCliStore::create(this), this);
//     directory->setApiHost(endpoint.host());
//     connect(directory, &AccountDirectory::listed, this, [](const QList<StoredAccount> &a, const QStringList
//     &w) {…}); directory->list();
//
// Our own keychain entry (service "cleardb-console", account = API host) holds one token without an
// e-mail; AccountChoice remembers whose it is when the login happened here. A store that cannot list (locked
// keyring, no Secret Service, Windows) leaves a warning and the rest of the list.
class AccountDirectory : public QObject
{
    Q_OBJECT
public:
    AccountDirectory(CredentialStore *herokuCliStore, QObject *parent = nullptr);

    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void setApiHost(const QString &host) { m_apiHost = host.toLower(); }
    void list();

Q_SIGNALS:
    void listed(const QList<StoredAccount> &accounts, const QStringList &warnings);

private:
    void finish(const QStringList &storeAccounts, const QStringList &warnings);

    CredentialStore *m_store;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QString m_apiHost = QStringLiteral("api.heroku.com");
};
