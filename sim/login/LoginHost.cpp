// SPDX-License-Identifier: MIT
#include "sim/login/LoginHost.h"

#include "sim/login/LoginPages.h"
#include "sim/routes/SimContext.h"

#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <cstdio>

namespace {
QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

HttpResponse notFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("Couldn't find that login request; it expired or was used."));
}

HttpResponse pageNotFound()
{
    return LoginPages::message(404, QStringLiteral("Login request not found"),
                               QStringLiteral("This login request expired or was already used. Start the "
                                              "login again."));
}

// application/x-www-form-urlencoded (the HTML form default): '+' is a space, the rest percent-encoded.
QString formValue(const QByteArray &body, const QString &name)
{
    QByteArray spaced = body;
    spaced.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(spaced)).queryItemValue(name, QUrl::FullyDecoded);
}
} // namespace

LoginHost::LoginHost(const SimState &state, Mint mint, Options options, QObject *parent)
    : QObject(parent), m_state(state), m_mint(std::move(mint)), m_options(options),
      m_http([this](const HttpRequest &r) { return handle(r); },
             [](HttpResponse &r) {
                 if (r.header("Content-Type").isEmpty())
                     r.setHeader("Content-Type", "application/json");
             })
{
    m_router.add("POST", QStringLiteral("/auth"),
                 [this](const HttpRequest &r, const Router::Params &) { return start(r); });
    m_router.add("GET", QStringLiteral("/auth/cli/browser/{}"),
                 [this](const HttpRequest &, const Router::Params &p) { return page(p.at(0)); });
    m_router.add("POST", QStringLiteral("/auth/cli/browser/{}/approve"),
                 [this](const HttpRequest &r, const Router::Params &p) { return decide(r, p.at(0), true); });
    m_router.add("POST", QStringLiteral("/auth/cli/browser/{}/deny"),
                 [this](const HttpRequest &r, const Router::Params &p) { return decide(r, p.at(0), false); });
    m_router.add("GET", QStringLiteral("/auth/cli/fetch/{}"),
                 [this](const HttpRequest &r, const Router::Params &p) { return poll(r, p.at(0)); });
}

HttpResponse LoginHost::handle(const HttpRequest &request)
{
    const HttpResponse response = m_router.dispatch(request);
    // Paths and statuses only: the poll token and the minted token must not reach a log.
    if (m_options.logRequests) {
        const QByteArray outcome = response.pending && !response.pending->isResolved()
                                       ? "held"
                                       : QByteArray::number(response.status);
        std::fprintf(stderr, "heroku-sim: login %s %s -> %s\n", request.method.constData(),
                     qPrintable(request.path), outcome.constData());
    }
    return response;
}

LoginRequest *LoginHost::find(const QString &id)
{
    auto it = m_requests.find(id);
    return it == m_requests.end() ? nullptr : &it.value();
}

HttpResponse LoginHost::start(const HttpRequest &request)
{
    const Result<QJsonObject> body = SimContext::jsonBody(request);
    if (!body)
        return SimContext::badRequest(body.error());
    LoginRequest login;
    login.id = newUuid();
    login.description = body->value(QStringLiteral("description")).toString();
    login.pollToken = randomToken();
    m_requests.insert(login.id, login);
    const QString id = login.id;
    QTimer::singleShot(m_options.requestLifetimeMs, this, [this, id] { expire(id); });
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("browser_url"), QString(QStringLiteral("/auth/cli/browser/") + id)},
                         {QStringLiteral("cli_url"), QString(QStringLiteral("/auth/cli/fetch/") + id)},
                         {QStringLiteral("token"), QString::fromLatin1(login.pollToken)}});
}

void LoginHost::expire(const QString &id)
{
    LoginRequest *login = find(id);
    if (!login)
        return;
    const QList<std::shared_ptr<PendingResponse>> waiting = login->waiting;
    m_requests.remove(id);
    for (const std::shared_ptr<PendingResponse> &p : waiting)
        p->resolve(notFound());
}

