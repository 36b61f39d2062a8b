// SPDX-License-Identifier: MIT
// AppCatalog against the real heroku-sim: the data behind the main window, its
// busy state, stale-answer handling and errors.
#include "SimProcess.h"
#include "heroku/HerokuClient.h"
#include "session/AddonListModel.h"
#include "session/AppCatalog.h"
#include "session/AppFilterModel.h"
#include "session/AppListModel.h"
#include "session/ConfigVarNameModel.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

namespace {
// Every string any role of any cell holds, to prove config var values never get in.
QStringList allText(const QAbstractItemModel &model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role :
                 {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole), Qt::UserRole + 1})
                texts << model.index(row, column).data(role).toString();
        }
    }
    return texts;
}
} // namespace

class TestAppCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsAccountRateLimitAndApps();
    void selectedAppShowsAddonsAndVarNamesOnly();
    void switchingAppsDropsTheStaleAnswer();
    void twoRefreshesInARowAnswerOnce();
    void errorsAreReportedNotSwallowed();
    void teamsAndTheTeamFilter();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
    HerokuClient *m_client = nullptr;
    AppCatalog *m_catalog = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestAppCatalog::initTestCase()
{
    qRegisterMetaType<HerokuError>();
    // The third app's add-ons answer late, so a stale answer would land after the fresh one.
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("5"), QStringLiteral("--rate-limit"),
                          QStringLiteral("1000"), QStringLiteral("--faults"),
                          QStringLiteral("GET /apps/%1/addons=slow:400").arg(SimProcess::appName(2))}),
             qPrintable(m_sim.errorString()));
}

void TestAppCatalog::init()
{
    m_client = new HerokuClient(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()));
    m_client->setToken(m_sim.token());
    m_catalog = new AppCatalog(m_client);
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    m_testers = {new QAbstractItemModelTester(m_catalog->apps(), mode),
                 new QAbstractItemModelTester(m_catalog->addons(), mode),
                 new QAbstractItemModelTester(m_catalog->configVars(), mode)};
}

void TestAppCatalog::cleanup()
{
    qDeleteAll(m_testers);
    delete m_catalog;
    delete m_client;
}

void TestAppCatalog::loadsAccountRateLimitAndApps()
{
    QSignalSpy apps(m_catalog, &AppCatalog::appsChanged);
    QSignalSpy account(m_catalog, &AppCatalog::accountChanged);
    QSignalSpy rateLimit(m_catalog, &AppCatalog::rateLimitChanged);
    QSignalSpy busy(m_catalog, &AppCatalog::busyChanged);
    m_catalog->refresh();
    QVERIFY(m_catalog->isBusy());
    QVERIFY(apps.wait(10000));
    QCOMPARE(apps.first().first().toInt(), 5);
    QCOMPARE(m_catalog->apps()->rowCount(), 5);
    QVERIFY(m_catalog->apps()->rowOf(SimProcess::appName(0)) >= 0);
    QTRY_VERIFY(!m_catalog->isBusy());
    QCOMPARE(busy.first().first().toBool(), true);
    QCOMPARE(busy.last().first().toBool(), false);
    QCOMPARE(account.count(), 1);
    QVERIFY(account.first().first().toString().contains(QLatin1Char('@')));
    // The sim was started with a budget of 1000 calls; what we show comes from it.
    QVERIFY(rateLimit.count() >= 1);
    const int remaining = rateLimit.last().first().toInt();
    QVERIFY2(remaining > 900 && remaining <= 1000, qPrintable(QString::number(remaining)));
}

void TestAppCatalog::selectedAppShowsAddonsAndVarNamesOnly()
{
    const QString app = SimProcess::appName(0); // seeded with a ClearDB ignite add-on
    QSignalSpy details(m_catalog, &AppCatalog::detailsLoaded);
    m_catalog->selectApp(app);
    QVERIFY(details.wait(10000));
    QCOMPARE(details.first().first().toString(), app);

    const QList<HerokuAddon> &addons = m_catalog->addons()->addons();
    auto clearDb =
        std::find_if(addons.cbegin(), addons.cend(), [](const HerokuAddon &a) { return a.isClearDb(); });
    QVERIFY(clearDb != addons.cend());
    QCOMPARE(clearDb->planName, QStringLiteral("cleardb:ignite"));
    QCOMPARE(clearDb->state, QStringLiteral("provisioned"));

    const ConfigVarNameModel *vars = m_catalog->configVars();
    const int row = int(vars->names().indexOf(QStringLiteral("CLEARDB_DATABASE_URL")));
    QVERIFY(row >= 0);
    QCOMPARE(vars->index(row, ConfigVarNameModel::ManagedByColumn).data().toString(), clearDb->name);
    const QString everything =
        allText(*vars).join(QLatin1Char(' ')) + allText(*m_catalog->addons()).join(QLatin1Char(' '));
    QVERIFY2(!everything.contains(QStringLiteral("mysql://")), "a config var value reached a model");
}

