// SPDX-License-Identifier: MIT
#include "BrowserLogin.h"

#include "CliAuthHost.h"
#include "HerokuClient.h"
#include "ReadExchange.h"
#include "SingleAttemptExchange.h"
#include "TokenLogin.h"
#include "credentials/SecretRedactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSysInfo>

namespace {
// {browser_url, cli_url, token} or {error}/{access_token}: a few hundred bytes each.
constexpr qint64 MaxAnswerBytes = 64 * 1024;
constexpr int AuthTimeoutMs = 30 * 1000;

const QString TryAgain = QStringLiteral("Try again, or sign in with an API token.");

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// A server's words on one short line, with anything secret-looking masked.
QString serverText(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > 200)
        line = line.left(200) + QStringLiteral("…");
    return SecretRedactor::redact(line);
}

bool isRetryable(QNetworkReply::NetworkError error)
{
    // A long poll that outlived our deadline, or a connection that dropped under it: the user may
    // still be on the approval page, so ask again. Refused or unknown hosts are not waited out.
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
        return true;
    default:
        return false;
    }
}
} // namespace

BrowserLogin::BrowserLogin(QNetworkAccessManager *network, const ApiEndpoint &api, CredentialStore *store,
                           QObject *parent)
    : QObject(parent), m_network(network), m_api(api), m_store(store),
      m_machineName(QSysInfo::machineHostName())
{
    m_totalDeadline.setSingleShot(true);
    m_retry.setSingleShot(true);
    connect(&m_totalDeadline, &QTimer::timeout, this, [this] {
        if (m_confirming)
            return;
        finish(makeError(Error::Kind::Timeout,
                         QStringLiteral("The sign-in was not approved in the browser within %1 minutes. %2")
                             .arg(m_totalDeadlineMs / 60000)
                             .arg(TryAgain)));
    });
    connect(&m_retry, &QTimer::timeout, this, &BrowserLogin::poll);
}

BrowserLogin::~BrowserLogin()
{
    stopNetwork();
}

void BrowserLogin::start()
{
    if (m_started || m_done)
        return;
    m_started = true;
    const Result<QUrl> host = CliAuthHost::fromEnvironment(m_environment);
    if (!host)
        return finishLater(host.error());
    if (!m_api.isValid())
        return finishLater(m_api.error().toError());
    m_host = host.value();
    m_totalDeadline.start(m_totalDeadlineMs);

    const QJsonObject description{
        {QStringLiteral("description"), QStringLiteral("ClearDB Console on %1").arg(m_machineName)}};
    m_auth = new SingleAttemptExchange(this);
    m_auth->setMaxBodyBytes(MaxAnswerBytes);
    connect(m_auth, &SingleAttemptExchange::finished, this, &BrowserLogin::onAuthAnswer);
    // Sent exactly once: every POST /auth opens another pending sign-in at Heroku.
    m_auth->start(CliAuthHost::resolve(m_host, QStringLiteral("/auth")).value(), "POST",
                  {{"Content-Type", "application/json"},
                   {"Accept", "application/json"},
                   {"User-Agent", "cleardb-console"}},
                  QJsonDocument(description).toJson(QJsonDocument::Compact), AuthTimeoutMs);
}

void BrowserLogin::onAuthAnswer(const HttpAnswer &answer)
{
    m_auth->deleteLater();
    if (answer.status == 0) {
        const bool timeout = answer.transportError == QNetworkReply::OperationCanceledError;
        return finish(makeError(timeout ? Error::Kind::Timeout : Error::Kind::Network,
                                QStringLiteral("Could not reach the Heroku login host %1: %2. Check the "
                                               "network and HEROKU_LOGIN_HOST, or sign in with an API token.")
                                    .arg(m_host.toDisplayString(), serverText(answer.transportErrorText))));
    }
    const QJsonObject body = jsonObject(answer.body);
    if (answer.status < 200 || answer.status > 299)
        return finish(
            makeError(Error::Kind::Remote,
                      QStringLiteral("The Heroku login host %1 did not start a sign-in (HTTP %2). %3")
                          .arg(m_host.toDisplayString())
                          .arg(answer.status)
                          .arg(TryAgain),
                      serverText(QString::fromUtf8(answer.body.left(400)))));
    const QString token = body.value(QLatin1String("token")).toString();
    if (!token.isEmpty()) {
        m_pollToken = Secret(token);
        SecretRedactor::registerSecret(m_pollToken);
    }
    const QString browserPath = body.value(QLatin1String("browser_url")).toString();
    const QString pollPath = body.value(QLatin1String("cli_url")).toString();
    if (token.isEmpty() || browserPath.isEmpty() || pollPath.isEmpty())
        return finish(
            makeError(Error::Kind::Remote,
                      QStringLiteral("The Heroku login host %1 answered without a sign-in address. %2")
                          .arg(m_host.toDisplayString(), TryAgain)));
    const Result<QUrl> browserUrl = CliAuthHost::resolve(m_host, browserPath);
    const Result<QUrl> pollUrl = CliAuthHost::resolve(m_host, pollPath);
    if (!browserUrl)
        return finish(browserUrl.error());
    if (!pollUrl)
        return finish(pollUrl.error());
    m_pollUrl = pollUrl.value();
    Q_EMIT browserUrlReady(browserUrl.value());
    poll();
}