HttpResponse LoginHost::page(const QString &id)
{
    const LoginRequest *login = find(id);
    if (!login)
        return pageNotFound();
    if (login->state != LoginRequest::State::Pending)
        return LoginPages::message(409, QStringLiteral("Already answered"),
                                   QStringLiteral("This login request was already approved or denied."));
    return LoginPages::approval(id, login->description, m_state.accounts);
}

HttpResponse LoginHost::decide(const HttpRequest &request, const QString &id, bool approve)
{
    LoginRequest *login = find(id);
    if (!login)
        return pageNotFound();
    if (login->state != LoginRequest::State::Pending)
        return LoginPages::message(409, QStringLiteral("Already answered"),
                                   QStringLiteral("This login request was already approved or denied."));
    if (!approve) {
        login->state = LoginRequest::State::Denied;
        deliver(id);
        return LoginPages::message(200, QStringLiteral("Login denied"),
                                   QStringLiteral("The login was refused. You may close this page."));
    }
    const QString chosen = formValue(request.body, QStringLiteral("account"));
    const SimState::Account *account = chosen.isEmpty() ? &m_state.defaultAccount() : m_state.account(chosen);
    if (!account)
        return LoginPages::message(422, QStringLiteral("Unknown account"),
                                   QStringLiteral("No account \"%1\" on this simulator.").arg(chosen));
    login->state = LoginRequest::State::Approved;
    login->accountId = account->id;
    login->accessToken = m_mint(account->id, login->description);
    deliver(id);
    return LoginPages::message(
        200, QStringLiteral("Logged in"),
        QStringLiteral("Logged in as %1. You may close this page.").arg(account->email));
}

HttpResponse LoginHost::takeAnswer(LoginRequest &login)
{
    const bool approved = login.state == LoginRequest::State::Approved;
    login.state = LoginRequest::State::Answered;
    if (!approved)
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("error"),
                                                    QStringLiteral("The login was denied in the browser.")}});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("access_token"), login.accessToken},
                                               {QStringLiteral("expires_in"), QJsonValue::Null},
                                               {QStringLiteral("user_id"), login.accountId}});
}

void LoginHost::deliver(const QString &id)
{
    // The first held poll whose client is still there gets the outcome; any other held poll of
    // the same request learns it was used. With no poll held, the next poll gets it.
    while (LoginRequest *login = find(id)) {
        if (login->waiting.isEmpty())
            return;
        const std::shared_ptr<PendingResponse> next = login->waiting.takeFirst();
        if (login->state == LoginRequest::State::Answered)
            next->resolve(notFound());
        else if (!next->resolve(takeAnswer(*login)))
            login->state =
                login->accessToken.isEmpty() ? LoginRequest::State::Denied : LoginRequest::State::Approved;
    }
}

HttpResponse LoginHost::poll(const HttpRequest &request, const QString &id)
{
    LoginRequest *login = find(id);
    if (!login)
        return notFound();
    if (request.header("authorization") != "Bearer " + login->pollToken)
        return HttpResponse::error(401, QStringLiteral("unauthorized"),
                                   QStringLiteral("Invalid credentials provided for this login request."));
    if (login->state == LoginRequest::State::Answered)
        return notFound();
    if (login->state != LoginRequest::State::Pending)
        return takeAnswer(*login);
    std::shared_ptr<PendingResponse> pending = PendingResponse::create();
    pending->expireAfter(m_options.pollHoldMs,
                         HttpResponse::error(503, QStringLiteral("service_unavailable"),
                                             QStringLiteral("The login was not approved yet; poll again.")));
    // Forget the poll once answered (approve, deny, the 503 above) or once its client is gone.
    PendingResponse *raw = pending.get();
    const auto forget = [this, id, raw] {
        if (LoginRequest *l = find(id)) {
            l->waiting.erase(std::remove_if(l->waiting.begin(), l->waiting.end(),
                                            [raw](const auto &p) { return p.get() == raw; }),
                             l->waiting.end());
        }
    };
    connect(raw, &PendingResponse::resolved, this, forget);
    connect(raw, &PendingResponse::abandoned, this, forget);
    login->waiting.append(pending);
    return HttpResponse::deferred(pending);
}
