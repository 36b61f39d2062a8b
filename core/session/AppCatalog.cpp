// SPDX-License-Identifier: MIT
#include "session/AppCatalog.h"

#include "heroku/HerokuClient.h"
#include "session/AddonListModel.h"
#include "session/AppListModel.h"
#include "session/ConfigVarNameModel.h"

AppCatalog::AppCatalog(HerokuClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_apps(new AppListModel(this)), m_addons(new AddonListModel(this)),
      m_configVars(new ConfigVarNameModel(this))
{
    // Every API answer carries RateLimit-Remaining; the client reports changes.
    connect(m_client, &HerokuClient::rateLimitChanged, this, &AppCatalog::rateLimitChanged);
}

template <typename Handler> HerokuRequest *AppCatalog::track(HerokuRequest *request, Handler handler)
{
    if (m_inFlight++ == 0)
        Q_EMIT busyChanged(true);
    connect(request, &HerokuRequest::finished, this, [this, handler](const HerokuResult &result) {
        handler(result);
        if (--m_inFlight == 0)
            Q_EMIT busyChanged(false);
    });
    return request;
}

void AppCatalog::cancelAll(const QList<QPointer<HerokuRequest>> &requests)
{
    // cancel() finishes the request with Kind::Cancelled, which the handlers ignore.
    for (const QPointer<HerokuRequest> &request : requests) {
        if (request)
            request->cancel();
    }
}

void AppCatalog::cancel()
{
    cancelAll({m_accountRequest, m_rateLimitRequest, m_appsRequest, m_teamsRequest, m_addonsRequest,
               m_varsRequest});
}

void AppCatalog::refresh()
{
    // The earlier refresh's reads are cancelled only once the new ones count as in flight, so
    // the busy indicator stays on instead of blinking off and on.
    const QList<QPointer<HerokuRequest>> previous = {m_accountRequest, m_rateLimitRequest, m_appsRequest,
                                                     m_teamsRequest};
    m_accountRequest = track(m_client->account(), [this](const HerokuResult &result) {
        if (result.ok())
            Q_EMIT accountChanged(result.object().value(QStringLiteral("email")).toString());
        else if (result.error.kind != HerokuError::Kind::Cancelled)
            Q_EMIT failed(tr("Could not load the account"), result.error);
    });
    // GET /account/rate-limits answers {"remaining": n}: the figure is known at
    // start-up even before the first RateLimit-Remaining header is seen.
    m_rateLimitRequest = track(m_client->rateLimits(), [this](const HerokuResult &result) {
        if (result.ok())
            Q_EMIT rateLimitChanged(result.object().value(QStringLiteral("remaining")).toInt());
    });
    m_appsRequest = track(m_client->apps(), [this](const HerokuResult &result) { onApps(result); });
    m_teamsRequest = track(m_client->teams(), [this](const HerokuResult &result) {
        if (result.ok()) {
            m_teams = HerokuTeam::listFromJson(result.array());
            Q_EMIT teamsChanged();
        } else if (result.error.kind != HerokuError::Kind::Cancelled) {
            Q_EMIT failed(tr("Could not load the teams"), result.error);
        }
    });
    cancelAll(previous);
    if (!m_selectedApp.isEmpty())
        selectApp(m_selectedApp);
}

void AppCatalog::onApps(const HerokuResult &result)
{
    if (!result.ok()) {
        if (result.error.kind != HerokuError::Kind::Cancelled)
            Q_EMIT failed(tr("Could not load the app list"), result.error);
        return;
    }
    QList<HerokuApp> apps;
    const QJsonArray array = result.array();
    apps.reserve(array.size());
    for (const QJsonValue &value : array)
        apps << HerokuApp::fromJson(value.toObject());
    m_apps->setApps(std::move(apps));
    m_appsLoaded = true;
    Q_EMIT appsChanged(m_apps->rowCount());
}

void AppCatalog::selectApp(const QString &name)
{
    // As in refresh(): the previous app's reads are cancelled after the new ones are counted.
    const QList<QPointer<HerokuRequest>> previous = {m_addonsRequest, m_varsRequest};
    m_selectedApp = name;
    m_addons->clear();
    m_configVars->clear();
    m_detailParts = 0;
    if (name.isEmpty())
        return cancelAll(previous);
    m_detailParts = 2;
    m_addonsRequest = track(m_client->addonsForApp(name), [this, name](const HerokuResult &result) {
        if (name != m_selectedApp || result.error.kind == HerokuError::Kind::Cancelled)
            return;
        if (!result.ok()) {
            Q_EMIT failed(tr("Could not load the add-ons of %1").arg(name), result.error);
            return;
        }
        const QList<HerokuAddon> addons = HerokuAddon::listFromJson(result.array());
        m_configVars->setAddons(addons);
        m_addons->setAddons(addons);
        detailPartFinished();
    });
    m_varsRequest = track(m_client->configVars(name), [this, name](const HerokuResult &result) {
        if (name != m_selectedApp || result.error.kind == HerokuError::Kind::Cancelled)
            return;
        if (!result.ok()) {
            Q_EMIT failed(tr("Could not load the config vars of %1").arg(name), result.error);
            return;
        }
        // GET /apps/{app}/config-vars maps names to values; keep the names only.
        m_configVars->setNames(result.object().keys());
        detailPartFinished();
    });
    cancelAll(previous);
}

void AppCatalog::detailPartFinished()
{
    if (--m_detailParts == 0)
        Q_EMIT detailsLoaded(m_selectedApp);
}
