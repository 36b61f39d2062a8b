// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class MainWindow;
class QWidget;

// --view NAME: once the window shows its apps (and --select-app's details), opens one view and gets
// it into a state worth looking at, for screenshots and for users who start straight in a view:
//  - details: nothing more;
//  - connection: tests $CLEARDB_DATABASE_URL (or the selected app's URL) and waits for the result;
//  - monitor: watches $CLEARDB_DATABASE_URL (or the app's URL) at 250 ms for 24 samples, then stops;
//  - drill: runs the failover drill on the sandbox cluster and waits for its result;
//  - shortcuts, about: opens that Help dialog.
//  - signin: opens the sign-in dialog (Account > Sign in…), as it first appears;
//  - move: selects the app's ClearDB add-on, opens the Move database wizard and, with
//    $CLEARDB_MOVE_TARGET_URL, enters it as the target and waits for the pre-flight's findings;
//  - usage: opens the Usage tab on $CLEARDB_DATABASE_URL (or the app's URL) and waits for the figures
//    and the app's plan;
//  - fleet: opens Account > Fleet… and waits until every row is in (its databases read).
// ready() names the widget to photograph (the window, or the dialog) and an error, if any.
class StartupView : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMonitorSamples = 24;

    StartupView(MainWindow *window, const QString &view, bool waitForDetails);

    QString view() const { return m_view; }
    // How long the view may take before the run gives up (the drill restarts a server).
    int timeoutMs() const { return m_view == QLatin1String("drill") ? 240000 : 60000; }

Q_SIGNALS:
    void ready(QWidget *target, const QString &error);

private:
    void maybeOpen();
    void open();
    void openConnection(const QString &url);
    void openMonitor(const QString &url);
    void openMove();
    void openUsage(const QString &url);
    void openFleet();
    void checkMoveTarget();
    void done(QWidget *target, const QString &error = {});

    MainWindow *m_window;
    QString m_view;
    bool m_appsShown = false;
    bool m_detailsShown;
    bool m_appSelected; // --select-app: the usage view waits for its plan too
    bool m_opened = false;
    bool m_done = false;
    QTimer m_urlWait;
};
