// SPDX-License-Identifier: MIT
// FleetLoader against the real heroku-sim, API side only (probes off; the databases are read in
// tst_fleetprobes): ClearDB rows only, DATABASE_URL promoted/elsewhere/unset, the bound on config-var
// reads, 429s that end and 429s that do not, a low budget that pauses, a failed listing, and cancel.
#include "../heroku/HerokuClientTestSupport.h"
#include "SimRequestLog.h"
#include "fleet/FleetLoader.h"
#include "fleet/FleetModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

namespace {
const QString ClearDbVar = QStringLiteral("CLEARDB_DATABASE_URL");

FleetSummary waitFinished(FleetLoader &loader, int timeoutMs = 30000)
{
    QSignalSpy spy(&loader, &FleetLoader::finished);
    if (!spy.wait(timeoutMs))
        return {};
    return spy.first().first().value<FleetSummary>();
}

const FleetRow *rowOf(const FleetLoader &loader, const QString &app)
{
    for (const FleetRow &row : loader.rows())
        if (row.app == app)
            return &row;
    return nullptr;
}
} // namespace

class TestFleetLoader : public QObject
{
    Q_OBJECT
    QNetworkAccessManager m_network;

    // Provisions ClearDB ignite on the apps of 0-based indexes [first, last] and waits until every add-on is
    // provisioned.
    static bool provision(HerokuClient *client, int first, int last)
    {
        for (int i = first; i <= last; ++i) {
            if (!waitFor(client->createAddon(SimProcess::appName(i), QStringLiteral("cleardb:ignite"))).ok())
                return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            const HerokuResult addons = waitFor(client->addons());
            bool all = addons.ok();
            for (const QJsonValue &a : addons.array())
                all = all &&
                      a.toObject().value(QStringLiteral("state")).toString() == QStringLiteral("provisioned");
            if (all)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<HerokuResult>(); }

    void clearDbRowsOnlyWithTheirDatabaseUrl()
    {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("0"), QStringLiteral("--log")}),
            qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        QVERIFY(provision(client.get(), 2, 2));
        // App 1's DATABASE_URL becomes its ClearDB URL (promoted); app 2's is Heroku Postgres' (elsewhere);
        // app 3 has none (unset).
        const QString app1 = SimProcess::appName(0);
        const HerokuResult vars = waitFor(client->configVars(app1));
        QVERIFY(vars.ok());
        const QString url = vars.object().value(ClearDbVar).toString();
        QVERIFY2(url.startsWith(QStringLiteral("mysql://")), "premise: app 1 has a ClearDB URL");
        QVERIFY(waitFor(client->updateConfigVars(app1, {{QStringLiteral("DATABASE_URL"), url}})).ok());
        const HerokuResult all = waitFor(client->addons());
        QCOMPARE(all.array().size(), 4); // premise: three ClearDB add-ons and Heroku Postgres

