// SPDX-License-Identifier: MIT
#pragma once

#include "CredentialStore.h"

#include <QHash>
#include <QPair>

// A CredentialStore in memory, for tests and for runs that must not touch the
// user's keychain (the sandbox). setFailure() makes every later operation fail
// with that status, which is how tests play "no Secret Service on this machine"
// or "the user denied access". Results arrive queued, like the real keychain's.
class InMemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;

    void read(const QString &service, const QString &account, QObject *context, Callback done) override;
    void write(const QString &service, const QString &account, const Secret &secret, QObject *context,
               Callback done) override;
    void remove(const QString &service, const QString &account, QObject *context, Callback done) override;
    void list(const QString &service, QObject *context, Callback done) override;

    // Status::Ok clears the failure.
    void setFailure(CredentialStoreResult::Status status, const QString &message = QString());
    bool contains(const QString &service, const QString &account) const;
    int operationCount() const { return m_operations; }

private:
    void finish(CredentialStoreResult result, QObject *context, Callback done);

    QHash<QPair<QString, QString>, Secret> m_secrets;
    CredentialStoreResult::Status m_failure = CredentialStoreResult::Status::Ok;
    QString m_failureMessage;
    int m_operations = 0;
};
