// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class AddonListModel;
class ConfigVarNameModel;
class QAction;
class QLabel;
class QStackedWidget;
class QTreeView;

// The right pane: for the selected app, its add-ons (name, plan, state) and the
// names of its config vars with the add-on that manages each. Values are not
// shown in this window, by design: see ConfigVarNameModel.
//
// It shows a hint until an app is selected, "Loading…" until both lists have
// arrived, and a sentence instead of an empty table when an app has no add-ons
// or no config vars. It only displays models; AppCatalog fills them.
class AppDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AppDetailsPanel(QWidget *parent = nullptr);

    void setModels(AddonListModel *addons, ConfigVarNameModel *configVars);
    void showLoading(const QString &app);
    void showLoaded(const QString &app);
    void showNothingSelected();
    // A widget shown under the add-on table (the ClearDB add-on card); the panel owns it.
    void setAddonCard(QWidget *card);
    // The add-on table's context menu (right-click a row: it is selected, then the menu opens).
    void setAddonActions(const QList<QAction *> &actions);
    // Selects the add-on row named `addon`; false when the table has no such row.
    bool selectAddon(const QString &addon);
    QString currentAddon() const;

Q_SIGNALS:
    void currentAddonChanged(const QString &addon);

private:
    QTreeView *createTable(const QString &objectName, const QString &accessibleName);
    QLabel *createEmptyLabel(const QString &objectName, const QString &text);
    void updateEmptyStates();

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_status;
    QTreeView *m_addonTable;
    QLabel *m_addonsEmpty;
    QTreeView *m_configVarTable;
    QLabel *m_configVarsEmpty;
    AddonListModel *m_addons = nullptr;
    ConfigVarNameModel *m_configVars = nullptr;
    bool m_loaded = false;
};
