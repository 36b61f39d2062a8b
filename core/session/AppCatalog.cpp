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

void AppCatalog::refresh()
{
    track(m_client->account(), [this](const HerokuResult &result) {
        if (result.ok())
            Q_EMIT accountChanged(result.object().value(QStringLiteral("email")).toString());
        else if (result.error.kind != HerokuError::Kind::Cancelled)
            Q_EMIT failed(tr("Could not load the account"), result.error);
    });
    // GET /account/rate-limits answers {"remaining": n}: the figure is known at
    // start-up even before the first RateLimit-Remaining header is seen.
    track(m_client->rateLimits(), [this](const HerokuResult &result) {
        if (result.ok())
            Q_EMIT rateLimitChanged(result.object().value(QStringLiteral("remaining")).toInt());
    });
    if (m_appsRequest)
        m_appsRequest->cancel();
    m_appsRequest = track(m_client->apps(), [this](const HerokuResult &result) { onApps(result); });
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

void AppCatalog::cancelDetails()
{
    // cancel() finishes the request with Kind::Cancelled, which the handlers ignore.
    if (m_addonsRequest)
        m_addonsRequest->cancel();
    if (m_varsRequest)
        m_varsRequest->cancel();
}

void AppCatalog::selectApp(const QString &name)
{
    cancelDetails();
    m_selectedApp = name;
    m_addons->clear();
    m_configVars->clear();
    m_detailParts = 0;
    if (name.isEmpty())
        return;
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
}

void AppCatalog::detailPartFinished()
{
    if (--m_detailParts == 0)
        Q_EMIT detailsLoaded(m_selectedApp);
}
