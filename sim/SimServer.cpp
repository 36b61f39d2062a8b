// SPDX-License-Identifier: MIT
#include "sim/SimServer.h"

#include "heroku/ClearDbPlans.h"
#include "sim/provisioning/FakeDatabaseUrls.h"
#include "sim/routes/AddonRoutes.h"
#include "sim/routes/AppRoutes.h"
#include "sim/routes/AttachmentRoutes.h"
#include "sim/routes/CatalogRoutes.h"
#include "sim/routes/ConfigVarRoutes.h"
#include "sim/routes/OAuthRoutes.h"
#include "sim/routes/TeamRoutes.h"
#include "sim/state/SimSeeder.h"
#include "sim/state/StateStore.h"

#include <QRegularExpression>
#include <QTimer>
#include <QUuid>
#include <cstdio>

namespace {
HttpResponse rateLimited(int retryAfterSeconds)
{
    // Heroku's 429 body and its documentation link (Platform API reference, "Rate Limits").
    HttpResponse r = HttpResponse::error(
        429, QStringLiteral("rate_limit"),
        QStringLiteral(
            "Your account reached the API rate limit\nPlease wait a few minutes before making new requests"),
        {{QStringLiteral("url"),
          QStringLiteral("https://devcenter.heroku.com/articles/platform-api-reference#rate-limits")}});
    r.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return r;
}
} // namespace

SimServer::SimServer(SimState state, Options options, DatabaseProvisioner *provisioner, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_state(std::move(state)),
      m_renderer(m_state, m_catalog),
      m_provisioner(provisioner), m_context{m_state, m_catalog, m_renderer, {}, {}, {}, 0, {}, {}},
      m_rateLimiter(m_options.rateLimit),
      m_http([this](const HttpRequest &r) { return handle(r); }, [this](HttpResponse &r) { finish(r); }),
      m_login(
          m_state,
          [this](const QString &accountId, const QString &description) {
              const QString token = m_state.authorize(accountId, description, true, SimContext::now()).token;
              persist();
              return token;
          },
          LoginHost::Options{m_options.loginPollHoldMs, 10 * 60 * 1000, m_options.logRequests})
{
    // --token is the default account's API key, whatever a loaded state file said before.
    m_state.setDefaultToken(m_state.defaultAccount().id, QString::fromUtf8(m_options.token),
                            SimContext::now());
    for (const AccountToken &extra : std::as_const(m_options.accounts)) {
        const SimState::Account *account = m_state.account(extra.email);
        const QString id = account ? account->id : SimSeeder::addAccount(m_state, extra.email).id;
        m_state.setDefaultToken(id, extra.token, SimContext::now());
    }
    m_provisioner->setParent(this);
    m_context.changed = [this] { persist(); };
    m_context.startProvisioning = [this](const SimAddon &addon) { startProvisioning(addon); };
    m_context.released = [this](const SimAddon &addon) {
        if (addon.plan.section(QLatin1Char(':'), 0, 0) == ClearDbPlans::serviceName())
            m_provisioner->deprovision(addon.id, addon.databaseUrl);
    };
    connect(m_provisioner, &DatabaseProvisioner::provisioned, this,
            [this](const QString &id, const QString &url) {
                m_state.completeProvisioning(id, url, SimContext::now());
                persist();
            });
    connect(m_provisioner, &DatabaseProvisioner::failed, this,
            [this](const QString &id, const QString &message) {
                std::fprintf(stderr, "heroku-sim: provisioning add-on %s failed: %s\n", qPrintable(id),
                             qPrintable(message));
                m_state.failProvisioning(id, SimContext::now());
                persist();
            });
    AppRoutes::install(m_router, m_context);
    ConfigVarRoutes::install(m_router, m_context);
    AddonRoutes::install(m_router, m_context);
    AttachmentRoutes::install(m_router, m_context);
    CatalogRoutes::install(m_router, m_context);
    OAuthRoutes::install(m_router, m_context);
    TeamRoutes::install(m_router, m_context);
}

Status SimServer::listen(quint16 port)
{
    if (m_http.listen(port))
        return {};
    return makeError(Error::Kind::Io,
                     QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_http.errorString()));
}

Status SimServer::listenLogin(quint16 port)
{
    if (m_login.listen(port))
        return {};
    return makeError(Error::Kind::Io, QStringLiteral("cannot listen for the login host on 127.0.0.1:%1: %2")
                                          .arg(port)
                                          .arg(m_login.errorString()));
}

void SimServer::resumeProvisioning()
{
    for (const SimAddon &addon : std::as_const(m_state.addons)) {
        if (addon.state == QLatin1String("provisioning"))
            startProvisioning(addon);
    }
}

void SimServer::startProvisioning(const SimAddon &addon)
{
    // ClearDB add-ons go to the pluggable provisioner; other services (Heroku Postgres) only need
    // a plausible URL, produced after the same provisioning delay.
    if (addon.plan.section(QLatin1Char(':'), 0, 0) == ClearDbPlans::serviceName()) {
        m_provisioner->provision(addon.id, addon.plan, addon.seedBytes);
        return;
    }
    const QString id = addon.id;
    QTimer::singleShot(m_options.provisionDelayMs, this, [this, id] {
        m_state.completeProvisioning(id, FakeDatabaseUrls::postgres(*QRandomGenerator::global()),
                                     SimContext::now());
        persist();
    });
}

