// SPDX-License-Identifier: MIT
#pragma once

#include "HerokuError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

// What one logical API call produced. For list endpoints `data` is the array of
// every page concatenated; for the rest it is the object the API returned, exactly
// as returned (so `cleardbctl --json` can print Heroku's own field names).
struct HerokuResult
{
    HerokuError error;
    QJsonValue data;
    int httpStatus = 0;
    QString requestId;    // of the last HTTP exchange
    int httpRequests = 0; // how many HTTP requests it took (pages + retries)
    qint64 elapsedMs = 0;

    bool ok() const { return !error.isError(); }
    QJsonObject object() const { return data.toObject(); }
    QJsonArray array() const { return data.toArray(); }
};
