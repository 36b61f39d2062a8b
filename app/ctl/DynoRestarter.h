// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "heroku/HerokuError.h"

class CommandContext;
class QObject;

// The last step of `restart` and of `set/unset/promote --restart`: DELETE
// /apps/{app}/dynos (Heroku's "restart all dynos"), then end the command with its
// verdict. Human output only; with --json the command has already printed its object.
namespace DynoRestarter {
void restart(CommandContext *context, const QString &app, QObject *receiver);
// The error to show for a failed restart: a lost answer says how to see whether the
// dynos restarted, since the DELETE is never sent a second time behind the user's back.
HerokuError failure(const QString &app, const HerokuError &error);
} // namespace DynoRestarter
