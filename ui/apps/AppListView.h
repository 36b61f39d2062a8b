// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class AppFilterModel;
class AppListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

// The left pane: a filter box and an owner choice ("All apps", "Personal apps",
// "Team: X" for each team of setTeams()) over the account's apps, sorted by name. Built for
// accounts with thousands of apps: a QTreeView with uniform row heights (so
// layout is O(visible rows)), fixed-width columns (no ResizeToContents pass over
// every row), and an AppFilterModel that filters in memory. Nothing is persisted.
//
// When there is nothing to list it says why and what to do (still loading, no
// apps on the account, nothing matches the filter) instead of an empty grid.
// It emits currentAppChanged() with the app name, and firstAppsPainted() once,
// after the first paint that shows apps, for the start-up benchmark.
class AppListView : public QWidget
{
    Q_OBJECT
public:
    explicit AppListView(QWidget *parent = nullptr);

    void setModel(AppListModel *model);
    // The account's team names for the owner choice; a chosen team that is gone falls back to all apps.
    void setTeams(const QStringList &teams);
    // Shown in place of the list until the first answer arrives.
    void setLoadingText(const QString &text);
    // Re-selects `name` after the list was reloaded, if it is still there.
    void selectApp(const QString &name);
    QString currentApp() const;
    // Puts the cursor in the filter box, its text selected (Ctrl+F).
    void focusFilter();
    // Wide enough for the longest name Heroku allows (30 characters) beside the region and date.
    QSize sizeHint() const override;

Q_SIGNALS:
    void currentAppChanged(const QString &name);
    void firstAppsPainted(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void onScopeChosen();
    void onCurrentChanged();

    QPointer<AppListModel> m_model; // goes with its session when the user signs in again
    AppFilterModel *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_scope;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    QLabel *m_empty;
    QString m_loadingText;
    QString m_current;
    bool m_loaded = false;
    bool m_paintReported = false;
};
