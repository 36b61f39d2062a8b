// SPDX-License-Identifier: MIT
// FleetLoader with its probes, on real databases of the fixture cluster behind a heroku-sim that
// provisioned them: every database read as its own user, the one on a closed port unreachable in one
// line while the others still read, and the model following it all under QAbstractItemModelTester.
#include "FleetSandboxSim.h"
#include "SimRequestLog.h"
#include "fleet/FleetLoader.h"
#include "fleet/FleetModel.h"
#include "probe/SqlWorkerThread.h"

#include <QAbstractItemModelTester>
#include <QtTest>

class TestFleetProbes : public QObject
{
    Q_OBJECT
    FleetSandboxSim m_env;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(SandboxTestEnv::status().isRunning(),
                 "the mariadb_cluster fixture did not start the sandbox");
        QVERIFY2(m_env.start(), qPrintable(m_env.error));
    }

    void everyDatabaseReadOneUnreachable()
    {
        auto client = simClient(&m_network, m_env.sim, fastRetryPolicy());
        FleetLoader loader(client.get());
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.track(&loader);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&loader, &FleetLoader::finished);
        loader.start();
        QVERIFY(finished.wait(60000));
        const FleetSummary summary = finished.first().first().value<FleetSummary>();
        QCOMPARE(summary.addons, 3);
        QCOMPARE(summary.read, 2);
        QCOMPARE(summary.unreachable, 1);
        QVERIFY(loader.peakProbes() >= 1 && loader.peakProbes() <= FleetProber::MaxConcurrency);
        for (const QList<QVariant> &signal : std::as_const(changed)) // one row per change
            QCOMPARE(signal.at(0).value<QModelIndex>().row(), signal.at(1).value<QModelIndex>().row());
        QCOMPARE(model.rowCount(), 3);
        for (int r = 0; r < model.rowCount(); ++r) {
            const FleetRow &row = model.rows().at(r);
            if (row.app == m_env.unreachableApp) {
                QCOMPARE(row.probe, FleetRow::ProbeState::Unreachable);
                QCOMPARE(model.index(r, FleetModel::ReachableColumn).data().toString(),
                         QStringLiteral("unreachable"));
                QVERIFY2(!row.stateLine.isEmpty() && !row.stateLine.contains(QLatin1Char('\n')),
                         qPrintable(row.stateLine));
                QVERIFY(!row.stateLine.contains(QStringLiteral("closedpass")));
                QCOMPARE(model.index(r, FleetModel::FindingsColumn).data().toString(), row.stateLine);
                continue;
            }
            QCOMPARE(row.probe, FleetRow::ProbeState::Read);
            QVERIFY(row.usedBytes >= 0);
            QCOMPARE(row.connectionsInUse, 1); // the read's own connection
            QVERIFY(row.connectionLimit > 0);
            const QString storage = model.index(r, FleetModel::StorageColumn).data().toString();
            QVERIFY2(storage.contains(QStringLiteral(" of ")) && storage.endsWith(QStringLiteral("%)")),
                     qPrintable(storage));
            QVERIFY(!model.index(r, FleetModel::FindingsColumn).data().toString().isEmpty());
            QCOMPARE(model.index(r, FleetModel::ConnectionsColumn).data().toString(),
                     QStringLiteral("1 of %1").arg(row.connectionLimit));
        }
        for (int r = 0; r < model.rowCount(); ++r)
            for (int c = 0; c < model.columnCount(); ++c)
                for (const QString &password : std::as_const(m_env.passwords))
                    QVERIFY(!model.index(r, c).data(Qt::ToolTipRole).toString().contains(password));
    }

    void rateLimitedConfigReadsStillFinish()
    {
        // Two 429s on the config-var reads: retried by the client within its policy, the fleet completes.
        QVERIFY2(m_env.restart({QStringLiteral("--faults"), QStringLiteral("GET /apps/*/config-vars=429*2")}),
                 qPrintable(m_env.error));
        auto client = simClient(&m_network, m_env.sim, fastRetryPolicy());
        SimRequestLog log(m_env.sim);
        FleetLoader loader(client.get());
        QSignalSpy finished(&loader, &FleetLoader::finished);
        loader.start();
        QVERIFY(finished.wait(60000));
        const FleetSummary summary = finished.first().first().value<FleetSummary>();
        QCOMPARE(summary.configFailed, 0);
        QCOMPARE(summary.read, 2);
        QCOMPARE(summary.unreachable, 1);
        QVERIFY(summary.rateLimitRemaining > 0);
        int configReads = 0;
        for (const QString &line : log.lines())
            configReads += line.contains(QStringLiteral("/config-vars")) ? 1 : 0;
        QCOMPARE(configReads, 3 + 2); // one per app and one per 429
    }

    void cleanupTestCase() { QVERIFY(SqlWorkerThread::waitForFinishedThreads(10000)); }
};

QTEST_GUILESS_MAIN(TestFleetProbes)
#include "tst_fleetprobes.moc"
