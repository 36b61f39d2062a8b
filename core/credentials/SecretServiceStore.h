// SPDX-License-Identifier: MIT
#pragma once

#include "CredentialStore.h"

#include <chrono>
#include <functional>

// The freedesktop.org Secret Service (GNOME Keyring, KWallet 5.97+) through libsecret directly, with the
// item naming `secret-tool` and the Heroku CLI use: attributes `service` and `account`, nothing else.
// QtKeychain cannot read those items (its own schema matches `user`/`server`/`type`), which is why this
// store exists: it reads the Heroku CLI's login (service "heroku-cli", account = e-mail) and, when the
// user asks for it, writes one the CLI finds ("also sign in the Heroku CLI").
//
//     SecretServiceStore store;
//     store.read(QStringLiteral("heroku-cli"), email, this, [](const CredentialStoreResult &r) { … });
//     store.list(QStringLiteral("heroku-cli"), this, …);   // r.accounts: every stored e-mail
//
// Matching: a schema flagged SECRET_SCHEMA_DONT_MATCH_NAME, so the search does not add `xdg:schema`
// and finds the items secret-tool stored without a schema. Writes use the default collection and label
// "Heroku CLI" for the CLI's service (the service name otherwise), as `secret-tool store --label`.
//
// Never prompts: no call passes SECRET_SEARCH_UNLOCK, and a read looks at the item first — an item in a
// locked keyring is reported as Status::AccessDenied ("locked"), never unlocked. Listing reads only
// attributes, which GNOME Keyring keeps hashed in a locked keyring: a list of items nobody can name is
// AccessDenied too. No session bus, or nothing owning org.freedesktop.secrets, is Status::Unavailable: a
// normal outcome on servers, which callers pass over quietly.
//
// libsecret's sync calls "may block indefinitely" (its docs), so each runs on its own short-lived thread
// with a GCancellable; after timeout() the call is cancelled and Status::TimedOut delivered; a late answer
// is dropped. Callbacks follow the CredentialStore contract (once, from the event loop, not after
// `context` died). The process's shared session-bus connection is told not to exit the program when the
// bus goes away (GLib's default for the session bus singleton).
//
// Linux and other Unix desktops only, built when libsecret-1 was found (CLEARDB_HAVE_LIBSECRET).
class SecretServiceStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit SecretServiceStore(QObject *parent = nullptr);

    // How the user knows it: "GNOME Keyring / Secret Service".
    static QString displayName();

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void read(const QString &service, const QString &account, QObject *context, Callback done) override;
    void write(const QString &service, const QString &account, const Secret &secret, QObject *context,
               Callback done) override;
    void remove(const QString &service, const QString &account, QObject *context, Callback done) override;
    void list(const QString &service, QObject *context, Callback done) override;

private:
    // `work` runs on a worker thread with the call's GCancellable (as void *: no GLib in this header).
    using Work = std::function<CredentialStoreResult(void *cancellable)>;
    void run(CredentialStoreResult::Operation operation, const QString &service, const QString &account,
             Work work, QObject *context, Callback done);

    std::chrono::milliseconds m_timeout{15000};
};
