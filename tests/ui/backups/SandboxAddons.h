// SPDX-License-Identifier: MIT
#pragma once
// The backup and restore GUI tests' world: heroku-sim --sandbox-cluster, whose seeded ClearDB add-ons
// have real databases on the fixture cluster (sandbox-app-0001: ignite, the source with data;
// sandbox-app-0002: punch, empty), and the steps a user takes in the window: select the add-on, fill
// the file dialog, read the activity log.
#include "AddonTestWindow.h"
#include "SandboxTestEnv.h"
#include "SimHttp.h"
#include "TransferTestDb.h"
#include "UiTestHelpers.h"
#include "activity/ActivityLogDock.h"
#include "activity/ActivityLogModel.h"
#include "dburl/DatabaseUrl.h"

#include <QApplication>
#include <QFileDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QTreeView>
#include <QtTest>

namespace SandboxAddons {

inline const QString SourceApp = SimProcess::appName(0);
inline const QString TargetApp = SimProcess::appName(1);

// Data a user's app would have: utf8mb4, NULL and '', a trigger and a view (both with definers).
inline const QByteArray SourceSchema =
    "CREATE TABLE items (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100), price DECIMAL(10,2)) "
    "DEFAULT CHARSET=utf8mb4;"
    "INSERT INTO items (name, price) VALUES ('anvil', 19.99), ('Smörgåsbord ✓', 0.50), ('', NULL);"
    "CREATE TABLE audit (id INT PRIMARY KEY AUTO_INCREMENT, item INT);"
    "CREATE TRIGGER items_audit AFTER INSERT ON items FOR EACH ROW INSERT INTO audit (item) VALUES (NEW.id);"
    "CREATE VIEW cheap AS SELECT name FROM items WHERE price < 1;";
inline const QByteArray ItemsQuery = "SELECT id, name, IFNULL(price, 'NULL') FROM items ORDER BY id;";

inline DatabaseEndpoint endpointOf(const QString &url)
{
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(url);
    if (!parsed.ok())
        qFatal("not a URL: %s", qPrintable(parsed.error.message));
    return DatabaseEndpoint::fromUrl(parsed.url).value();
}

struct World
{
    SimProcess sim;
    DatabaseEndpoint source;
    DatabaseEndpoint target;

    // Starts the simulator, waits for the seeded databases and fills the source. QVERIFY-style: call
    // through QVERIFY(world.start()) from initTestCase.
    bool start()
    {
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        const SandboxStatus status = SandboxTestEnv::status();
        if (!status.isRunning()) {
            qWarning("the mariadb_cluster fixture is not running");
            return false;
        }
        // --log: SimRequestLog counts what was sent (one PATCH, one restart).
        if (!sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--sandbox-cluster"),
                        SandboxTestEnv::dir(), QStringLiteral("--log")})) {
            qWarning("%s", qPrintable(sim.errorString()));
            return false;
        }
        // Seeded add-ons get their real databases in the background: the URLs then name the routed port.
        const QString routed = QStringLiteral("@127.0.0.1:%1/").arg(status.routedPort);
        const auto url = [this](const QString &app) {
            return AddonTestWindow::configVar(sim, app, QStringLiteral("CLEARDB_DATABASE_URL"));
        };
        if (!QTest::qWaitFor(
                [&] { return url(SourceApp).contains(routed) && url(TargetApp).contains(routed); }, 30000))
            return false;
        source = endpointOf(url(SourceApp));
        target = endpointOf(url(TargetApp));
        const TransferTestDb::SqlRun seeded = TransferTestDb::sql(source, SourceSchema);
        if (seeded.exitCode != 0) {
            qWarning("seeding failed: %s", seeded.err.constData());
            return false;
        }
        return source.database != target.database && TransferTestDb::rows(source, ItemsQuery).size() == 3 &&
               TransferTestDb::rows(target, "SHOW TABLES;").isEmpty();
    }

    QString clearDbAddon(const QString &app)
    {
        SimHttp http(sim);
        for (const QJsonValue &addon : http.get(QStringLiteral("/apps/%1/addons").arg(app)).json().array()) {
            const QJsonObject object = addon.toObject();
            if (object.value(QLatin1String("addon_service"))
                    .toObject()
                    .value(QLatin1String("name"))
                    .toString() == QLatin1String("cleardb"))
                return object.value(QLatin1String("name")).toString();
        }
        return {};
    }

    // Opens the window on `app` and selects its ClearDB add-on, as a click in the add-on table does;
    // true once the card holds the URL, so Back up… and Restore… are enabled (and not before).
    bool selectClearDb(MainWindow &window, const QString &app)
    {
        if (!AddonTestWindow::openOnApp(window, sim, app))
            return false;
        auto *backup = UiTest::child<QAction>(&window, "backupAction");
        auto *restore = UiTest::child<QAction>(&window, "restoreAction");
        if (backup->isEnabled() || restore->isEnabled())
            return false; // nothing selected yet: nothing to back up
        auto *table = UiTest::child<QTreeView>(&window, "addonTable");
        const int row = AddonTestWindow::addonRow(&window, clearDbAddon(app));
        if (row < 0)
            return false;
        table->setCurrentIndex(table->model()->index(row, 0));
        return QTest::qWaitFor([&] { return backup->isEnabled() && restore->isEnabled(); }, 10000);
    }
};

// The file dialog that just opened, filled in with `path` and accepted (Enter in the name field).
inline QFileDialog *chooseFile(MainWindow &window, const QString &path)
{
    QFileDialog *picker = UiTest::openedDialog<QFileDialog>(&window);
    if (!picker)
        return nullptr;
    auto *name = picker->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    if (!name)
        return nullptr;
    name->setText(path);
    QTest::keyClick(name, Qt::Key_Return);
    return picker;
}

// The activity log's backup and restore rows, as "Copy for support" puts them.
inline QStringList activityLines(MainWindow &window)
{
    const ActivityLogModel *model = window.findChild<ActivityLogDock *>()->model();
    QStringList lines;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->isAction(row))
            lines << model->supportText(row);
    }
    return lines;
}

} // namespace SandboxAddons
