// SPDX-License-Identifier: MIT
#include "AccountDirectory.h"

#include "AccountChoice.h"
#include "CredentialStore.h"
#include "HerokuCliLoginState.h"
#include "HerokuCliStore.h"

#include <QMap>
#include <QTimer>

AccountDirectory::AccountDirectory(CredentialStore *herokuCliStore, QObject *parent)
    : QObject(parent), m_store(herokuCliStore)
{
}

void AccountDirectory::list()
{
    if (!m_store) {
        const QString reason = HerokuCliStore::unsupportedReason();
        QTimer::singleShot(
            0, this, [this, reason] { finish({}, reason.isEmpty() ? QStringList() : QStringList{reason}); });
        return;
    }
    m_store->list(HerokuCliStore::serviceName(), this, [this](const CredentialStoreResult &result) {
        QStringList warnings;
        if (!result.isOk() && result.status != CredentialStoreResult::Status::NotFound)
            warnings << QStringLiteral("the Heroku CLI's accounts in %1 could not be listed: %2")
                            .arg(HerokuCliStore::displayName(), result.errorMessage);
        finish(result.accounts, warnings);
    });
}

void AccountDirectory::finish(const QStringList &storeAccounts, const QStringList &warnings)
{
    QMap<QString, StoredAccount> byEmail;
    for (const QString &email : storeAccounts) {
        byEmail[email].email = email;
        byEmail[email].inHerokuCliStore = true;
    }
    const Result<QString> cliCurrent = HerokuCliLoginState::read(m_environment);
    if (cliCurrent) {
        byEmail[*cliCurrent].email = *cliCurrent;
        byEmail[*cliCurrent].herokuCliCurrent = true;
    }
    const AccountChoice::ForHost choice = AccountChoice::forHost(m_environment, m_apiHost);
    const QString &own = choice.own;
    if (!own.isEmpty()) {
        byEmail[own].email = own;
        byEmail[own].signedInHere = true;
    }
    const QString &chosen = choice.chosen;
    if (!chosen.isEmpty()) {
        byEmail[chosen].email = chosen;
        byEmail[chosen].chosen = true;
    }
    const QString current = !chosen.isEmpty() ? chosen : cliCurrent.valueOr(QString());
    if (!current.isEmpty())
        byEmail[current].current = true;
    Q_EMIT listed(byEmail.values(), warnings);
}
