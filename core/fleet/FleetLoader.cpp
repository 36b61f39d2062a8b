// SPDX-License-Identifier: MIT
#include "fleet/FleetLoader.h"

#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"
#include "usage/UsageReport.h"

#include <QSet>

namespace {
// One line whatever the API or the driver wrote (Heroku's 429 body has a line break).
QString oneLine(const QString &text)
{
    return text.simplified();
}
} // namespace

FleetLoader::FleetLoader(HerokuClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    qRegisterMetaType<FleetSummary>();
    m_resume.setSingleShot(true);
    m_resume.setInterval(DefaultResumeDelayMs);
    connect(&m_resume, &QTimer::timeout, this, [this] {
        m_resumeGranted = true;
        pumpConfig();
    });
    connect(m_client, &HerokuClient::rateLimitChanged, this, [this](int remaining) {
        if (m_running)
            Q_EMIT rateLimitChanged(remaining);
    });
    connect(&m_prober, &FleetProber::readingStarted, this, &FleetLoader::onReadingStarted);
    connect(&m_prober, &FleetProber::readingFinished, this, &FleetLoader::onReadingFinished);
}

FleetLoader::~FleetLoader()
{
    cancel();
}

void FleetLoader::setConfigConcurrency(int concurrency)
{
    m_configConcurrency = qBound(1, concurrency, MaxConfigConcurrency);
}

void FleetLoader::setProbeConcurrency(int concurrency)
{
    m_prober.setConcurrency(concurrency);
}

void FleetLoader::setResumeDelayMs(int delayMs)
{
    m_resume.setInterval(qMax(0, delayMs));
}

void FleetLoader::start()
{
    cancel();
    m_rows.clear();
    m_appRows.clear();
    m_appQueue.clear();
    m_summary = FleetSummary();
    m_peakConfig = 0;
    m_listed = false;
    m_resumeGranted = false;
    m_running = true;
    Q_EMIT started();
    m_listing = m_client->addons();
    connect(m_listing, &HerokuRequest::pageReceived, this, &FleetLoader::onListedPage);
    connect(m_listing, &HerokuRequest::finished, this, &FleetLoader::onListed);
}

void FleetLoader::cancel()
{
    m_running = false;
    m_resume.stop();
    // Disconnected first: cancel() finishes a request at once, and that answer is not ours to handle.
    QList<QPointer<HerokuRequest>> requests = m_configRequests.values();
    requests << m_listing;
    m_configRequests.clear();
    m_listing.clear();
    for (const QPointer<HerokuRequest> &request : std::as_const(requests)) {
        if (request) {
            disconnect(request, nullptr, this, nullptr);
            request->cancel();
        }
    }
    m_prober.abort();
}

void FleetLoader::onListed(const HerokuResult &result)
{
    m_listing.clear();
    m_listed = true;
    if (!result.ok()) {
        m_summary.listingError = result.error.toError();
        m_summary.listingError.message = oneLine(m_summary.listingError.message);
        return finishIfSettled();
    }
    m_summary.listed = true;
    finishIfSettled();
}

void FleetLoader::onListedPage(const QJsonArray &items)
{
    // Rows of a page go in at once, and their config reads start while the next page is on its way.
    const int first = int(m_rows.size());
    for (const QJsonValue &value : items) {
        const QJsonObject object = value.toObject();
        const HerokuAddon addon = HerokuAddon::fromJson(object);
        if (!addon.isClearDb())
            continue;
        FleetRow row = FleetRow::fromAddon(addon, object);
        if (!m_appRows.contains(row.app))
            m_appQueue << row.app;
        m_appRows[row.app] << int(m_rows.size());
        m_rows << row;
    }
    if (m_rows.size() > first)
        Q_EMIT rowsAdded(first, int(m_rows.size()) - first);
    pumpConfig();
}

void FleetLoader::pumpConfig()
{
    if (!m_running)
        return;
    while (!m_appQueue.isEmpty() && m_configRequests.size() < m_configConcurrency) {
        if (belowFloor()) {
            // Low budget: let what is in flight answer, pause so the bucket refills, then send one
            // request; its answer says whether the budget has recovered.
            if (!m_configRequests.isEmpty() || m_resume.isActive())
                return;
            if (!m_resumeGranted) {
                ++m_summary.rateLimitPauses;
                m_resume.start();
                return;
            }
            m_resumeGranted = false;
            launchConfig(m_appQueue.takeFirst());
            return;
        }
        m_resumeGranted = false;
        launchConfig(m_appQueue.takeFirst());
    }
}