void TestAppCatalog::switchingAppsDropsTheStaleAnswer()
{
    const QString first = SimProcess::appName(2); // its add-ons come 400 ms late
    const QString second = SimProcess::appName(1);
    QSignalSpy details(m_catalog, &AppCatalog::detailsLoaded);
    m_catalog->selectApp(first);
    m_catalog->selectApp(second); // before the first app's answers arrive
    QVERIFY(details.wait(10000));
    QTRY_VERIFY(!m_catalog->isBusy());
    QTest::qWait(600); // past the moment the slow, stale answer would have landed
    QCOMPARE(details.count(), 1);
    QCOMPARE(details.first().first().toString(), second);
    QVERIFY(!m_catalog->addons()->addons().isEmpty());
    for (const HerokuAddon &addon : m_catalog->addons()->addons())
        QCOMPARE(addon.appName, second);
}

void TestAppCatalog::twoRefreshesInARowAnswerOnce()
{
    QSignalSpy apps(m_catalog, &AppCatalog::appsChanged);
    QSignalSpy account(m_catalog, &AppCatalog::accountChanged);
    QSignalSpy busy(m_catalog, &AppCatalog::busyChanged);
    m_catalog->refresh();
    m_catalog->refresh(); // F5 twice: the second reload replaces the first
    QVERIFY(apps.wait(10000));
    QTRY_VERIFY(!m_catalog->isBusy());
    QTest::qWait(300); // past the moment a second answer of the first reload would land
    QCOMPARE(apps.count(), 1);
    QCOMPARE(account.count(), 1);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.first().first().toBool(), true);
    QCOMPARE(busy.last().first().toBool(), false);
}

void TestAppCatalog::errorsAreReportedNotSwallowed()
{
    QSignalSpy failed(m_catalog, &AppCatalog::failed);
    m_catalog->selectApp(QStringLiteral("no-such-app"));
    QVERIFY(failed.wait(10000));
    QTRY_VERIFY(!m_catalog->isBusy());
    QCOMPARE(failed.count(), 2); // add-ons and config vars, each said once
    for (const QList<QVariant> &signal : std::as_const(failed)) {
        QVERIFY(signal.first().toString().endsWith(QStringLiteral(" of no-such-app")));
        QCOMPARE(signal.at(1).value<HerokuError>().httpStatus, 404);
    }

    m_client->setToken(QStringLiteral("wrong-token"));
    failed.clear();
    m_catalog->selectApp(QString());
    m_catalog->refresh();
    QTRY_VERIFY(!m_catalog->isBusy());
    QStringList what;
    for (const QList<QVariant> &signal : std::as_const(failed))
        what << signal.first().toString();
    QVERIFY2(what.contains(QStringLiteral("Could not load the app list")),
             qPrintable(what.join(QLatin1Char('|'))));
    QVERIFY(!m_catalog->appsLoaded());
    QCOMPARE(m_catalog->apps()->rowCount(), 0);
}

void TestAppCatalog::teamsAndTheTeamFilter()
{
    // Three personal apps and two of the team acme-data, which the sim's account administers.
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--team-apps"),
                        QStringLiteral("2")}),
             qPrintable(sim.errorString()));
    HerokuClient client(&m_network, ApiEndpoint::fromSetting(sim.baseUrl()));
    client.setToken(sim.token());
    AppCatalog catalog(&client);
    QSignalSpy teams(&catalog, &AppCatalog::teamsChanged);
    QSignalSpy failed(&catalog, &AppCatalog::failed);
    catalog.refresh();
    QTRY_VERIFY(!catalog.isBusy());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(teams.count(), 1);
    QCOMPARE(catalog.teams().size(), 1);
    QCOMPARE(catalog.teams().first().name, QStringLiteral("acme-data"));
    QCOMPARE(catalog.apps()->rowCount(), 5); // premise: the team's apps are in GET /apps

    AppFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(catalog.apps());
    const auto shown = [&filter] {
        QStringList names;
        for (int row = 0; row < filter.rowCount(); ++row)
            names << filter.index(row, AppListModel::NameColumn).data(AppListModel::AppNameRole).toString();
        names.sort();
        return names;
    };
    QCOMPARE(filter.rowCount(), 5);
    filter.setTeamScope(AppFilterModel::TeamApps, QStringLiteral("acme-data"));
    QCOMPARE(shown(),
             (QStringList{QStringLiteral("acme-data-app-0001"), QStringLiteral("acme-data-app-0002")}));
    filter.setNameFilter(QStringLiteral("0002"));
    QCOMPARE(shown(), QStringList{QStringLiteral("acme-data-app-0002")});
    filter.setTeamScope(AppFilterModel::PersonalApps);
    QCOMPARE(shown(), QStringList{SimProcess::appName(1)});
    filter.setNameFilter(QString());
    QCOMPARE(filter.rowCount(), 3);
    for (const QString &name : shown())
        QVERIFY2(!name.startsWith(QStringLiteral("acme-data")), qPrintable(name));
    filter.setTeamScope(AppFilterModel::TeamApps, QStringLiteral("no-such-team"));
    QCOMPARE(filter.rowCount(), 0);
    filter.setTeamScope(AppFilterModel::AllApps);
    QCOMPARE(filter.rowCount(), 5);
    // A reload under the filter keeps the model contract (the tester watches the reset).
    filter.setTeamScope(AppFilterModel::TeamApps, QStringLiteral("acme-data"));
    catalog.refresh();
    QTRY_VERIFY(!catalog.isBusy());
    QCOMPARE(filter.rowCount(), 2);
}

QTEST_MAIN(TestAppCatalog)
#include "tst_appcatalog.moc"
