// SPDX-License-Identifier: MIT
#include "SignOut.h"

#include "HerokuClient.h"
#include "OAuthTokenMatch.h"
#include "credentials/CredentialWriter.h"
#include "credentials/SecretRedactor.h"

#include <QJsonObject>

namespace {
const QString AuthorizationsHelp = QStringLiteral(
    "Revoke it under Account settings → Applications → Authorizations in the Heroku Dashboard, "
    "or with `heroku authorizations:revoke ID`.");

bool isNotFound(const HerokuResult &result)
{
    return result.error.httpStatus == 404 && result.error.id == QLatin1String("not_found");
}

bool isUnauthorized(const HerokuResult &result)
{
    return result.error.httpStatus == 401;
}

QString tokenOf(const QJsonObject &authorization)
{
    return authorization.value(QLatin1String("access_token"))
        .toObject()
        .value(QLatin1String("token"))
        .toString();
}

QString labelOf(const QJsonObject &authorization)
{
    const QString description = authorization.value(QLatin1String("description")).toString();
    if (description.isEmpty())
        return SignOut::tr("the authorization %1").arg(authorization.value(QLatin1String("id")).toString());
    return SignOut::tr("the authorization “%1”").arg(description);
}
} // namespace

SignOut::SignOut(HerokuClient *client, CredentialWriter *writer, QObject *parent)
    : QObject(parent), m_client(client), m_writer(writer)
{
}

void SignOut::signOut(const Secret &token)
{
    m_token = token;
    m_result = SignOutResult();
    if (token.isEmpty()) {
        m_result.revokeSkipped = true;
        // One result per call, always from the event loop, as when requests were sent.
        QMetaObject::invokeMethod(this, &SignOut::forget, Qt::QueuedConnection);
        return;
    }
    SecretRedactor::registerSecret(token);
    m_client->setToken(token.reveal());
    m_readsLeft = 2;
    RequestSpec list;
    list.path = QStringLiteral("/oauth/authorizations");
    list.paginated = true;
    connect(m_client->send(list), &HerokuRequest::finished, this, &SignOut::onAuthorizations);
    RequestSpec info;
    info.path = QStringLiteral("/oauth/authorizations/~");
    connect(m_client->send(info), &HerokuRequest::finished, this, &SignOut::onDefault);
}

void SignOut::onAuthorizations(const HerokuResult &result)
{
    if (result.ok())
        m_authorizations = result.array();
    else if (isUnauthorized(result))
        m_tokenRefused = true;
    else
        m_listError = result.error.oneLine();
    onReadsDone();
}

void SignOut::onDefault(const HerokuResult &result)
{
    // 404 (no default authorization) and 401 mean there is no API key to protect, as for the CLI.
    if (result.ok())
        m_defaultToken = tokenOf(result.object());
    else if (!isNotFound(result) && !isUnauthorized(result))
        m_defaultError = result.error.oneLine();
    onReadsDone();
}

void SignOut::onReadsDone()
{
    if (--m_readsLeft > 0)
        return;
    if (!m_listError.isEmpty()) {
        m_result.notRevoked << tr("Could not look up which authorization is this token (%1). %2")
                                   .arg(m_listError, AuthorizationsHelp);
    } else if (m_tokenRefused) {
        m_result.notes << tr("Heroku no longer accepts this token: there was nothing left to revoke.");
    } else if (!m_defaultError.isEmpty()) {
        // Unsure whether this is the API key: revoking it could break an integration that uses it.
        m_result.notRevoked << tr("Could not tell whether this token is the account's API key (%1), so it "
                                  "was not revoked. If it is not the API key: %2")
                                   .arg(m_defaultError, AuthorizationsHelp);
    } else if (oauthTokenMatches(m_token.reveal(), m_defaultToken)) {
        m_result.notes << tr("This token is the account's API key, so it was not revoked: the Heroku "
                             "Dashboard shows it and integrations may use it. Regenerate it under Account "
                             "settings → API Key to make it invalid.");
    } else {
        for (const QJsonValue &value : m_authorizations) {
            const QJsonObject authorization = value.toObject();
            if (!authorization.value(QLatin1String("id")).toString().isEmpty() &&
                oauthTokenMatches(m_token.reveal(), tokenOf(authorization)))
                m_toRevoke << authorization;
        }
    }
    revokeSession();
}

void SignOut::revokeSession()
{
    RequestSpec session;
    session.method = "DELETE";
    session.path = QStringLiteral("/oauth/sessions/~");
    connect(m_client->send(session), &HerokuRequest::finished, this, &SignOut::onSession);
}

void SignOut::onSession(const HerokuResult &result)
{
    // The Heroku CLI ignores the same two answers: no session behind this token (it was not a
    // browser login), or a token Heroku no longer accepts, which has nothing left to revoke.
    if (result.ok()) {
        m_sessionRevoked = true;
        m_result.revoked << tr("the session");
    } else if (!isNotFound(result) && !isUnauthorized(result)) {
        m_result.notRevoked << tr("Could not revoke the session: %1. Revoke it under Account settings → "
                                  "Sessions in the Heroku Dashboard, or with `heroku sessions:destroy ID`.")
                                   .arg(result.error.oneLine());
    }
    revokeAuthorizations();
}

void SignOut::revokeAuthorizations()
{
    const bool nothingMatched =
        m_toRevoke.isEmpty() && m_result.notes.isEmpty() && m_result.notRevoked.isEmpty();
    if (nothingMatched && !m_sessionRevoked)
        m_result.notes << tr("No authorization of this account is this token: there was none to revoke.");
    if (m_toRevoke.isEmpty())
        return forget();
    m_revokesLeft = int(m_toRevoke.size());
    for (const QJsonObject &authorization : std::as_const(m_toRevoke)) {
        RequestSpec spec;
        spec.method = "DELETE";
        spec.path = QStringLiteral("/oauth/authorizations/") +
                    HerokuClient::encodeSegment(authorization.value(QLatin1String("id")).toString());
        const QString label = labelOf(authorization);
        connect(m_client->send(spec), &HerokuRequest::finished, this,
                [this, label](const HerokuResult &result) { onRevoked(label, result); });
    }
}

void SignOut::onRevoked(const QString &label, const HerokuResult &result)
{
    if (result.ok())
        m_result.revoked << label;
    else if (isUnauthorized(result) && m_sessionRevoked)
        m_result.revoked << tr("%1 (with the session)").arg(label);
    else if (isNotFound(result))
        m_result.notes << tr("%1 was already revoked.").arg(label.at(0).toUpper() + label.mid(1));
    else
        m_result.notRevoked
            << tr("Could not revoke %1: %2. %3").arg(label, result.error.oneLine(), AuthorizationsHelp);
    if (--m_revokesLeft == 0)
        forget();
}

void SignOut::forget()
{
    if (!m_writer)
        return Q_EMIT finished(m_result);
    connect(
        m_writer, &CredentialWriter::finished, this,
        [this](const CredentialWriteResult &local) {
            m_result.local = local;
            Q_EMIT finished(m_result);
        },
        Qt::SingleShotConnection);
    m_writer->logout();
}
