// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/Secret.h"
#include "widgets/MessageBar.h"

#include <QWidget>

class CanaryConsent;
class FailoverMonitor;
class QLabel;
class QPushButton;
struct CanaryResult;

// The Monitor view's row for a dedicated cluster's two masters: which masters are watched beside the
// routed URL ("Watch masters…" opens MasterUrlsDialog; the URLs are held as Secrets and shown redacted),
// and "Measure replication lag", a toggle for the monitor's canary. Turning it on asks CanaryConsent
// first (the table, the database, the primary); only a yes gives the monitor consent and a schedule
// (every FailoverMonitor::kDefaultCanaryIntervalMs), a refusal writes nothing and turns the toggle off
// again. Turning it off, or the watch stopping, withdraws the consent. The toggle is enabled only while
// the user's watch runs with both masters. In the sandbox, the dialog offers the pair's masters: the
// routed URL with the primary's and the secondary's ports (read with `cluster.sh status` in the
// background). It never blocks: the canary runs in the monitor's thread.
//
//     auto *bar = new MastersBar(monitor, view);
//     bar->applyTo(monitor); monitor->start(); bar->setWatching(true);
class MastersBar : public QWidget
{
    Q_OBJECT
public:
    explicit MastersBar(FailoverMonitor *monitor, QWidget *parent = nullptr);

    // Empty secrets: no masters. Ignored while a watch runs (its targets are fixed).
    void setMasterUrls(const Secret &primary, const Secret &secondary);
    bool hasMasters() const { return !m_primary.isEmpty(); }
    // The routed URL being watched (for the sandbox pair's suggestion) and whether this is the sandbox.
    void setRoutedUrl(const Secret &routed) { m_routed = routed; }
    void setSandboxMode(bool sandbox) { m_sandbox = sandbox; }
    // Sets the primary and secondary targets on `monitor` (nothing without masters). MasterUrlsDialog,
    // the one way masters are chosen, accepts only URLs that parse.
    void applyTo(FailoverMonitor *monitor) const;
    void setWatching(bool watching);
    CanaryConsent *consent() const { return m_consent; }

Q_SIGNALS:
    void messageRequested(const QString &text, MessageBar::Type type);

private:
    void openDialog();
    void onLagToggled(bool on);
    void onGranted();
    void onMeasured(const CanaryResult &result);
    void updateState();

    FailoverMonitor *m_monitor;
    CanaryConsent *m_consent;
    Secret m_primary;
    Secret m_secondary;
    Secret m_routed;
    bool m_sandbox = false;
    QLabel *m_label;
    QPushButton *m_watchButton;
    QPushButton *m_lagButton;
    bool m_watching = false;
    QString m_lastLag;
};
