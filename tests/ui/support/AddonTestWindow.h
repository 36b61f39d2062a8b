// SPDX-License-Identifier: MIT
#pragma once

#include "SimHttp.h"
#include "SimProcess.h"
#include "session/ConsoleConnection.h"
#include "shell/MainWindow.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

// Helpers shared by the add-on workflow and activity log GUI tests: a MainWindow opened on
// a heroku-sim with one app selected, and lookups by objectName that fail the test loudly.
namespace AddonTestWindow {
inline ConsoleConnection connectionTo(const SimProcess &sim)
{
    ConsoleConnection connection;
    connection.endpoint = ApiEndpoint::fromSetting(sim.baseUrl());
    connection.token = Secret(sim.token());
    connection.credentialSource = QStringLiteral("from the test");
    return connection;
}

template <typename T> T *child(QObject *parent, const char *name)
{
    T *object = parent->findChild<T *>(QString::fromLatin1(name));
    if (!object)
        qFatal("no object named %s", name);
    return object;
}

// Opens `window` on `sim`, selects `app` and waits until its details are on screen.
inline bool openOnApp(MainWindow &window, const SimProcess &sim, const QString &app)
{
    QSignalSpy shown(&window, &MainWindow::appDetailsShown);
    window.setInitialApp(app);
    window.open(connectionTo(sim));
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    return shown.wait(10000) && shown.last().first().toString() == app;
}

// Row of the add-on named `addon` in the details panel's add-on table, -1 when absent.
inline int addonRow(QWidget *window, const QString &addon)
{
    const QAbstractItemModel *model = child<QTreeView>(window, "addonTable")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == addon)
            return row;
    }
    return -1;
}
// The names of `app`'s add-ons, and one of its config vars, as heroku-sim has them now.
inline QStringList addonNames(const SimProcess &sim, const QString &app)
{
    SimHttp http(sim);
    QStringList names;
    for (const QJsonValue &addon : http.get(QStringLiteral("/apps/%1/addons").arg(app)).json().array())
        names << addon.toObject().value(QLatin1String("name")).toString();
    return names;
}

inline QString configVar(const SimProcess &sim, const QString &app, const QString &var)
{
    SimHttp http(sim);
    return http.get(QStringLiteral("/apps/%1/config-vars").arg(app)).json().object().value(var).toString();
}
} // namespace AddonTestWindow
