// SPDX-License-Identifier: MIT
#pragma once

#include "CredentialStoreResult.h"

#include <QObject>

#include <functional>

// Where a token is kept between runs, keyed by (service, account) like every OS
// keychain. Asynchronous because keychains are (QtKeychain runs jobs; a
// Secret Service may have to unlock a collection first).
//
//     store->read(service, account, this, [this](const CredentialStoreResult &r) { … });
//
// The callback runs exactly once, always from the event loop (never inside the
// call), and not at all if `context` has been destroyed by then — the same
// contract as QObject::connect with a context object (null means the store
// itself). Implementations: KeychainCredentialStore (the OS keychain) and
// InMemoryCredentialStore (tests), SecretServiceStore (the Secret Service
// with the Heroku CLI's item naming).
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialStoreResult &)>;

    using QObject::QObject;
    ~CredentialStore() override = default;

    virtual void read(const QString &service, const QString &account, QObject *context, Callback done) = 0;
    virtual void write(const QString &service, const QString &account, const Secret &secret, QObject *context,
                       Callback done) = 0;
    virtual void remove(const QString &service, const QString &account, QObject *context, Callback done) = 0;
    // The accounts stored under `service` (result.accounts), without their secrets. Only stores that can
    // enumerate entries answer (the Secret Service, the in-memory store); the others answer Unavailable.
    virtual void list(const QString &service, QObject *context, Callback done);
};
