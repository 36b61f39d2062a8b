// SPDX-License-Identifier: MIT
#include "CredentialStore.h"

#include <QTimer>

void CredentialStore::list(const QString &service, QObject *context, Callback done)
{
    CredentialStoreResult result;
    result.operation = CredentialStoreResult::Operation::List;
    result.status = CredentialStoreResult::Status::Unavailable;
    result.service = service;
    result.errorMessage = QStringLiteral("this keychain cannot list its entries");
    QTimer::singleShot(0, context ? context : this, [result, done = std::move(done)] { done(result); });
}
