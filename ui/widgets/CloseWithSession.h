// SPDX-License-Identifier: MIT
#pragma once

class ConsoleSession;
class QWidget;

// Closes `window` (a dialog about the session's account: its apps, add-ons, config) when `session`
// retires, i.e. when the user signs in again. Such a window sends through the session's client, which
// goes with the session; the next account's apps are not the ones it shows, so it closes rather than
// rebinding. Does nothing when `session` is null.
void closeWithSession(QWidget *window, ConsoleSession *session);
