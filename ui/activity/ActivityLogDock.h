// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

class ActivityLogModel;
class QLabel;
class QTreeView;

// The activity log: a dock at the bottom of the main window listing every API call
// (ActivityLogModel) with its Request-Id, every backup and restore the console ran, and
// every error in plain words.
//
//     auto *dock = new ActivityLogDock(window);
//     window->addDockWidget(Qt::BottomDockWidgetArea, dock);
//     connect(client, &HerokuClient::exchanged, dock->model(), &ActivityLogModel::append);
//
// "Copy for support" (Ctrl+C in the table, or the button) puts the selected rows on the
// clipboard as plain lines with the Request-Id Heroku support asks for. Rows never hold a
// token (see ApiCallRecord), so the copy is not marked as a secret. The dock does not
// talk to the API itself.
class ActivityLogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ActivityLogDock(QWidget *parent = nullptr);

    ActivityLogModel *model() const { return m_model; }
    // The text "Copy for support" puts on the clipboard for the selected rows.
    QString selectedSupportText() const;
    void copySelection();

private:
    void updateEmptyState();

    ActivityLogModel *m_model;
    QTreeView *m_table;
    QLabel *m_empty;
    QLabel *m_lastError;
};
