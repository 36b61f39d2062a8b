// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuError.h"
#include "heroku/HerokuResources.h"

#include <QObject>
#include <QPointer>
#include <QString>

class AddonListModel;
class AppListModel;
class ConfigVarNameModel;
class HerokuClient;
class HerokuRequest;
struct HerokuResult;

// What the main window shows, fetched through the asynchronous HerokuClient and
// kept in three item models (and the account's teams, for the app list's filter): the account's apps, and the
// add-ons and config var names of the selected app. It owns the models and no widgets, so the window is only
// layout and the data flow can be tested without one.
//
//     AppCatalog catalog(&client);
//     connect(&catalog, &AppCatalog::failed, bar, ...);
//     catalog.refresh();           // account, rate limit, apps
//     catalog.selectApp("my-app"); // add-ons + config var names
//
// Selecting another app cancels the previous app's requests, so a slow answer
// for app A can never fill the panel after the user moved on to B; a second
// refresh() likewise cancels the first one's reads before sending its own. Config var
// values are dropped the moment they arrive: only names are kept.
class AppCatalog : public QObject
{
    Q_OBJECT
public:
    explicit AppCatalog(HerokuClient *client, QObject *parent = nullptr);

    AppListModel *apps() const { return m_apps; }
    AddonListModel *addons() const { return m_addons; }
    ConfigVarNameModel *configVars() const { return m_configVars; }
    // The teams the account belongs to (GET /teams), in the API's order; empty until loaded.
    const QList<HerokuTeam> &teams() const { return m_teams; }

    // Account, rate limit, teams and apps (and the selected app's details); cancels an earlier refresh's
    // reads.
    void refresh();
    void selectApp(const QString &name);
    // Cancels every read in flight; their answers change nothing (the session ending).
    void cancel();
    QString selectedApp() const { return m_selectedApp; }
    bool appsLoaded() const { return m_appsLoaded; }
    bool isBusy() const { return m_inFlight > 0; }

Q_SIGNALS:
    void accountChanged(const QString &email);
    void rateLimitChanged(int remaining);
    void appsChanged(int count);
    void teamsChanged();
    // The add-ons and config var names of `app` are both in their models.
    void detailsLoaded(const QString &app);
    void busyChanged(bool busy);
    // `what` says which view stays stale ("Could not load the app list").
    void failed(const QString &what, const HerokuError &error);

private:
    // Tracks the request for the busy indicator and hands its result to `handler`.
    template <typename Handler> HerokuRequest *track(HerokuRequest *request, Handler handler);
    static void cancelAll(const QList<QPointer<HerokuRequest>> &requests);
    void detailPartFinished();
    void onApps(const HerokuResult &result);

    HerokuClient *m_client;
    AppListModel *m_apps;
    AddonListModel *m_addons;
    ConfigVarNameModel *m_configVars;
    QList<HerokuTeam> m_teams;
    QPointer<HerokuRequest> m_accountRequest;
    QPointer<HerokuRequest> m_rateLimitRequest;
    QPointer<HerokuRequest> m_appsRequest;
    QPointer<HerokuRequest> m_teamsRequest;
    QPointer<HerokuRequest> m_addonsRequest;
    QPointer<HerokuRequest> m_varsRequest;
    QString m_selectedApp;
    int m_detailParts = 0; // answers still missing for the selected app
    int m_inFlight = 0;
    bool m_appsLoaded = false;
};
