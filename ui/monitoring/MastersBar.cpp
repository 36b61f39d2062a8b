// SPDX-License-Identifier: MIT
#include "monitoring/MastersBar.h"

#include "credentials/SecretRedactor.h"
#include "dburl/DatabaseUrl.h"
#include "monitor/FailoverMonitor.h"
#include "monitoring/CanaryConsent.h"
#include "monitoring/MasterUrlsDialog.h"
#include "probe/UrlProbeTarget.h"
#include "sandbox/SandboxCluster.h"
#include "widgets/ConfirmationDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

MastersBar::MastersBar(FailoverMonitor *monitor, QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_consent(new CanaryConsent(this)), m_label(new QLabel(this)),
      m_watchButton(new QPushButton(tr("&Watch masters…"), this)),
      m_lagButton(new QPushButton(tr("Measure replication la&g"), this))
{
    setObjectName(QStringLiteral("mastersBar"));
    m_label->setObjectName(QStringLiteral("monitorMasters"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_watchButton->setObjectName(QStringLiteral("watchMastersButton"));
    m_watchButton->setToolTip(
        tr("Give a dedicated cluster's two masters' URLs to watch each beside the routed "
           "URL"));
    m_lagButton->setObjectName(QStringLiteral("measureLagButton"));
    m_lagButton->setCheckable(true);
    connect(m_watchButton, &QPushButton::clicked, this, &MastersBar::openDialog);
    connect(m_lagButton, &QPushButton::toggled, this, &MastersBar::onLagToggled);
    connect(m_consent, &CanaryConsent::granted, this, &MastersBar::onGranted);
    connect(m_consent, &CanaryConsent::refused, this, [this] {
        if (!m_lagButton->isChecked())
            return; // turned off meanwhile
        const QSignalBlocker blocker(m_lagButton);
        m_lagButton->setChecked(false);
        Q_EMIT messageRequested(
            tr("Nothing was written: replication lag is measured only with your consent."),
            MessageBar::Information);
    });
    connect(m_monitor, &FailoverMonitor::canaryMeasured, this, &MastersBar::onMeasured);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_watchButton);
    layout->addWidget(m_lagButton);
    updateState();
}

void MastersBar::setMasterUrls(const Secret &primary, const Secret &secondary)
{
    if (m_watching)
        return;
    m_primary = primary;
    m_secondary = secondary;
    m_lastLag.clear();
    updateState();
}

void MastersBar::applyTo(FailoverMonitor *monitor) const
{
    if (!hasMasters())
        return;
    for (const auto &[url, role] : {std::pair{&m_primary, FailoverDetector::primaryTarget()},
                                    std::pair{&m_secondary, FailoverDetector::secondaryTarget()}}) {
        const ProbeTarget target = UrlProbeTarget::fromText(url->reveal(), role).valueOr(ProbeTarget());
        SecretRedactor::registerSecret(target.password);
        monitor->setTarget(role, target);
    }
}

void MastersBar::setWatching(bool watching)
{
    m_watching = watching;
    if (!watching)
        m_lagButton->setChecked(false);
    updateState();
}

void MastersBar::openDialog()
{
    auto *dialog = new MasterUrlsDialog(m_primary, m_secondary, this);
    connect(dialog, &MasterUrlsDialog::mastersChosen, this, &MastersBar::setMasterUrls);
    dialog->open();
    const QString script = SandboxCluster::locateScript();
    const DatabaseUrl::ParseResult routed = DatabaseUrl::parse(m_routed.reveal());
    if (!m_sandbox || script.isEmpty() || !routed.ok())
        return;
    // The dialog owns the status query: closing it drops the answer.
    auto *cluster = new SandboxCluster(script, SandboxCluster::sandboxDir(), 0, dialog);
    connect(cluster, &SandboxCluster::statusRefreshed, dialog,
            [dialog, url = routed.url](const SandboxResult &result) {
                if (!result.ok() || result.status.primaryPort == 0 ||
                    result.status.port(SandboxStatus::Endpoint::Routed) != url.port())
                    return; // not the sandbox pair's routed URL: nothing to suggest
                DatabaseUrl primary = url;
                primary.setPort(result.status.primaryPort);
                DatabaseUrl secondary = url;
                secondary.setPort(result.status.secondaryPort);
                dialog->suggest(Secret(primary.toString()), Secret(secondary.toString()),
                                tr("Use the sandbox pair's masters"));
            });
    cluster->refreshStatus();
}

void MastersBar::onLagToggled(bool on)
{
    if (!on) {
        // Withdrawn: no further rows are written (one already sent still reports).
        m_monitor->setCanaryConsent(false);
        m_monitor->setCanaryIntervalMs(0);
        if (m_consent->dialog())
            m_consent->dialog()->close();
        updateState();
        return;
    }
    const ProbeTarget primary = UrlProbeTarget::fromText(m_primary.reveal()).valueOr(ProbeTarget());
    m_consent->ask(window(), primary);
}

void MastersBar::onGranted()
{
    if (!m_lagButton->isChecked() || !m_watching)
        return;
    const ProbeTarget primary = UrlProbeTarget::fromText(m_primary.reveal()).valueOr(ProbeTarget());
    Q_EMIT messageRequested(
        tr("Measuring replication lag every %1 s: one row at a time in table %2 of database "
           "%3, deleted again once the secondary has it.")
            .arg(FailoverMonitor::kDefaultCanaryIntervalMs / 1000)
            .arg(CanaryWorker::tableName(), primary.database),
        MessageBar::Information);
    m_monitor->setCanaryIntervalMs(FailoverMonitor::kDefaultCanaryIntervalMs);
    m_monitor->setCanaryConsent(true);
    updateState();
}

void MastersBar::onMeasured(const CanaryResult &result)
{
    m_lastLag = result.ok ? tr("replication lag %1 ms").arg(result.lagMs, 0, 'f', 1)
                          : tr("replication lag not measured");
    if (!result.ok)
        Q_EMIT messageRequested(tr("Replication lag not measured: %1").arg(result.error.toString()),
                                MessageBar::Warning);
    updateState();
}

void MastersBar::updateState()
{
    if (!hasMasters()) {
        m_label->setText(tr("Masters: not watched (only the routed URL)."));
    } else {
        const auto redacted = [](const Secret &url) {
            return UrlProbeTarget::fromText(url.reveal()).valueOr(ProbeTarget()).redacted();
        };
        QString text =
            tr("Masters: primary %1, secondary %2").arg(redacted(m_primary), redacted(m_secondary));
        if (!m_lastLag.isEmpty())
            text += QStringLiteral("; ") + m_lastLag;
        m_label->setText(text);
    }
    m_watchButton->setEnabled(!m_watching);
    m_lagButton->setEnabled(m_watching && hasMasters());
    m_lagButton->setToolTip(
        !hasMasters()
            ? tr("Needs both masters' URLs (Watch masters…): the routed URL cannot tell them apart.")
        : !m_watching ? tr("Start the monitor first.")
                      : tr("Writes a row to table %1 through the primary and times its arrival on the "
                           "secondary; asks before the first write.")
                            .arg(CanaryWorker::tableName()));
}