void FleetLoader::launchConfig(const QString &app)
{
    HerokuRequest *request = m_client->configVars(app);
    m_configRequests.insert(app, request);
    m_peakConfig = qMax(m_peakConfig, int(m_configRequests.size()));
    connect(request, &HerokuRequest::finished, this,
            [this, app](const HerokuResult &result) { onConfig(app, result); });
    Q_EMIT configRequestsChanged(int(m_configRequests.size()));
}

void FleetLoader::onConfig(const QString &app, const HerokuResult &result)
{
    m_configRequests.remove(app);
    Q_EMIT configRequestsChanged(int(m_configRequests.size()));
    const QList<int> rows = m_appRows.value(app);
    if (!result.ok()) {
        ++m_summary.configFailed;
        const QString line =
            oneLine(QStringLiteral("config vars not read: %1").arg(result.error.toError().oneLine()));
        for (int row : rows)
            skip(row, line);
    } else {
        // Only the owned var and DATABASE_URL's verdict stay; the object goes out of scope here.
        const QJsonObject vars = result.object();
        for (int row : rows) {
            FleetRow &r = m_rows[row];
            r.setConfig(vars);
            if (r.isProvisioning())
                skip(row, QStringLiteral("the add-on is still provisioning; Refresh once it is ready"));
            else if (r.url.isEmpty())
                skip(row, r.configVar.isEmpty()
                              ? QStringLiteral("the add-on owns no config var yet (still provisioning?)")
                              : QStringLiteral("%1 is not set on %2").arg(r.configVar, app));
            else if (!m_probes)
                skip(row, QStringLiteral("not read (API data only)"));
            else {
                m_prober.add(row, r.url);
                Q_EMIT rowChanged(row); // skip() tells of the others
            }
        }
    }
    pumpConfig();
    finishIfSettled();
}

void FleetLoader::skip(int row, const QString &line)
{
    FleetRow &r = m_rows[row];
    r.probe = FleetRow::ProbeState::Skipped;
    ++m_summary.skipped;
    r.stateLine = line;
    r.url = Secret();
    Q_EMIT rowChanged(row);
}

void FleetLoader::onReadingStarted(const QList<int> &rows)
{
    for (int row : rows) {
        m_rows[row].probe = FleetRow::ProbeState::Reading;
        Q_EMIT rowChanged(row);
    }
}

void FleetLoader::onReadingFinished(const QList<int> &rows, const UsageReading &reading)
{
    for (int row : rows) {
        FleetRow &r = m_rows[row];
        if (r.probe == FleetRow::ProbeState::Read || r.probe == FleetRow::ProbeState::Unreachable)
            continue; // told before, when it joined a finished read
        r.url = Secret();
        if (reading.ok()) {
            // The var belongs to a ClearDB add-on: its URL is the routed one (see UsageCommand).
            r.setReport(UsageReport(reading.usage, r.plan, true));
            ++m_summary.read;
        } else {
            r.probe = FleetRow::ProbeState::Unreachable;
            ++m_summary.unreachable;
            r.stateLine = oneLine(reading.error.toError().message);
        }
        Q_EMIT rowChanged(row);
    }
    finishIfSettled();
}

int FleetLoader::rateLimitRemaining() const
{
    return m_client->rateLimitRemaining();
}

bool FleetLoader::belowFloor() const
{
    const int remaining = rateLimitRemaining();
    return remaining >= 0 && remaining <= rateLimitFloor();
}

FleetSummary FleetLoader::summary() const
{
    FleetSummary s = m_summary;
    s.addons = int(m_rows.size());
    s.apps = int(m_appRows.size());
    s.rateLimitRemaining = m_client->rateLimitRemaining();
    return s;
}

void FleetLoader::finishIfSettled()
{
    if (!m_running || !m_listed || !m_appQueue.isEmpty() || !m_configRequests.isEmpty() || !m_prober.isIdle())
        return;
    m_running = false;
    Q_EMIT finished(summary());
}
