// SPDX-License-Identifier: MIT
#include "HerokuCliSignIn.h"

#include "CredentialStore.h"
#include "HerokuCliLoginState.h"
#include "HerokuCliStore.h"
#include "SecretRedactor.h"

#include <QTimer>

HerokuCliSignIn::HerokuCliSignIn(CredentialStore *store, QObject *parent) : QObject(parent), m_store(store) {}

void HerokuCliSignIn::signIn(const QString &email, const Secret &token)
{
    SecretRedactor::registerSecret(token);
    if (!m_store || email.isEmpty()) {
        const QString reason = !m_store
                                   ? HerokuCliStore::unsupportedReason()
                                   : QStringLiteral("the account has no e-mail to sign the Heroku CLI in as");
        QTimer::singleShot(0, this, [this, reason] {
            Q_EMIT finished(makeError(Error::Kind::Unsupported,
                                      QStringLiteral("the Heroku CLI was not signed in: ") + reason),
                            QString());
        });
        return;
    }
    m_store->write(
        HerokuCliStore::serviceName(), email, token, this, [this, email](const CredentialStoreResult &r) {
            if (!r.isOk()) {
                Q_EMIT finished(
                    makeError(r.toError().kind, QStringLiteral("the Heroku CLI was not signed in: %1")
                                                    .arg(SecretRedactor::redact(r.errorMessage))),
                    QString());
                return;
            }
            const Status written = HerokuCliLoginState::write(m_environment, email);
            if (!written) {
                Q_EMIT finished(
                    makeError(
                        written.error().kind,
                        QStringLiteral("the Heroku CLI's token was stored, but not its current account: %1")
                            .arg(written.error().oneLine())),
                    QString());
                return;
            }
            Q_EMIT finished(Status(), QStringLiteral("the Heroku CLI is signed in as %1 (%2)")
                                          .arg(email, HerokuCliStore::displayName()));
        });
}
