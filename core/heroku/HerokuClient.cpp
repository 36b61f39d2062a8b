// SPDX-License-Identifier: MIT
#include "HerokuClient.h"

#include <QNetworkAccessManager>
#include <QUrl>

HerokuClient::HerokuClient(QNetworkAccessManager *network, ApiEndpoint endpoint, QObject *parent)
    : QObject(parent), m_network(network), m_endpoint(std::move(endpoint))
{
}

void HerokuClient::setToken(const QString &token)
{
    const QString trimmed = token.trimmed();
    m_authorization = trimmed.isEmpty() ? QByteArray() : "Bearer " + trimmed.toUtf8();
}

QString HerokuClient::encodeSegment(const QString &identifier)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(identifier));
}

HerokuRequest *HerokuClient::send(const RequestSpec &spec)
{
    HerokuRequest::Context context{m_network, m_endpoint, m_authorization, m_retry, m_limits};
    auto *request = new HerokuRequest(context, spec, this);
    connect(request, &HerokuRequest::exchanged, this, &HerokuClient::exchanged);
    connect(request, &HerokuRequest::rateLimitReported, this, [this](int remaining) {
        if (remaining != m_rateLimitRemaining) {
            m_rateLimitRemaining = remaining;
            Q_EMIT rateLimitChanged(remaining);
        }
    });
    return request;
}

HerokuRequest *HerokuClient::get(const QString &path, bool paginated)
{
    RequestSpec spec;
    spec.path = path;
    spec.paginated = paginated;
    return send(spec);
}

HerokuRequest *HerokuClient::account()
{
    return get(QStringLiteral("/account"));
}

HerokuRequest *HerokuClient::rateLimits()
{
    return get(QStringLiteral("/account/rate-limits"));
}

HerokuRequest *HerokuClient::apps()
{
    return get(QStringLiteral("/apps"), true);
}

HerokuRequest *HerokuClient::app(const QString &app)
{
    return get(QStringLiteral("/apps/") + encodeSegment(app));
}

HerokuRequest *HerokuClient::teams()
{
    return get(QStringLiteral("/teams"), true);
}

HerokuRequest *HerokuClient::addons()
{
    return get(QStringLiteral("/addons"), true);
}

HerokuRequest *HerokuClient::addonsForApp(const QString &app)
{
    return get(QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/addons"), true);
}

HerokuRequest *HerokuClient::addon(const QString &addon)
{
    return get(QStringLiteral("/addons/") + encodeSegment(addon));
}

HerokuRequest *HerokuClient::addonForApp(const QString &app, const QString &addon)
{
    return get(QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/addons/") +
               encodeSegment(addon));
}

HerokuRequest *HerokuClient::createAddon(const QString &app, const QString &plan, const QString &name)
{
    QJsonObject body{{QStringLiteral("plan"), plan}};
    if (!name.isEmpty())
        body.insert(QStringLiteral("name"), name);
    RequestSpec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/addons");
    spec.body = body;
    return send(spec);
}

HerokuRequest *HerokuClient::changeAddonPlan(const QString &app, const QString &addon, const QString &plan)
{
    RequestSpec spec;
    spec.method = "PATCH";
    spec.path =
        QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/addons/") + encodeSegment(addon);
    spec.body = QJsonObject{{QStringLiteral("plan"), plan}};
    return send(spec);
}

HerokuRequest *HerokuClient::deleteAddon(const QString &app, const QString &addon)
{
    RequestSpec spec;
    spec.method = "DELETE";
    spec.path =
        QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/addons/") + encodeSegment(addon);
    return send(spec);
}

HerokuRequest *HerokuClient::addonServicePlans(const QString &service)
{
    return get(QStringLiteral("/addon-services/") + encodeSegment(service) + QStringLiteral("/plans"), true);
}

HerokuRequest *HerokuClient::attachmentsForApp(const QString &app)
{
    return get(QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/addon-attachments"), true);
}

HerokuRequest *HerokuClient::configVars(const QString &app)
{
    return get(QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/config-vars"));
}

HerokuRequest *HerokuClient::updateConfigVars(const QString &app, const QJsonObject &changes)
{
    RequestSpec spec;
    spec.method = "PATCH";
    spec.path = QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/config-vars");
    spec.body = changes;
    return send(spec);
}

HerokuRequest *HerokuClient::restartAllDynos(const QString &app)
{
    RequestSpec spec;
    spec.method = "DELETE";
    spec.path = QStringLiteral("/apps/") + encodeSegment(app) + QStringLiteral("/dynos");
    return send(spec);
}
