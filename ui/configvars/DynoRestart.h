// SPDX-License-Identifier: MIT
#pragma once

class HerokuClient;
class MessageBar;
class QString;
class QWidget;

// Restarting all dynos of an app, the one way the console does it: the config vars editor's Restart
// button and the main window's App ▸ Restart dynos both come here, so the question asked, the single
// DELETE /apps/{app}/dynos and the words reported are the same from either place.
//
//     DynoRestart::confirm(client, "my-app", window, messageBar);   // asks, then send()
//     DynoRestart::send(client, "my-app", messageBar);              // already confirmed
//
// The DELETE is sent once and never retried (a lost answer is reported as "may or may not have
// restarted"). The outcome goes to `bar`; nothing is reported once the bar is gone.
namespace DynoRestart {
void confirm(HerokuClient *client, const QString &app, QWidget *parent, MessageBar *bar);
void send(HerokuClient *client, const QString &app, MessageBar *bar);
} // namespace DynoRestart
