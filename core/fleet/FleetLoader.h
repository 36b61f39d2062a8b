// SPDX-License-Identifier: MIT
#pragma once

#include "fleet/FleetProber.h"
#include "fleet/FleetRow.h"
#include "fleet/FleetSummary.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class HerokuClient;
class HerokuRequest;
struct HerokuResult;

// Gathers the fleet: every ClearDB add-on of the account, each app's DATABASE_URL against it, and what
// each database uses. Three stages, each bounded:
//  1. one account-wide GET /addons (every page, each a rowsAdded() as it arrives, so the first rows and
//     their config reads come before a long listing ends), ClearDB add-ons only;
//  2. GET /apps/{app}/config-vars once per app, at most setConfigConcurrency() at a time, keeping only the
//     add-on's own var (as a Secret) and where DATABASE_URL points;
//  3. a UsageReader per database, at most setProbeConcurrency() (≤ 8) connections at once and one per
//     distinct URL (FleetProber); each result is a rowChanged() as it arrives.
//
//     auto *loader = new FleetLoader(client, this);
//     connect(loader, &FleetLoader::rowsAdded, model, …);
//     connect(loader, &FleetLoader::finished, this, [](const FleetSummary &s) { … });
//     loader->start();
//
// The API's budget is respected: while RateLimit-Remaining is at or below rateLimitFloor() no new
// request is launched until the ones in flight answered and a pause (resumeDelayMs()) passed; then one
// request at a time goes out, each answer telling whether the budget recovered. The client's own
// retries (RetryPolicy: GET again on 429/503, honouring Retry-After) are the only retries: a request
// that still fails marks its app's rows with a one-line state and the rest of the fleet carries on.
// cancel() and the destructor abort every request and read without blocking; no signal follows.
class FleetLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultConfigConcurrency = 4;
    static constexpr int MaxConfigConcurrency = 16;
    static constexpr int DefaultResumeDelayMs = 2000;

    explicit FleetLoader(HerokuClient *client, QObject *parent = nullptr);
    ~FleetLoader() override;

    void setConfigConcurrency(int concurrency); // clamped to 1..MaxConfigConcurrency
    void setProbeConcurrency(int concurrency);  // clamped to 1..FleetProber::MaxConcurrency
    // Off: API data only (plans, prices, DATABASE_URL); every row's probe is Skipped.
    void setProbesEnabled(bool enabled) { m_probes = enabled; }
    // The config concurrency, so the requests in flight when the floor is reached fit in it.
    int rateLimitFloor() const { return m_configConcurrency; }
    void setResumeDelayMs(int delayMs);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_resume.isActive(); }

    const QList<FleetRow> &rows() const { return m_rows; }
    // The API's last RateLimit-Remaining, -1 before any answer.
    int rateLimitRemaining() const;
    int peakConfigRequests() const { return m_peakConfig; }
    int peakProbes() const { return m_prober.peakRunning(); }
    FleetSummary summary() const;

Q_SIGNALS:
    void started(); // the rows of a previous run are gone
    void rowsAdded(int first, int count);
    void rowChanged(int row);
    void rateLimitChanged(int remaining);
    void configRequestsChanged(int inFlight);
    void finished(const FleetSummary &summary);

private:
    void onListed(const HerokuResult &result);
    void onListedPage(const QJsonArray &items);
    void pumpConfig();
    void launchConfig(const QString &app);
    void onConfig(const QString &app, const HerokuResult &result);
    void onReadingStarted(const QList<int> &rows);
    void onReadingFinished(const QList<int> &rows, const UsageReading &reading);
    bool belowFloor() const;
    void finishIfSettled();
    void skip(int row, const QString &line);

    HerokuClient *m_client;
    FleetProber m_prober;
    QTimer m_resume;
    QPointer<HerokuRequest> m_listing;
    QHash<QString, QPointer<HerokuRequest>> m_configRequests; // by app
    QHash<QString, QList<int>> m_appRows;
    QList<QString> m_appQueue;
    QList<FleetRow> m_rows;
    FleetSummary m_summary;
    int m_configConcurrency = DefaultConfigConcurrency;
    int m_peakConfig = 0;
    bool m_probes = true;
    bool m_resumeGranted = false;
    bool m_listed = false;
    bool m_running = false;
};
