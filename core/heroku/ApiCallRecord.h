// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

// One HTTP exchange with the API, for the activity log and support tickets.
// Holds no header values and no body, so it can never carry the token.
struct ApiCallRecord
{
    QDateTime startedAt;
    QString method;
    QString path;       // path and query only, never the host's credentials
    int httpStatus = 0; // 0 when no response arrived
    QString requestId;
    qint64 durationMs = 0;
    QString errorText; // empty on success; already one line and secret-free
};
