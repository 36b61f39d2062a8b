// SPDX-License-Identifier: MIT
#include "TokenLogin.h"

#include "HerokuClient.h"
#include "credentials/CredentialWriter.h"
#include "credentials/SecretRedactor.h"

TokenLogin::TokenLogin(HerokuClient *client, CredentialStore *store, QObject *parent)
    : QObject(parent), m_client(client), m_store(store)
{
}

void TokenLogin::login(const Secret &token)
{
    SecretRedactor::registerSecret(token);
    m_client->setToken(token.reveal());
    connect(m_client->account(), &HerokuRequest::finished, this, [this, token](const HerokuResult &result) {
        if (!result.ok()) {
            TokenLoginResult refused;
            refused.verifyError = result.error;
            return Q_EMIT finished(refused);
        }
        store(result.object().value(QLatin1String("email")).toString(), token);
    });
}

void TokenLogin::store(const QString &email, const Secret &token)
{
    auto *writer = new CredentialWriter(m_store, this);
    // The keychain account is the API host and the netrc machine the Heroku CLI's, as CredentialResolver
    // looks them up.
    writer->setApiHost(m_client->endpoint().host());
    writer->setNetrcMachine(m_client->endpoint().netrcMachine());
    if (!m_homeDir.isEmpty())
        writer->setHomeDir(m_homeDir);
    writer->setEnvironment(m_environment);
    connect(writer, &CredentialWriter::finished, this,
            [this, email, writer](const CredentialWriteResult &stored) {
                writer->deleteLater();
                TokenLoginResult result;
                result.email = email;
                result.stored = stored;
                Q_EMIT finished(result);
            });
    writer->login(email, token);
}
