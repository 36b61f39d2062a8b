// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"

#include <QObject>
#include <QPointer>
#include <QString>

class HerokuClient;
class HerokuRequest;

// Fetches the database URL of one Heroku app for the connection tab and the monitor: GET
// /apps/{app}/config-vars, then CLEARDB_DATABASE_URL (what the ClearDB add-on sets) or, failing that,
// DATABASE_URL (what the guide promotes it to). Only that one value is kept, as a Secret; every other
// config var value is dropped on arrival. Loading another app cancels the previous request, so a slow
// answer never fills the tab for the wrong app.
//
//     loader->setClient(client);
//     connect(loader, &AppDatabaseUrlLoader::loaded, tab, [](const QString &app, const QString &var,
//                                                             const Secret &url) { ... });
//     loader->load(QStringLiteral("my-app"));
class AppDatabaseUrlLoader : public QObject
{
    Q_OBJECT
public:
    explicit AppDatabaseUrlLoader(QObject *parent = nullptr);

    void setClient(HerokuClient *client);
    void load(const QString &app);
    void cancel();
    // The config var names tried, in order.
    static QStringList variableNames();

Q_SIGNALS:
    void loaded(const QString &app, const QString &variable, const Secret &url);
    // One line for the user: the app has no database URL, or the API call failed.
    void unavailable(const QString &app, const QString &message);

private:
    QPointer<HerokuClient> m_client;
    QPointer<HerokuRequest> m_request;
};