Status SimServer::saveState() const
{
    if (m_options.statePath.isEmpty())
        return {};
    return StateStore::save(m_options.statePath, m_state);
}

void SimServer::persist()
{
    if (m_options.statePath.isEmpty())
        return;
    const Status saved = StateStore::save(m_options.statePath, m_state);
    if (!saved)
        std::fprintf(stderr, "heroku-sim: %s\n", qPrintable(saved.error().oneLine()));
}

const SimAuthorization *SimServer::authorized(const HttpRequest &request) const
{
    const QByteArray auth = request.header("authorization");
    if (auth.startsWith("Bearer "))
        return m_state.authorizationByToken(QString::fromUtf8(auth.mid(7).trimmed()));
    if (auth.startsWith("Basic ")) {
        // Heroku accepts HTTP Basic with the API token as the password (any user/e-mail).
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
        const int colon = decoded.indexOf(':');
        return colon >= 0 ? m_state.authorizationByToken(QString::fromUtf8(decoded.mid(colon + 1))) : nullptr;
    }
    return nullptr;
}

HttpResponse SimServer::handle(const HttpRequest &request)
{
    int remaining = m_rateLimiter.capacity();
    HttpResponse response = guarded(request, &remaining);
    response.setHeader("RateLimit-Remaining", QByteArray::number(remaining));
    // Paths and statuses only: headers and bodies may hold the token or database passwords.
    if (m_options.logRequests)
        std::fprintf(stderr, "heroku-sim: %s %s -> %d\n", request.method.constData(),
                     qPrintable(request.path), response.drop ? 0 : response.status);
    return response;
}

void SimServer::finish(HttpResponse &response)
{
    // Heroku puts these on every answer, errors included.
    response.setHeader("Request-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8());
    if (response.header("RateLimit-Remaining").isEmpty())
        response.setHeader("RateLimit-Remaining",
                           QByteArray::number(m_rateLimiter.remaining(m_options.token)));
    if (response.header("Content-Type").isEmpty())
        response.setHeader("Content-Type", "application/json");
}

HttpResponse SimServer::guarded(const HttpRequest &request, int *remaining)
{
    const SimAuthorization *caller = authorized(request);
    if (!caller)
        return HttpResponse::error(401, QStringLiteral("unauthorized"),
                                   QStringLiteral("Invalid credentials provided. Check the API token."));
    // Copies: a route may change the authorizations (and so move this one).
    const QByteArray token = caller->token.toUtf8();
    m_context.callerAccountId = caller->accountId;
    m_context.callerAuthorizationId = caller->id;
    if (request.path.startsWith(QLatin1String("/__sim/"))) {
        *remaining = m_rateLimiter.remaining(token);
        return control(request);
    }
    static const QRegularExpression acceptRe(
        QStringLiteral(R"(application/vnd\.heroku\+json;\s*version=3(\.[A-Za-z0-9-]+)?(\s*[,;]|$))"));
    if (!acceptRe.match(QString::fromUtf8(request.header("accept"))).hasMatch())
        return HttpResponse::error(
            406, QStringLiteral("not_acceptable"),
            QStringLiteral(
                "Send \"Accept: application/vnd.heroku+json; version=3\" to use Platform API v3."));

    const RateLimiter::Decision decision = m_rateLimiter.consume(token);
    *remaining = decision.remaining;
    if (!decision.allowed) {
        return rateLimited(decision.retryAfterSeconds);
    }
    m_context.rateLimitRemaining = decision.remaining;

    FaultPlan::Fault fault;
    if (!m_faults.take(request.method, request.path, &fault))
        return m_router.dispatch(request);
    switch (fault.kind) {
    case FaultPlan::Kind::Status429:
        return rateLimited(1);
    case FaultPlan::Kind::Status500:
        return HttpResponse::error(500, QStringLiteral("internal_server_error"),
                                   QStringLiteral("Internal server error (injected by heroku-sim)."));
    case FaultPlan::Kind::Status503:
        return HttpResponse::error(
            503, QStringLiteral("service_unavailable"),
            QStringLiteral("The API is temporarily unavailable (injected by heroku-sim)."));
    case FaultPlan::Kind::Slow: {
        HttpResponse r = m_router.dispatch(request);
        r.delayMs = fault.delayMs;
        return r;
    }
    case FaultPlan::Kind::Drop: {
        HttpResponse r = m_router.dispatch(request);
        r.drop = true;
        return r;
    }
    case FaultPlan::Kind::Malformed: {
        HttpResponse r = m_router.dispatch(request);
        r.body = r.body.left(qMax(1, int(r.body.size() / 2)));
        return r;
    }
    }
    return m_router.dispatch(request);
}

HttpResponse SimServer::control(const HttpRequest &request)
{
    if (!request.peer.isLoopback())
        return HttpResponse::error(403, QStringLiteral("forbidden"),
                                   QStringLiteral("The control endpoint is loopback-only."));
    if (request.path != QLatin1String("/__sim/faults"))
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("Unknown control endpoint."));
    if (request.method == "DELETE") {
        m_faults.clear();
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("armed"), 0}});
    }
    if (request.method != "POST")
        return HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                   QStringLiteral("Use POST (arm faults) or DELETE (clear faults)."));
    const Status added = m_faults.add(QString::fromUtf8(request.body));
    if (!added)
        return HttpResponse::error(422, QStringLiteral("invalid_params"), added.error().oneLine());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("armed"), m_faults.size()}});
}
