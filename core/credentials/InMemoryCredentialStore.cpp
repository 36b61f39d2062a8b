// SPDX-License-Identifier: MIT
#include "InMemoryCredentialStore.h"

#include <QTimer>

using Status = CredentialStoreResult::Status;
using Operation = CredentialStoreResult::Operation;

void InMemoryCredentialStore::setFailure(Status status, const QString &message)
{
    m_failure = status;
    m_failureMessage = message;
}

bool InMemoryCredentialStore::contains(const QString &service, const QString &account) const
{
    return m_secrets.contains({service, account});
}

void InMemoryCredentialStore::finish(CredentialStoreResult result, QObject *context, Callback done)
{
    ++m_operations;
    if (m_failure != Status::Ok) {
        result.status = m_failure;
        result.secret = Secret();
        result.errorMessage = m_failureMessage;
    }
    QTimer::singleShot(0, context ? context : this, [result, done = std::move(done)] { done(result); });
}

void InMemoryCredentialStore::read(const QString &service, const QString &account, QObject *context,
                                   Callback done)
{
    CredentialStoreResult result{Operation::Read, Status::NotFound, service, account, {}, {}, {}};
    const auto it = m_secrets.constFind({service, account});
    if (m_failure == Status::Ok && it != m_secrets.constEnd()) {
        result.status = Status::Ok;
        result.secret = it.value();
    }
    finish(result, context, std::move(done));
}

void InMemoryCredentialStore::write(const QString &service, const QString &account, const Secret &secret,
                                    QObject *context, Callback done)
{
    if (m_failure == Status::Ok)
        m_secrets.insert({service, account}, secret);
    finish({Operation::Write, Status::Ok, service, account, {}, {}, {}}, context, std::move(done));
}

void InMemoryCredentialStore::remove(const QString &service, const QString &account, QObject *context,
                                     Callback done)
{
    const bool removed = m_failure == Status::Ok && m_secrets.remove({service, account}) > 0;
    finish({Operation::Remove, removed ? Status::Ok : Status::NotFound, service, account, {}, {}, {}},
           context, std::move(done));
}

void InMemoryCredentialStore::list(const QString &service, QObject *context, Callback done)
{
    CredentialStoreResult result{Operation::List, Status::Ok, service, {}, {}, {}, {}};
    for (auto it = m_secrets.constBegin(); it != m_secrets.constEnd(); ++it) {
        if (it.key().first == service)
            result.accounts << it.key().second;
    }
    result.accounts.sort();
    finish(result, context, std::move(done));
}
