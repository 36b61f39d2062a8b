// SPDX-License-Identifier: MIT
#include "AddonProvisioner.h"

#include "HerokuClient.h"

namespace {
// A few failed polls in a row (network blips) are tolerated; the add-on keeps
// provisioning on Heroku's side whatever happens to our connection.
constexpr int MaxConsecutivePollFailures = 3;

QString stateOf(const QJsonObject &addon)
{
    return addon.value(QLatin1String("state")).toString();
}
} // namespace

AddonProvisioner::AddonProvisioner(HerokuClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &AddonProvisioner::poll);
}

void AddonProvisioner::start(const Options &options)
{
    if (m_running)
        return;
    m_options = options;
    m_running = true;
    m_requests = 0;
    m_pollFailures = 0;
    m_addon = {};
    m_waited.start();
    m_request = m_client->createAddon(options.app, options.plan, options.name);
    connect(m_request, &HerokuRequest::finished, this, &AddonProvisioner::onCreated);
}

void AddonProvisioner::onCreated(const HerokuResult &result)
{
    m_requests += result.httpRequests;
    if (!result.ok()) {
        HerokuResult failed = result;
        // A refused connection never reached the API; a lost answer may hide a new add-on.
        if (failed.error.outcomeUnknown)
            failed.error.message =
                QStringLiteral("no answer to the create request (%1); the add-on may or may not "
                               "have been created, so run `cleardbctl addons --app %2` before "
                               "trying again")
                    .arg(failed.error.message.section(QStringLiteral("; "), 0, 0), m_options.app);
        return finishWith(failed);
    }
    m_addon = result.object();
    Q_EMIT stateChanged(m_addon);
    const QString state = stateOf(m_addon);
    if (!m_options.wait || state != QLatin1String("provisioning"))
        return onPolled(result);
    m_pollTimer.start(m_options.pollIntervalMs);
}

void AddonProvisioner::poll()
{
    // The client went with the console's session (another sign-in): stop waiting, as cancel() does.
    if (!m_client)
        return cancel();
    if (m_waited.elapsed() >= m_options.timeoutMs) {
        HerokuResult timedOut;
        timedOut.data = m_addon;
        timedOut.error.kind = HerokuError::Kind::Timeout;
        timedOut.error.message =
            QStringLiteral("%1 is still provisioning after %2 s; Heroku will finish it, check later with "
                           "`cleardbctl addons --app %3`")
                .arg(m_addon.value(QLatin1String("name")).toString())
                .arg(m_options.timeoutMs / 1000)
                .arg(m_options.app);
        return finishWith(timedOut);
    }
    m_request = m_client->addonForApp(m_options.app, m_addon.value(QLatin1String("id")).toString());
    connect(m_request, &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        m_requests += result.httpRequests;
        if (!result.ok()) {
            if (++m_pollFailures >= MaxConsecutivePollFailures || result.error.kind == HerokuError::Kind::Api)
                return finishWith(result);
            m_pollTimer.start(m_options.pollIntervalMs);
            return;
        }
        m_pollFailures = 0;
        m_addon = result.object();
        Q_EMIT stateChanged(m_addon);
        onPolled(result);
    });
}

void AddonProvisioner::onPolled(const HerokuResult &result)
{
    const QString state = stateOf(m_addon);
    if (m_options.wait && state == QLatin1String("provisioning")) {
        m_pollTimer.start(m_options.pollIntervalMs);
        return;
    }
    HerokuResult done = result;
    done.data = m_addon;
    if (state == QLatin1String("deprovisioned")) {
        done.error.kind = HerokuError::Kind::Api;
        done.error.id = QStringLiteral("deprovisioned");
        done.error.message =
            QStringLiteral("the provider could not provision %1 (it is now deprovisioned); try "
                           "again or contact ClearDB support")
                .arg(m_addon.value(QLatin1String("name")).toString());
    }
    finishWith(done);
}

void AddonProvisioner::cancel()
{
    if (!m_running)
        return;
    m_pollTimer.stop();
    if (m_request)
        m_request->disconnect(this);
    if (m_request)
        m_request->cancel();
    HerokuResult cancelled;
    cancelled.data = m_addon;
    cancelled.error.kind = HerokuError::Kind::Cancelled;
    cancelled.error.message =
        m_addon.isEmpty() ? QStringLiteral("stopped waiting; the add-on may still be created, check with "
                                           "`cleardbctl addons --app %1`")
                                .arg(m_options.app)
                          : QStringLiteral("stopped waiting; %1 keeps provisioning on Heroku")
                                .arg(m_addon.value(QLatin1String("name")).toString());
    finishWith(cancelled);
}

void AddonProvisioner::finishWith(HerokuResult result)
{
    if (!m_running)
        return;
    m_running = false;
    m_pollTimer.stop();
    result.httpRequests = m_requests;
    result.elapsedMs = m_waited.elapsed();
    Q_EMIT finished(result);
}
