// SPDX-License-Identifier: MIT
#pragma once

#include <QStackedWidget>

class MonitorEventModel;
class QTreeView;

// The monitor's event list, or, until the first event, a line saying what will appear there: an empty
// table would look broken, not quiet.
class MonitorEventList : public QStackedWidget
{
    Q_OBJECT
public:
    MonitorEventList(MonitorEventModel *events, QWidget *parent = nullptr);

private:
    void showWhatThereIs();

    MonitorEventModel *m_events;
    QTreeView *m_view;
};
