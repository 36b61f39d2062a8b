// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/HerokuResources.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class HerokuClient;
class QLabel;
class QPushButton;
struct ConfigAssignmentOutcome;

// The Move wizard's last step, shown once the copy verified identical: point the app at the new
// database, then let go of the old one. Both reuse the console's own dialogs, so both keep their
// guards: "Assign to DATABASE_URL and restart…" opens ConfigAssignmentDialog (the masked old → new
// diff, the refusal to overwrite a var an add-on owns, the restart checkbox ticked for the user); once
// that is written, "Remove <add-on>…" opens RemoveAddonDialog (the app's name typed exactly).
//
//     panel->setUp(client, app, oldAddon, oldUrl, Secret(targetUrl));
//     connect(panel, &MoveFinishPanel::activity, wizard, &MoveWizard::activity);
//
// Either step can be skipped by closing the wizard; nothing is sent without the dialog's confirmation.
// Without a HerokuClient (not signed in) it says so and offers nothing.
class MoveFinishPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MoveFinishPanel(QWidget *parent = nullptr);

    void setUp(HerokuClient *client, const QString &app, const HerokuAddon &oldAddon,
               const std::optional<DatabaseUrl> &oldUrl, const Secret &targetUrl, const QString &targetLabel);

Q_SIGNALS:
    void activity(const QString &action, const QString &subject, const QString &outcome, bool failed,
                  qint64 durationMs);
    // The old add-on is gone: whatever shows its URL must let go of it.
    void oldAddonRemoved(const QString &app, const QString &addon);

private:
    void openAssign();
    void assigned(const ConfigAssignmentOutcome &outcome);
    void openRemove();

    QPointer<HerokuClient> m_client;
    QString m_app;
    HerokuAddon m_oldAddon;
    std::optional<DatabaseUrl> m_oldUrl;
    Secret m_targetUrl;
    QString m_targetLabel;
    QLabel *m_status;
    QPushButton *m_assign;
    QPushButton *m_remove;
};