        FleetLoader loader(client.get());
        loader.setProbesEnabled(false);
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.track(&loader);
        QSignalSpy batches(&loader, &FleetLoader::rowsAdded);
        SimRequestLog log(sim);
        loader.start();
        const FleetSummary summary = waitFinished(loader);
        QVERIFY(summary.listed);
        QCOMPARE(summary.addons, 3);
        QCOMPARE(summary.apps, 3);
        QCOMPARE(summary.skipped, 3);
        QCOMPARE(batches.size(), 1); // the listing's pages arrive together
        QCOMPARE(model.rowCount(), 3);
        for (const FleetRow &row : loader.rows()) {
            QVERIFY2(row.planName.startsWith(QStringLiteral("cleardb:")), qPrintable(row.planName));
            QCOMPARE(row.configVar, ClearDbVar);
            QVERIFY(row.url.isEmpty()); // dropped once the row settled
        }
        QCOMPARE(rowOf(loader, app1)->databaseUrl, FleetRow::UrlState::Promoted);
        QCOMPARE(rowOf(loader, SimProcess::appName(1))->databaseUrl, FleetRow::UrlState::Elsewhere);
        QCOMPARE(rowOf(loader, SimProcess::appName(2))->databaseUrl, FleetRow::UrlState::Unset);
        QCOMPARE(rowOf(loader, SimProcess::appName(1))->priceCents, 999);
        QCOMPARE(model.totalMonthlyCents(), 999);
        QVERIFY(summary.rateLimitRemaining > 0);
        QCOMPARE(loader.rateLimitRemaining(), summary.rateLimitRemaining);
        QCOMPARE(log.count(QStringLiteral("GET"), QStringLiteral("/addons")), 1);
        QCOMPARE(log.total(), 4); // the listing and one config-vars read per app, nothing else
        for (int r = 0; r < model.rowCount(); ++r)
            for (int c = 0; c < model.columnCount(); ++c)
                QVERIFY(!model.index(r, c).data(Qt::ToolTipRole).toString().contains(url));
    }

    // A listing of more than one page (Heroku serves at most 1000 items a page) shows its first page's
    // rows, and starts their config reads, before the second page is in.
    void rowsStreamPageByPage()
    {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("1100"),
                            QStringLiteral("--cleardb-apps"), QStringLiteral("1100"),
                            QStringLiteral("--faults"), QStringLiteral("GET /addons=slow:1500")}),
                 qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        FleetLoader loader(client.get());
        loader.setProbesEnabled(false);
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.track(&loader);
        QSignalSpy batches(&loader, &FleetLoader::rowsAdded);
        QSignalSpy configs(&loader, &FleetLoader::configRequestsChanged);
        loader.start();
        QVERIFY(batches.wait(30000));
        // The first page's 1000 add-ons, less app 2's Heroku Postgres if it falls on that page.
        const int firstPage = batches.at(0).at(1).toInt();
        QCOMPARE(batches.at(0).at(0).toInt(), 0);
        QVERIFY2(firstPage == 1000 || firstPage == 999, qPrintable(QString::number(firstPage)));
        QCOMPARE(model.rowCount(), firstPage);
        QVERIFY2(!configs.isEmpty(), "config reads start with the first page");
        QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 2, 30000); // the second page is slowed by 1.5 s
        QCOMPARE(batches.at(1).at(0).toInt(), firstPage);
        QCOMPARE(batches.at(1).at(1).toInt(), 1100 - firstPage);
        QCOMPARE(model.rowCount(), 1100);
        loader.cancel();
    }

    // An add-on still provisioning has no database yet: its row says so instead of "skipped" for no
    // reason, and nothing tries to connect to it.
    void aProvisioningAddonSaysSo()
    {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3"),
                            QStringLiteral("--provision-delay"), QStringLiteral("1500")}),
                 qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        QVERIFY(waitFor(client->createAddon(SimProcess::appName(2), QStringLiteral("cleardb:punch"))).ok());
        FleetLoader loader(client.get());
        loader.start();
        const FleetSummary summary = waitFinished(loader);
        QVERIFY(summary.listed);
        const FleetRow *row = rowOf(loader, SimProcess::appName(2));
        QVERIFY(row);
        QVERIFY2(row->isProvisioning(), qPrintable(row->addonState));
        QCOMPARE(row->reachableText(), QStringLiteral("provisioning"));
        QVERIFY2(row->stateLine.contains(QStringLiteral("still provisioning")), qPrintable(row->stateLine));
    }

    void configReadsAreBounded()
    {
        SimProcess sim;
        // Each config-vars answer is late, so the reads overlap as much as the loader lets them.
        QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("10"),
                            QStringLiteral("--provision-delay"), QStringLiteral("0"),
                            QStringLiteral("--faults"), QStringLiteral("GET /apps/*/config-vars=slow:150")}),
                 qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        QVERIFY(provision(client.get(), 2, 9));
        FleetLoader loader(client.get());
        loader.setProbesEnabled(false);
        loader.setConfigConcurrency(3);
        int peak = 0;
        connect(&loader, &FleetLoader::configRequestsChanged, this, [&peak](int n) { peak = qMax(peak, n); });
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.track(&loader);
        loader.start();
        const FleetSummary summary = waitFinished(loader);
        QCOMPARE(summary.addons, 10);
        QCOMPARE(summary.configFailed, 0);
        QCOMPARE(peak, 3); // reached, never passed
        QCOMPARE(loader.peakConfigRequests(), 3);
        for (const FleetRow &row : loader.rows())
            QCOMPARE(row.databaseUrl, row.app == SimProcess::appName(1) ? FleetRow::UrlState::Elsewhere
                                                                        : FleetRow::UrlState::Unset);
    }

    void rateLimitedReadsEndAndTheRestCarriesOn()
    {
        SimProcess sim;
        // Four 429s in a row: the first app read (one at a time) meets them all, 1 + 3 retries.
        QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3"),
                            QStringLiteral("--provision-delay"), QStringLiteral("0"), QStringLiteral("--log"),
                            QStringLiteral("--faults"), QStringLiteral("GET /apps/*/config-vars=429*4")}),
                 qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        QVERIFY(provision(client.get(), 2, 2));

        FleetLoader loader(client.get());
        loader.setProbesEnabled(false);
        loader.setConfigConcurrency(1);
        SimRequestLog log(sim);
        loader.start();
        const FleetSummary summary = waitFinished(loader);
        QVERIFY(summary.listed);
        QCOMPARE(summary.addons, 3);
        QCOMPARE(summary.configFailed, 1);
        int failed = 0;
        for (const FleetRow &row : loader.rows()) {
            if (row.databaseUrl != FleetRow::UrlState::Unknown)
                continue;
            ++failed;
            QCOMPARE(row.probe, FleetRow::ProbeState::Skipped);
            QVERIFY2(row.stateLine.startsWith(QStringLiteral("config vars not read: ")) &&
                         row.stateLine.contains(QStringLiteral("rate limit")) &&
                         !row.stateLine.contains(QLatin1Char('\n')),
                     qPrintable(row.stateLine));
        }
        QCOMPARE(failed, 1);
        // Nothing repeated beyond the client's policy: 4 for the unlucky app, 1 for each other.
        int configReads = 0;
        for (const QString &line : log.lines()) {
            if (line.contains(QStringLiteral("/config-vars")))
                ++configReads;
        }
        const int maxRetries = fastRetryPolicy().maxRetries;
        QCOMPARE(configReads, (1 + maxRetries) + 2);
        QCOMPARE(log.count(QStringLiteral("GET"), QStringLiteral("/addons")), 1);
        QVERIFY(summary.rateLimitRemaining > 0);
        // A second run (the faults retired) reads them all.
        loader.start();
        QCOMPARE(waitFinished(loader).configFailed, 0);
    }

    void aLowBudgetPausesThenResumes()
    {
        SimProcess sim;
        // A bucket of 5: the listing leaves 4, at the floor (the concurrency, 4).
        QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--rate-limit"),
                            QStringLiteral("5"), QStringLiteral("--log")}),
                 qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        FleetLoader loader(client.get());
        loader.setProbesEnabled(false);
        loader.setResumeDelayMs(300);
        QCOMPARE(loader.rateLimitFloor(), FleetLoader::DefaultConfigConcurrency);
        QSignalSpy remaining(&loader, &FleetLoader::rateLimitChanged);
        SimRequestLog log(sim);
        loader.start();
        QTRY_VERIFY(loader.isPaused());
        const FleetSummary summary = waitFinished(loader);
        QCOMPARE(summary.addons, 2);
        QCOMPARE(summary.configFailed, 0);
        QVERIFY2(summary.rateLimitPauses >= 2, qPrintable(QString::number(summary.rateLimitPauses)));
        QCOMPARE(loader.peakConfigRequests(), 1); // one at a time under the floor
        QVERIFY(!remaining.isEmpty());
        QVERIFY(summary.rateLimitRemaining >= 0 && summary.rateLimitRemaining <= 5);
        for (const QString &line : log.lines())
            QVERIFY2(!line.endsWith(QStringLiteral("-> 429")), qPrintable(line)); // it never hit the wall
    }

    void aFailedListingIsTheOneError()
    {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--faults"), QStringLiteral("GET /addons=500*1")}),
                 qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        FleetLoader loader(client.get());
        QSignalSpy batches(&loader, &FleetLoader::rowsAdded);
        loader.start();
        const FleetSummary summary = waitFinished(loader);
        QVERIFY(!summary.listed);
        QVERIFY2(summary.listingError.message.contains(QStringLiteral("Internal server error")),
                 qPrintable(summary.listingError.oneLine()));
        QCOMPARE(batches.size(), 0);
        QVERIFY(!loader.isRunning());
    }

    void cancelAbortsWithoutAnotherSignal()
    {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--faults"), QStringLiteral("GET /apps/*/config-vars=slow:5000")}),
                 qPrintable(sim.errorString()));
        auto client = simClient(&m_network, sim, fastRetryPolicy());
        FleetLoader loader(client.get());
        QSignalSpy finished(&loader, &FleetLoader::finished);
        QSignalSpy inFlight(&loader, &FleetLoader::configRequestsChanged);
        loader.start();
        QTRY_VERIFY(!inFlight.isEmpty());
        QElapsedTimer timer;
        timer.start();
        loader.cancel();
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!loader.isRunning());
        QTest::qWait(300);
        QCOMPARE(finished.size(), 0);
        // Started again, it completes once the slow answers are gone, and deleting one mid-run is safe.
        auto *other = new FleetLoader(client.get());
        other->start();
        QTRY_VERIFY(other->isRunning());
        delete other;
    }
};

QTEST_GUILESS_MAIN(TestFleetLoader)
#include "tst_fleetloader.moc"
