// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "heroku/ConfigAssignmentOutcome.h"
#include "heroku/ConfigAssignmentPlan.h"

#include <QDialog>

class ConfigAssignment;
class HerokuClient;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

// The confirmation step of Promote (the guide's step 3: CLEARDB_DATABASE_URL →
// DATABASE_URL) and of "Assign to DATABASE_URL…" (a built dedicated-cluster URL).
// It runs core's ConfigAssignment: shows "Checking…" while the config vars and
// add-ons load, then the masked old → new diff with a confirm button, or, when the
// target var belongs to an add-on attachment (Heroku Postgres), the refusal and no
// button to press. A checkbox asks for an explicit restart; the dialog says that
// Heroku restarts the dynos on any config change anyway.
//
//     auto *dialog = new ConfigAssignmentDialog(client, window);
//     connect(dialog, &ConfigAssignmentDialog::applied, bar, ...);
//     dialog->startPromote(app);      // or startAssign(app, Secret(url))
//     dialog->open();
//
// Test seam: every control has an objectName (targetVarEdit, assignmentDiff,
// assignmentStatus, restartCheck, confirmButton); tests click them like a user.
class ConfigAssignmentDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConfigAssignmentDialog(HerokuClient *client, QWidget *parent = nullptr);
    ~ConfigAssignmentDialog() override;

    void startPromote(const QString &app, const QString &sourceVar = QStringLiteral("CLEARDB_DATABASE_URL"),
                      const QString &targetVar = QStringLiteral("DATABASE_URL"));
    void startAssign(const QString &app, const Secret &value,
                     const QString &targetVar = QStringLiteral("DATABASE_URL"));
    const ConfigAssignmentPlan &plan() const { return m_plan; }
    // What happened, masked, in one or two sentences for a message bar.
    static QString outcomeText(const ConfigAssignmentOutcome &outcome);

Q_SIGNALS:
    // The PATCH went through (and the restart, when asked); the dialog then closes.
    void applied(const ConfigAssignmentOutcome &outcome);

private:
    void prepare();
    void fitHeight();
    void onPrepared(const ConfigAssignmentPlan &plan);
    void onConfirm();
    void onApplied(const ConfigAssignmentOutcome &outcome);

    ConfigAssignment *m_assignment;
    QString m_app;
    QString m_sourceVar; // empty when assigning a value
    Secret m_value;
    ConfigAssignmentPlan m_plan;
    QLabel *m_intro;
    QLineEdit *m_targetVar;
    QLabel *m_status;
    QLabel *m_diff;
    QCheckBox *m_restart;
    QLabel *m_error;
    QPushButton *m_confirm;
};
