// SPDX-License-Identifier: MIT
#include "connection/UsageFiguresView.h"

#include "connection/UsageGauge.h"
#include "usage/UsageReport.h"

#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>

UsageFiguresView::UsageFiguresView(QWidget *parent)
    : QWidget(parent), m_storage(new UsageGauge(tr("Storage"), QStringLiteral("usageStorage"), this)),
      m_connections(new UsageGauge(tr("Connections"), QStringLiteral("usageConnections"), this)),
      m_details(new QLabel(this)), m_findings(new QListWidget(this))
{
    m_details->setObjectName(QStringLiteral("usageDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findings->setObjectName(QStringLiteral("usageFindings"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setWordWrap(true);
    m_findings->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_storage);
    layout->addWidget(m_connections);
    layout->addWidget(m_details);
    layout->addWidget(m_findings);
}

void UsageFiguresView::clear()
{
    m_storage->clear();
    m_connections->clear();
    m_details->clear();
    m_findings->clear();
}

void UsageFiguresView::setReport(const UsageReport &r)
{
    const DatabaseUsage &u = r.usage();
    const std::optional<UsageFinding> storage = r.storage();
    m_storage->setFigures(r.storageText(), storage ? storage->percent : -1,
                          storage ? storage->level : UsageFinding::Level::Fine);
    const UsageFinding connections = r.connections();
    m_connections->setFigures(r.connectionsText(), r.connectionLimit() > 0 ? connections.percent : -1,
                              connections.level);
    QStringList details{tr("wait_timeout %1 s").arg(u.waitTimeoutSeconds)};
    if (r.clearDbRouter())
        details << tr("ClearDB's router closes idle connections after about %1 s")
                       .arg(UsageReport::RouterIdleSeconds);
    details << tr("server max_connections %1").arg(u.maxConnections)
            << tr("%1, read_only %2").arg(u.serverVersion, u.readOnly ? tr("ON") : tr("OFF"));
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_findings->clear();
    for (const UsageFinding &f : r.findings()) {
        const QStyle::StandardPixmap icon =
            f.level == UsageFinding::Level::Alert     ? QStyle::SP_MessageBoxCritical
            : f.level == UsageFinding::Level::Warning ? QStyle::SP_MessageBoxWarning
                                                      : QStyle::SP_MessageBoxInformation;
        auto *item = new QListWidgetItem(style()->standardIcon(icon), f.line, m_findings);
        item->setData(Qt::UserRole, int(f.level));
        item->setData(Qt::UserRole + 1, f.topic);
    }
}
