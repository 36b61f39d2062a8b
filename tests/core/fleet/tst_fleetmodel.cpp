// SPDX-License-Identifier: MIT
// FleetModel: batches inserted, one row changed at a time, numeric sort keys, tooltips, the total, and
// no URL behind any role.
#include "FleetTestRows.h"
#include "fleet/FleetModel.h"
#include "heroku/HerokuResources.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

namespace {
const QString Password = QStringLiteral("m0delPassw0rd");

FleetRow row(const QString &app, const QString &plan)
{
    return FleetTestRows::row(app, plan, Password);
}

FleetRow read(FleetRow r, qint64 used, int percent, int inUse, int limit, UsageFinding::Level level)
{
    r.probe = FleetRow::ProbeState::Read;
    r.usedBytes = used;
    r.storagePercent = percent;
    r.connectionsInUse = inUse;
    r.connectionLimit = limit;
    r.worstLevel = level;
    r.worstLine = QStringLiteral("Storage: %1 %").arg(percent);
    return r;
}
} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void batchesAndRowUpdates()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.appendRows({row(QStringLiteral("a"), QStringLiteral("cleardb:ignite")),
                          row(QStringLiteral("b"), QStringLiteral("cleardb:punch"))});
        model.appendRows({row(QStringLiteral("c"), QStringLiteral("cleardb:drift"))});
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(inserted.at(1).at(1).toInt(), 2);
        QCOMPARE(model.rowCount(), 3);

        model.updateRow(1, read(row(QStringLiteral("b"), QStringLiteral("cleardb:punch")), 4509715, 86, 3, 10,
                                UsageFinding::Level::Warning));
        QCOMPARE(changed.size(), 1);
        const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(bottomRight.row(), 1);
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), FleetModel::ColumnCount - 1);
        QCOMPARE(model.index(1, FleetModel::StorageColumn).data().toString(),
                 QStringLiteral("4.3 MB of 1.0 GB (86 %)"));
        QCOMPARE(model.index(1, FleetModel::ConnectionsColumn).data().toString(), QStringLiteral("3 of 10"));
        QCOMPARE(model.index(1, FleetModel::ReachableColumn).data().toString(), QStringLiteral("yes"));
        QCOMPARE(model.index(1, FleetModel::PriceColumn).data().toString(), QStringLiteral("$9.99"));
        QCOMPARE(model.index(0, FleetModel::PriceColumn).data().toString(), QStringLiteral("free"));
        QCOMPARE(model.index(0, FleetModel::ReachableColumn).data().toString(), QStringLiteral("waiting"));
        QCOMPARE(model.headerData(FleetModel::PriceColumn, Qt::Horizontal).toString(),
                 QStringLiteral("$/month"));
        QCOMPARE(model.totalMonthlyCents(), 999 + 4999);
        model.updateRow(7, row(QStringLiteral("x"), QStringLiteral("cleardb:punch"))); // ignored
        QCOMPARE(changed.size(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsNumerically()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // 900 KB, 10 MB, 2 MB: as text "900 KB" > "2.0 MB" > "10.0 MB"; as bytes the other way.
        model.appendRows({read(row(QStringLiteral("a"), QStringLiteral("cleardb:punch")), 900 * 1024, 0, 1,
                               15, UsageFinding::Level::Fine),
                          read(row(QStringLiteral("b"), QStringLiteral("cleardb:punch")), 10 * 1024 * 1024, 0,
                               12, 15, UsageFinding::Level::Warning),
                          read(row(QStringLiteral("c"), QStringLiteral("cleardb:scream")), 2 * 1024 * 1024, 0,
                               2, 15, UsageFinding::Level::Alert)});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(FleetModel::SortRole);
        auto order = [&proxy](int column) {
            proxy.sort(column, Qt::AscendingOrder);
            QStringList apps;
            for (int r = 0; r < proxy.rowCount(); ++r)
                apps << proxy.index(r, FleetModel::AppColumn).data().toString();
            return apps.join(QLatin1Char(','));
        };
        QCOMPARE(order(FleetModel::StorageColumn), QStringLiteral("a,c,b"));
        QCOMPARE(order(FleetModel::ConnectionsColumn), QStringLiteral("a,c,b"));
        QCOMPARE(order(FleetModel::PriceColumn), QStringLiteral("a,b,c")); // 999, 999, scream's
        QCOMPARE(order(FleetModel::FindingsColumn), QStringLiteral("a,b,c"));
        QCOMPARE(model.index(2, 0).data(FleetModel::LevelRole).toInt(), int(UsageFinding::Level::Alert));
        QCOMPARE(model.index(0, 0).data(FleetModel::PriceCentsRole).toInt(), 999);
    }

    void tooltipsSayTheWholeThingAndNoRoleHoldsTheUrl()
    {
        FleetModel model;
        FleetRow down = row(QStringLiteral("shop"), QStringLiteral("cleardb:punch"));
        down.probe = FleetRow::ProbeState::Unreachable;
        down.stateLine = QStringLiteral("connect: Can't connect to server on '127.0.0.1' (111)");
        down.databaseUrl = FleetRow::UrlState::Promoted;
        model.appendRows({down});
        QCOMPARE(model.index(0, FleetModel::ReachableColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("unreachable: ") + down.stateLine);
        QCOMPARE(model.index(0, FleetModel::FindingsColumn).data().toString(), down.stateLine);
        QVERIFY(model.index(0, FleetModel::DatabaseUrlColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("CLEARDB_DATABASE_URL")));
        QVERIFY(model.rows().constFirst().url.isEmpty());
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= FleetModel::AppNameRole; ++role) {
                const QString text = model.index(0, column).data(role).toString();
                QVERIFY2(!text.contains(Password) && !text.contains(QStringLiteral("mysql://")),
                         qPrintable(text));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFleetModel)
#include "tst_fleetmodel.moc"