void BrowserLogin::poll()
{
    if (m_done)
        return;
    const int remaining = int(qMax<qint64>(1000, m_totalDeadline.remainingTime()));
    QNetworkRequest request(m_pollUrl);
    request.setRawHeader("Authorization", "Bearer " + m_pollToken.reveal().toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "cleardb-console");
    // A redirect would carry the poll token to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_read = new ReadExchange(m_network, this);
    connect(m_read, &ReadExchange::finished, this, &BrowserLogin::onPollAnswer);
    m_read->start(request, "GET", qMin(m_pollTimeoutMs, remaining), MaxAnswerBytes);
    Q_EMIT waiting();
}

void BrowserLogin::onPollAnswer(const HttpAnswer &answer)
{
    m_read->deleteLater();
    if (answer.status == 0) {
        if (isRetryable(answer.transportError))
            return repollLater();
        return finish(
            makeError(Error::Kind::Network,
                      QStringLiteral("Lost the Heroku login host %1 while waiting for the approval: "
                                     "%2. %3")
                          .arg(m_host.toDisplayString(), serverText(answer.transportErrorText), TryAgain)));
    }
    // The CLI asks again only after a 5xx: the host's way of saying "still waiting".
    if (answer.status >= 500)
        return repollLater();
    const QJsonObject body = jsonObject(answer.body);
    QString refusal = serverText(body.value(QLatin1String("error")).toString());
    while (refusal.endsWith(QLatin1Char('.')))
        refusal.chop(1);
    if (!refusal.isEmpty())
        return finish(makeError(Error::Kind::Remote,
                                QStringLiteral("Heroku refused the sign-in: %1. %2").arg(refusal, TryAgain)));
    const QString accessToken = body.value(QLatin1String("access_token")).toString();
    if (answer.status >= 200 && answer.status <= 299 && !accessToken.isEmpty())
        return confirm(Secret(accessToken));
    finish(makeError(
        Error::Kind::Remote,
        QStringLiteral("The Heroku login host %1 answered the sign-in with HTTP %2 and no token. %3")
            .arg(m_host.toDisplayString())
            .arg(answer.status)
            .arg(TryAgain),
        serverText(QString::fromUtf8(answer.body.left(400)))));
}

void BrowserLogin::repollLater()
{
    if (!m_done)
        m_retry.start(m_retryDelayMs);
}

void BrowserLogin::confirm(const Secret &accessToken)
{
    SecretRedactor::registerSecret(accessToken);
    m_confirming = true;
    m_totalDeadline.stop();
    m_client = new HerokuClient(m_network, m_api, this);
    auto *login = new TokenLogin(m_client, m_store, m_client);
    if (!m_homeDir.isEmpty())
        login->setHomeDir(m_homeDir);
    login->setEnvironment(m_environment);
    connect(login, &TokenLogin::finished, this,
            [this, accessToken](const TokenLoginResult &result) { onConfirmed(result, accessToken); });
    login->login(accessToken);
}

void BrowserLogin::onConfirmed(const TokenLoginResult &result, const Secret &accessToken)
{
    if (!result.verified())
        return finish(makeError(result.verifyError.toError().kind,
                                QStringLiteral("Heroku approved the sign-in, but the new token did not work "
                                               "for %1: %2. %3")
                                    .arg(m_api.host(), result.verifyError.oneLine(), TryAgain)));
    if (!result.stored.ok)
        return finish(result.stored.toError());
    BrowserLoginResult signedIn;
    signedIn.email = result.email;
    signedIn.token = accessToken;
    signedIn.stored = result.stored;
    finish(signedIn);
}

void BrowserLogin::cancel()
{
    if (m_done || m_confirming)
        return;
    stopNetwork();
    finishLater(makeError(Error::Kind::Cancelled, QStringLiteral("Sign-in cancelled; nothing was stored.")));
}

void BrowserLogin::finish(const BrowserLoginOutcome &outcome)
{
    if (m_done)
        return;
    m_done = true;
    stopNetwork();
    Q_EMIT finished(outcome);
}

void BrowserLogin::finishLater(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    QTimer::singleShot(0, this, [this, error] { Q_EMIT finished(error); });
}

void BrowserLogin::stopNetwork()
{
    m_totalDeadline.stop();
    m_retry.stop();
    if (m_auth)
        m_auth->abort();
    if (m_read)
        m_read->abort();
}
