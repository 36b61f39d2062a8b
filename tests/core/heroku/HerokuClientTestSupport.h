// SPDX-License-Identifier: MIT
#pragma once

// What the HerokuClient tests against heroku-sim share: waiting for a request, a client
// with fast retries, and the count of add-ons that tells whether a write happened twice.
#include "SimProcess.h"
#include "heroku/HerokuClient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <memory>

Q_DECLARE_METATYPE(HerokuResult)

inline HerokuResult waitFor(HerokuRequest *request, int timeoutMs = 20000)
{
    QSignalSpy spy(request, &HerokuRequest::finished);
    if (!spy.wait(timeoutMs))
        return {};
    return spy.first().first().value<HerokuResult>();
}

// Back-off short enough for tests, still doubling as in production.
inline RetryPolicy fastRetryPolicy()
{
    RetryPolicy retry;
    retry.baseDelayMs = 20;
    retry.maxDelayMs = 200;
    retry.timeoutMs = 5000;
    return retry;
}

inline std::unique_ptr<HerokuClient> simClient(QNetworkAccessManager *network, const SimProcess &sim,
                                               const RetryPolicy &retry, const QString &token = QString())
{
    auto client = std::make_unique<HerokuClient>(network, ApiEndpoint::fromSetting(sim.baseUrl()));
    client->setToken(token.isEmpty() ? sim.token() : token);
    client->setRetryPolicy(retry);
    return client;
}

// How many add-ons the sim holds for `app`, -1 when the list could not be read:
// the ground truth for "was a POST sent twice".
inline int addonCount(HerokuClient *client, const QString &app)
{
    const HerokuResult addons = waitFor(client->addonsForApp(app));
    return addons.ok() ? int(addons.array().size()) : -1;
}
