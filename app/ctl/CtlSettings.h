// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QProcessEnvironment>
#include <QString>

// cleardbctl's tunables from the environment, read once at start-up.
//
//   CLEARDBCTL_TIMEOUT_MS  per HTTP request, connect to last byte (default 30000). A slow
//                          network or CI may raise it; tests lower it to provoke a timeout.
//   CLEARDBCTL_POLL_MS     how often `provision --wait` asks for the add-on's state (default 2000).
//
// fromEnvironment() rejects non-numbers and values out of range with a message naming the
// variable, so a typo is a usage error instead of a silent default.
struct CtlSettings
{
    int timeoutMs = 30000;
    int pollIntervalMs = 2000;
    int provisionTimeoutMs = 10 * 60 * 1000;

    static Result<CtlSettings> fromEnvironment(const QProcessEnvironment &env);
    // The "Environment:" paragraph of `cleardbctl --help`.
    static QString helpText();
};
