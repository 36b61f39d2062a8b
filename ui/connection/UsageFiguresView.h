// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class UsageGauge;
class UsageReport;

// The Usage tab's figures for one report: the storage and connections gauges, a line of the server's
// settings (wait_timeout, the router's idle kill on ClearDB, max_connections, version, read_only) and
// the findings, most urgent first, each with its level's icon (Qt::UserRole: the level, UserRole + 1:
// the topic).
class UsageFiguresView : public QWidget
{
    Q_OBJECT
public:
    explicit UsageFiguresView(QWidget *parent = nullptr);

    void setReport(const UsageReport &report);
    void clear();

private:
    UsageGauge *m_storage;
    UsageGauge *m_connections;
    QLabel *m_details;
    QListWidget *m_findings;
};
