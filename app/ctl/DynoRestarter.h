// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class CommandContext;
class QObject;

// The last step of `restart` and of `set/unset/promote --restart`: DELETE
// /apps/{app}/dynos (Heroku's "restart all dynos"), then end the command with its
// verdict. Human output only; with --json the command has already printed its object.
namespace DynoRestarter {
void restart(CommandContext *context, const QString &app, QObject *receiver);
}
