// SPDX-License-Identifier: MIT
// The console's item models: what each cell shows, and that every change keeps
// the QAbstractItemModel contract (QAbstractItemModelTester fails the test otherwise).
#include "apps/AddonListPresentation.h"
#include "session/AddonListModel.h"
#include "session/AppListModel.h"
#include "session/ConfigVarNameModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

namespace {
HerokuApp app(const QString &name, const QString &region = QStringLiteral("us"))
{
    HerokuApp app;
    app.name = name;
    app.region = region;
    app.ownerEmail = QStringLiteral("owner@example.com");
    app.updatedAt = QStringLiteral("2026-03-04T12:00:00Z");
    return app;
}

HerokuAddon addon(const QString &name, const QString &service, const QString &plan, const QStringList &vars)
{
    HerokuAddon addon;
    addon.name = name;
    addon.serviceName = service;
    addon.planName = plan;
    addon.state = QStringLiteral("provisioned");
    addon.configVars = vars;
    return addon;
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}
} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appListShowsNameRegionAndDate();
    void appListFilterOverManyApps();
    void addonListHighlightsClearDb();
    void configVarNamesShowOwnerInEitherOrder();
};

void TestUiModels::appListShowsNameRegionAndDate()
{
    AppListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setApps({app(QStringLiteral("shop-api")), app(QStringLiteral("blog"), QStringLiteral("eu"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(AppListModel::ColumnCount));
    QCOMPARE(model.index(1, AppListModel::NameColumn).data().toString(), QStringLiteral("blog"));
    QCOMPARE(model.index(1, AppListModel::RegionColumn).data().toString(), QStringLiteral("eu"));
    QCOMPARE(model.index(1, AppListModel::UpdatedColumn).data().toString().left(7),
             QStringLiteral("2026-03"));
    QCOMPARE(model.index(1, AppListModel::RegionColumn).data(AppListModel::AppNameRole).toString(),
             QStringLiteral("blog"));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("owner@example.com")));
    QCOMPARE(model.headerData(AppListModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("App"));
    QCOMPARE(model.rowOf(QStringLiteral("blog")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("missing")), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestUiModels::appListFilterOverManyApps()
{
    AppListModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(AppListModel::NameColumn);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(AppListModel::NameColumn);
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QList<HerokuApp> apps;
    for (int i = 1999; i >= 0; --i)
        apps << app(QStringLiteral("app-%1").arg(i, 4, 10, QLatin1Char('0')));
    model.setApps(apps);
    QCOMPARE(proxy.rowCount(), 2000);
    // Sorted by name although the API order was descending.
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("app-0000"));
    proxy.setFilterFixedString(QStringLiteral("APP-01"));
    QCOMPARE(proxy.rowCount(), 100);
    proxy.setFilterFixedString(QStringLiteral("app-1999"));
    QCOMPARE(proxy.rowCount(), 1);
    model.setApps(apps.mid(0, 10)); // a refresh with fewer apps keeps the proxy consistent
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterFixedString(QString());
    QCOMPARE(proxy.rowCount(), 10);
}

void TestUiModels::addonListHighlightsClearDb()
{
    AddonListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAddons({addon(QStringLiteral("papertrail-1"), QStringLiteral("papertrail"),
                           QStringLiteral("papertrail:choklad"), {QStringLiteral("PAPERTRAIL_API_TOKEN")}),
                     addon(QStringLiteral("cleardb-cubic-1"), QStringLiteral("cleardb"),
                           QStringLiteral("cleardb:ignite"), {QStringLiteral("CLEARDB_DATABASE_URL")})});
    QCOMPARE(column(model, AddonListModel::NameColumn),
             QStringList({QStringLiteral("papertrail-1"), QStringLiteral("cleardb-cubic-1")}));
    QCOMPARE(column(model, AddonListModel::PlanColumn),
             QStringList({QStringLiteral("papertrail:choklad"), QStringLiteral("cleardb:ignite")}));
    QCOMPARE(column(model, AddonListModel::StateColumn),
             QStringList({QStringLiteral("provisioned"), QStringLiteral("provisioned")}));
    QVERIFY(model.index(1, 0).data(AddonListModel::IsClearDbRole).toBool());
    QVERIFY(!model.index(0, 0).data(AddonListModel::IsClearDbRole).toBool());
    // What the view shows: ClearDB in bold, and both icons from the compiled-in SVGs (a missing
    // resource would give a null icon).
    AddonListPresentation shown;
    shown.setSourceModel(&model);
    QVERIFY(shown.index(1, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!shown.index(0, 0).data(Qt::FontRole).isValid());
    QVERIFY(!shown.index(1, 0).data(Qt::DecorationRole).value<QIcon>().pixmap(16).isNull());
    QVERIFY(!shown.index(0, 0).data(Qt::DecorationRole).value<QIcon>().pixmap(16).isNull());
    QCOMPARE(shown.index(1, 0).data().toString(), QStringLiteral("cleardb-cubic-1"));
    QVERIFY(
        model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("CLEARDB_DATABASE_URL")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestUiModels::configVarNamesShowOwnerInEitherOrder()
{
    const QList<HerokuAddon> addons = {addon(QStringLiteral("cleardb-cubic-1"), QStringLiteral("cleardb"),
                                             QStringLiteral("cleardb:ignite"),
                                             {QStringLiteral("CLEARDB_DATABASE_URL")})};
    const QStringList names = {QStringLiteral("RAILS_ENV"), QStringLiteral("CLEARDB_DATABASE_URL")};

    // Names first, add-ons later: the owner column fills in through dataChanged.
    ConfigVarNameModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNames(names);
    QCOMPARE(column(model, ConfigVarNameModel::NameColumn),
             QStringList({QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("RAILS_ENV")}));
    QCOMPARE(column(model, ConfigVarNameModel::ManagedByColumn), QStringList({QString(), QString()}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setAddons(addons);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(column(model, ConfigVarNameModel::ManagedByColumn),
             QStringList({QStringLiteral("cleardb-cubic-1"), QString()}));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("cleardb-cubic-1")));

    // Add-ons first, names later.
    ConfigVarNameModel other;
    QAbstractItemModelTester otherTester(&other, QAbstractItemModelTester::FailureReportingMode::QtTest);
    other.setAddons(addons);
    other.setNames(names);
    QCOMPARE(column(other, ConfigVarNameModel::ManagedByColumn),
             QStringList({QStringLiteral("cleardb-cubic-1"), QString()}));
    other.clear();
    QCOMPARE(other.rowCount(), 0);
    other.setNames(names); // clear() also forgot the add-ons
    QCOMPARE(column(other, ConfigVarNameModel::ManagedByColumn), QStringList({QString(), QString()}));
}

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
