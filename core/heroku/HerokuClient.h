// SPDX-License-Identifier: MIT
#pragma once

#include "ApiCallRecord.h"
#include "ApiEndpoint.h"
#include "HerokuRequest.h"
#include "ResponseLimits.h"
#include "RetryPolicy.h"

#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;

// The Heroku Platform API as ClearDB Console uses it: account, apps, teams, add-ons,
// add-on plans, config vars, dyno restarts and rate limits.
//
// Every method returns a HerokuRequest that is already under way and emits
// finished(HerokuResult) once; results carry the JSON exactly as Heroku sent it.
//     connect(client.apps(), &HerokuRequest::finished, this, [](const HerokuResult &r) { ... });
// The network manager is injected so tests and the GUI share one; the client
// never reads credentials (see core/credentials) and never shows UI.
// Identifiers (app or add-on names and ids) are percent-encoded here, never by callers.
class HerokuClient : public QObject
{
    Q_OBJECT
public:
    HerokuClient(QNetworkAccessManager *network, ApiEndpoint endpoint, QObject *parent = nullptr);

    // The token is kept in memory only and sent as `Authorization: Bearer`.
    void setToken(const QString &token);
    bool hasToken() const { return !m_authorization.isEmpty(); }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    // How many pages and bytes a read may bring; tests lower them.
    void setResponseLimits(const ResponseLimits &limits) { m_limits = limits; }
    const ApiEndpoint &endpoint() const { return m_endpoint; }
    // Last RateLimit-Remaining the API reported, -1 before the first answer.
    int rateLimitRemaining() const { return m_rateLimitRemaining; }

    HerokuRequest *account();
    HerokuRequest *rateLimits();
    HerokuRequest *apps();
    HerokuRequest *app(const QString &app);
    HerokuRequest *teams();  // the teams the account belongs to, every page
    HerokuRequest *addons(); // account-wide
    HerokuRequest *addonsForApp(const QString &app);
    HerokuRequest *addon(const QString &addon);
    HerokuRequest *addonForApp(const QString &app, const QString &addon);
    HerokuRequest *createAddon(const QString &app, const QString &plan, const QString &name = QString());
    HerokuRequest *changeAddonPlan(const QString &app, const QString &addon, const QString &plan);
    HerokuRequest *deleteAddon(const QString &app, const QString &addon);
    HerokuRequest *addonServicePlans(const QString &service);
    HerokuRequest *attachmentsForApp(const QString &app);
    HerokuRequest *configVars(const QString &app);
    // Keys mapped to strings set a var, keys mapped to null unset it; one PATCH.
    HerokuRequest *updateConfigVars(const QString &app, const QJsonObject &changes);
    HerokuRequest *restartAllDynos(const QString &app);

    // Any other route, for callers that need one the methods above do not cover.
    HerokuRequest *send(const RequestSpec &spec);

    static QString encodeSegment(const QString &identifier);

Q_SIGNALS:
    void rateLimitChanged(int remaining);
    void exchanged(const ApiCallRecord &record);

private:
    HerokuRequest *get(const QString &path, bool paginated = false);

    QNetworkAccessManager *m_network;
    ApiEndpoint m_endpoint;
    QByteArray m_authorization;
    RetryPolicy m_retry;
    ResponseLimits m_limits;
    int m_rateLimitRemaining = -1;
};
