// SPDX-License-Identifier: MIT
#include "session/AppDatabaseUrlLoader.h"

#include "heroku/HerokuClient.h"

#include <utility>

AppDatabaseUrlLoader::AppDatabaseUrlLoader(QObject *parent) : QObject(parent) {}

QStringList AppDatabaseUrlLoader::variableNames()
{
    return {QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("DATABASE_URL")};
}

void AppDatabaseUrlLoader::setClient(HerokuClient *client)
{
    cancel();
    m_client = client;
}

void AppDatabaseUrlLoader::cancel()
{
    // Cleared first: cancel() delivers a "cancelled" result, which must not reach the user.
    const QPointer<HerokuRequest> request = std::exchange(m_request, nullptr);
    if (request)
        request->cancel();
}

void AppDatabaseUrlLoader::load(const QString &app)
{
    cancel();
    if (!m_client) {
        Q_EMIT unavailable(app, tr("Not connected to Heroku yet; wait for the app list to load."));
        return;
    }
    HerokuRequest *request = m_client->configVars(app);
    m_request = request;
    connect(request, &HerokuRequest::finished, this, [this, request, app](const HerokuResult &result) {
        if (m_request != request)
            return;
        m_request.clear();
        if (!result.ok()) {
            Q_EMIT unavailable(
                app, tr("Could not read the config vars of %1: %2").arg(app, result.error.oneLine()));
            return;
        }
        const QJsonObject vars = result.object();
        for (const QString &name : variableNames()) {
            const QString value = vars.value(name).toString();
            if (!value.isEmpty()) {
                Q_EMIT loaded(app, name, Secret(value));
                return;
            }
        }
        Q_EMIT unavailable(app,
                           tr("%1 has no CLEARDB_DATABASE_URL or DATABASE_URL. Add ClearDB to it, or paste "
                              "a database URL above.")
                               .arg(app));
    });
}
