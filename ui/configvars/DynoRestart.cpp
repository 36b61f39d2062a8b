// SPDX-License-Identifier: MIT
#include "configvars/DynoRestart.h"

#include "heroku/HerokuClient.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/MessageBar.h"

#include <QPointer>

void DynoRestart::confirm(HerokuClient *client, const QString &app, QWidget *parent, MessageBar *bar)
{
    if (!client || app.isEmpty())
        return;
    auto *ask = new ConfirmationDialog(QObject::tr("Restart all dynos of %1?").arg(app), parent);
    ask->setWindowTitle(QObject::tr("Restart dynos"));
    ask->setNote(QObject::tr("Every dyno stops and starts again; requests in flight may fail. Heroku already "
                             "restarts the dynos by itself after a config change."));
    ask->setConfirmText(QObject::tr("&Restart"));
    // The client may be replaced (a new sign-in) while the question is open: then nothing is sent.
    QObject::connect(ask, &ConfirmationDialog::confirmed, bar,
                     [client = QPointer<HerokuClient>(client), app, bar] {
                         if (client)
                             send(client, app, bar);
                     });
    ask->open();
}

void DynoRestart::send(HerokuClient *client, const QString &app, MessageBar *bar)
{
    if (!client || app.isEmpty())
        return;
    bar->showMessage(QObject::tr("Restarting all dynos of %1…").arg(app), MessageBar::Information);
    QObject::connect(
        client->restartAllDynos(app), &HerokuRequest::finished, bar, [app, bar](const HerokuResult &result) {
            // A lost answer may hide a restart that happened; the DELETE is never resent.
            if (!result.ok())
                return bar->showMessage(
                    (result.error.outcomeUnknown
                         ? QObject::tr("The dynos of %1 may or may not have restarted: %2")
                         : QObject::tr("Could not restart the dynos of %1: %2"))
                        .arg(app, result.error.oneLine()),
                    MessageBar::Error);
            bar->showMessage(QObject::tr("Restarted all dynos of %1.").arg(app), MessageBar::Positive);
        });
}
