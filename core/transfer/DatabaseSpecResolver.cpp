// SPDX-License-Identifier: MIT
#include "transfer/DatabaseSpecResolver.h"

#include "heroku/HerokuClient.h"

#include <QTimer>

#include <utility>

DatabaseSpecResolver::DatabaseSpecResolver(HerokuClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

DatabaseSpecResolver::~DatabaseSpecResolver()
{
    cancel();
}

void DatabaseSpecResolver::cancel()
{
    ++m_generation; // a result already queued is dropped too
    const QPointer<HerokuRequest> request = std::exchange(m_request, nullptr);
    if (request)
        request->cancel();
}

void DatabaseSpecResolver::deliverLater(const Result<ResolvedDatabase> &database)
{
    QTimer::singleShot(0, this, [this, database, generation = m_generation] {
        if (generation == m_generation)
            Q_EMIT resolved(database);
    });
}

Result<ResolvedDatabase> DatabaseSpecResolver::fromEnvironment(const DatabaseSpec &spec) const
{
    const QString name = spec.environmentName;
    const QString value = m_environment.value(name).trimmed();
    if (value.isEmpty())
        return makeError(Error::Kind::NotFound,
                         QStringLiteral("environment variable %1 is %2: export %1 with the database URL "
                                        "(mysql://USER:PASSWORD@HOST/DB) before running this")
                             .arg(name, m_environment.contains(name) ? QStringLiteral("empty")
                                                                     : QStringLiteral("not set")));
    return ResolvedDatabase::fromUrl(value, spec.description());
}

void DatabaseSpecResolver::resolve(const DatabaseSpec &spec)
{
    cancel();
    switch (spec.kind) {
    case DatabaseSpec::Kind::Url:
        return deliverLater(ResolvedDatabase::fromUrl(spec.url.reveal(), spec.description()));
    case DatabaseSpec::Kind::Environment:
        return deliverLater(fromEnvironment(spec));
    case DatabaseSpec::Kind::App:
        break;
    }
    if (!m_client)
        return deliverLater(
            makeError(Error::Kind::Unauthorized,
                      QStringLiteral("app:%1 needs Heroku: sign in with `cleardbctl login`").arg(spec.app)));
    HerokuRequest *request = m_client->configVars(spec.app);
    m_request = request;
    connect(request, &HerokuRequest::finished, this, [this, request, spec](const HerokuResult &result) {
        if (m_request != request)
            return;
        m_request.clear();
        if (!result.ok()) {
            Error error = result.error.toError();
            error.message = (result.httpStatus == 404
                                 ? QStringLiteral("app %1 was not found (check the name with `cleardbctl "
                                                  "apps`): ")
                                 : QStringLiteral("could not read the config vars of app %1: "))
                                .arg(spec.app) +
                            error.message;
            return deliverLater(error);
        }
        // Only the one value is kept; the other config vars are dropped here.
        const QString url = result.object().value(spec.variable).toString().trimmed();
        if (url.isEmpty())
            return deliverLater(makeError(
                Error::Kind::NotFound,
                spec.variable == DatabaseSpec::defaultVariable()
                    ? QStringLiteral("app %1 has no config var %2: add ClearDB to it, or name the var "
                                     "holding the URL with app:%1/VAR")
                          .arg(spec.app, spec.variable)
                    : QStringLiteral("app %1 has no config var %2: list its vars with `cleardbctl config "
                                     "--app %1`")
                          .arg(spec.app, spec.variable)));
        deliverLater(ResolvedDatabase::fromUrl(url, spec.description()));
    });
}
