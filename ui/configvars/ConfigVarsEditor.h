// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>

class ConfigVarTableModel;
class HerokuClient;
class HerokuRequest;
class MessageBar;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
struct ConfigAssignmentOutcome;
struct HerokuResult;

// The config vars editor of one app: a table of every var with its
// value masked (ConfigVarMasker, the CLI's rules), one row revealed at a time and
// masked again when the table loses focus, the row changes or after
// revealTimeoutMs(); Copy puts the real value on the clipboard as a secret.
//
// Add, Edit and Unset only stage changes (shown in italics). "Review and send…"
// previews the exact change, masked, and sends all staged changes in one PATCH
// /config-vars (Heroku then makes a new release and restarts the dynos; a checkbox
// asks for an explicit restart as well). Vars owned by an add-on attachment are
// read-only and the editor says why. Promote… and Restart… act on the same app.
//
//     auto *editor = new ConfigVarsEditor(client, app, window);
//     editor->show();    // loads the vars and add-ons right away
//
// Errors appear in the editor's own MessageBar, never in a modal box.
class ConfigVarsEditor : public QDialog
{
    Q_OBJECT
public:
    ConfigVarsEditor(HerokuClient *client, const QString &app, QWidget *parent = nullptr);

    ConfigVarTableModel *model() const { return m_model; }
    QString app() const { return m_app; }
    void reload();
    void setRevealTimeout(int milliseconds) { m_revealTimeoutMs = milliseconds; }
    int revealTimeoutMs() const { return m_revealTimeoutMs; }

Q_SIGNALS:
    // Config vars of app() changed on Heroku (a PATCH or a promote went through).
    void configChanged(const QString &app);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPushButton *addButton(const QString &text, const QString &objectName, const QKeySequence &shortcut);
    QString currentName() const;
    void updateButtons();
    void onLoaded();
    void toggleReveal();
    void mask();
    void copyValue();
    void addVar();
    void editVar();
    void unsetVar();
    void review();
    void send(bool restart);
    void onSent(const HerokuResult &result, int changes, bool restart);
    void promote();
    void confirmRestart();
    void restart();

    QPointer<HerokuClient> m_client; // goes with its session; the dialog closes first
    QString m_app;
    ConfigVarTableModel *m_model;
    MessageBar *m_messageBar;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_empty;
    QLabel *m_readOnly;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_unset;
    QPushButton *m_reveal;
    QPushButton *m_copy;
    QPushButton *m_send;
    QPushButton *m_discard;
    QPushButton *m_promote;
    QPushButton *m_restart;
    QPointer<HerokuRequest> m_varsRequest;
    QPointer<HerokuRequest> m_addonsRequest;
    int m_pending = 0;
    bool m_sending = false;
    quint64 m_revealGeneration = 0;
    int m_revealTimeoutMs = 20000;
};
