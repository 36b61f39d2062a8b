// SPDX-License-Identifier: MIT
#pragma once

#include "HerokuResult.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

class HerokuClient;
class HerokuRequest;

// Creates an add-on and, when asked, waits until Heroku has provisioned it.
//
// Heroku provisions asynchronously: the create answers with state
// "provisioning", and the add-on turns "provisioned" (or "deprovisioned" when the
// provider fails) later. We poll the add-on until one of those or the timeout.
// The POST is sent exactly once: if its answer is lost we report that and let the
// user look, because a second POST would create a second, billed add-on.
// cancel() stops waiting only; it never deletes the add-on.
class AddonProvisioner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString app;
        QString plan = QStringLiteral("cleardb:ignite");
        QString name;      // optional add-on name
        bool wait = false; // poll until provisioned / deprovisioned
        int pollIntervalMs = 2000;
        int timeoutMs = 10 * 60 * 1000;
    };

    AddonProvisioner(HerokuClient *client, QObject *parent = nullptr);

    void start(const Options &options);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // The add-on object after each answer: "provisioning", then its final state.
    void stateChanged(const QJsonObject &addon);
    // ok(): the add-on exists and (with wait) is provisioned; data is its last object.
    void finished(const HerokuResult &result);

private:
    void onCreated(const HerokuResult &result);
    void poll();
    void onPolled(const HerokuResult &result);
    void finishWith(HerokuResult result);

    QPointer<HerokuClient> m_client; // the console's session may end while we wait
    Options m_options;
    QPointer<HerokuRequest> m_request;
    QTimer m_pollTimer;
    QElapsedTimer m_waited;
    QJsonObject m_addon;
    int m_requests = 0;
    int m_pollFailures = 0;
    bool m_running = false;
};
