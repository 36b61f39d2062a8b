// SPDX-License-Identifier: MIT
// The fleet window filled offscreen from a real heroku-sim whose ClearDB add-ons have real databases on
// the fixture cluster, one of them pointed at a closed port: every ClearDB add-on is a row, the
// unreachable one says so while the rest are read, the totals and the API budget show, filtering and
// numeric sorting work, exports carry no URL or password, and 429s during a refresh still end in a
// full table. The model and the view's proxy run under QAbstractItemModelTester throughout.
#include "../../core/fleet/FleetSandboxSim.h"
#include "UiTestHelpers.h"
#include "fleet/FleetLoader.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetRow.h"
#include "fleet/FleetSummary.h"
#include "fleetview/FleetWindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

using UiTest::child;

class TestFleetWindow : public QObject
{
    Q_OBJECT
    FleetSandboxSim m_fleet;
    QNetworkAccessManager m_network;
    std::unique_ptr<HerokuClient> m_client;

    // Every text and tooltip of the table, for "nothing secret on screen".
    static QString everything(const QAbstractItemModel *model)
    {
        QString all;
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                all += model->index(r, c).data().toString() +
                       model->index(r, c).data(Qt::ToolTipRole).toString();
        return all;
    }
    static int rowOf(const QAbstractItemModel *model, const QString &app)
    {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, FleetModel::AppColumn).data().toString() == app)
                return r;
        return -1;
    }
    static FleetSummary load(FleetWindow &window)
    {
        QSignalSpy loaded(&window, &FleetWindow::loaded);
        if (!window.isVisible()) {
            window.show();
        } else {
            window.refresh();
        }
        if (!loaded.wait(90000))
            return {};
        return loaded.at(0).at(0).value<FleetSummary>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fleet.start(), qPrintable(m_fleet.error));
        m_client = simClient(&m_network, m_fleet.sim, fastRetryPolicy());
    }

    void fillsWithEveryClearDbAddonAndSaysWhichIsUnreachable()
    {
        FleetWindow window(m_client.get());
        window.setAttribute(Qt::WA_DeleteOnClose, false);
        auto *view = child<QTableView>(&window, "fleetTable");
        QAbstractItemModelTester modelTester(window.model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetSummary summary = load(window);
        QVERIFY2(summary.listed, qPrintable(summary.listingError.oneLine()));
        QCOMPARE(summary.addons, 3); // apps 1-3; app 2's Heroku Postgres is not a row
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(summary.read, 2);
        QCOMPARE(summary.unreachable, 1);

        const QAbstractItemModel *model = view->model();
        const int unreachable = rowOf(model, m_fleet.unreachableApp);
        QVERIFY(unreachable >= 0);
        QCOMPARE(model->index(unreachable, FleetModel::ReachableColumn).data().toString(),
                 QStringLiteral("unreachable"));
        QVERIFY(!model->index(unreachable, FleetModel::FindingsColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
        for (int i = 0; i < 2; ++i) {
            const int row = rowOf(model, SimProcess::appName(i));
            QCOMPARE(model->index(row, FleetModel::ReachableColumn).data().toString(), QStringLiteral("yes"));
            QVERIFY2(model->index(row, FleetModel::ConnectionsColumn)
                         .data()
                         .toString()
                         .contains(QStringLiteral(" of ")),
                     qPrintable(model->index(row, FleetModel::ConnectionsColumn).data().toString()));
        }
        const QString totals = child<QLabel>(&window, "fleetTotals")->text();
        QVERIFY2(totals.contains(QStringLiteral("3 ClearDB add-ons on 3 apps, $9.99/month in all")),
                 qPrintable(totals));
        QVERIFY2(totals.contains(QStringLiteral("2 of 3 databases read, 1 unreachable")), qPrintable(totals));
        QVERIFY2(child<QLabel>(&window, "fleetBudget")->text().contains(QStringLiteral("requests left")),
                 qPrintable(child<QLabel>(&window, "fleetBudget")->text()));
        const QString shown = everything(model);
        QVERIFY(!shown.contains(QStringLiteral("mysql://")));
        for (const QString &password : std::as_const(m_fleet.passwords))
            QVERIFY(!shown.contains(password));

        // Filtering: by words in any column, and only the rows that need a look.
        auto *filter = child<QLineEdit>(&window, "fleetFilter");
        QTest::keyClicks(filter, SimProcess::appName(1));
        QCOMPARE(model->rowCount(), 1);
        filter->clear();
        child<QCheckBox>(&window, "fleetOnlyProblems")->setChecked(true);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, FleetModel::AppColumn).data().toString(), m_fleet.unreachableApp);
        child<QCheckBox>(&window, "fleetOnlyProblems")->setChecked(false);

        // Sorting by storage is by the bytes, not the text: largest first, the unread row last.
        view->sortByColumn(FleetModel::StorageColumn, Qt::DescendingOrder);
        const qint64 first = model->index(0, 0).data(FleetModel::UsedBytesRole).toLongLong();
        const qint64 second = model->index(1, 0).data(FleetModel::UsedBytesRole).toLongLong();
        QVERIFY2(first >= second && second >= 0, qPrintable(QStringLiteral("%1 %2").arg(first).arg(second)));
        QCOMPARE(model->index(2, 0).data(FleetModel::UsedBytesRole).toLongLong(), -1);

        // Exports: every row, no URL, no password.
        QTemporaryDir dir;
        for (const auto format : {FleetWindow::Format::Csv, FleetWindow::Format::Json}) {
            const QString path = dir.filePath(format == FleetWindow::Format::Csv ? QStringLiteral("f.csv")
                                                                                 : QStringLiteral("f.json"));
            QCOMPARE(window.exportTo(path, format), QString());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            for (int i = 0; i < 3; ++i)
                QVERIFY(text.contains(SimProcess::appName(i)));
            QVERIFY(!text.contains(QStringLiteral("mysql://")));
            for (const QString &password : std::as_const(m_fleet.passwords))
                QVERIFY(!text.contains(password));
        }
        QVERIFY(window.exportTo(dir.filePath(QStringLiteral("no/such/dir/f.csv")), FleetWindow::Format::Csv)
                    .startsWith(QStringLiteral("Could not write")));
    }

    void ratesLimitedDuringARefreshStillEndInAFullTable()
    {
        m_client.reset();
        QVERIFY2(
            m_fleet.restart({QStringLiteral("--faults"), QStringLiteral("GET /apps/*/config-vars=429*2")}),
            qPrintable(m_fleet.error));
        m_client = simClient(&m_network, m_fleet.sim, fastRetryPolicy());
        FleetWindow window(m_client.get());
        window.setAttribute(Qt::WA_DeleteOnClose, false);
        QAbstractItemModelTester tester(window.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetSummary summary = load(window);
        QVERIFY(summary.listed);
        QCOMPARE(summary.addons, 3);
        QCOMPARE(summary.configFailed, 0); // the client's retries absorbed the two 429s
        for (const FleetRow &row : window.model()->rows())
            QVERIFY2(row.databaseUrl != FleetRow::UrlState::Unknown, qPrintable(row.app));
        // A second refresh on the same window starts over: the same rows, not twice as many.
        const FleetSummary again = load(window);
        QCOMPARE(again.addons, 3);
        QCOMPARE(window.model()->rowCount(), 3);
    }
};

QTEST_MAIN(TestFleetWindow)
#include "tst_fleetwindow.moc"
