// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// Exports what a FailoverMonitor recorded, for spreadsheets (CSV, RFC 4180 quoting, UTC ISO-8601
// timestamps with milliseconds) and for tools (JSON: {"samples": [...], "events": [...]} plus what was
// watched and how, e.g. "app", "intervalMs", "mode", "drill"). The samples CSV carries each event in
// its last columns, on the sample that proved it, so one file holds the whole incident; eventsToCsv()
// lists the events alone, canary measurements included (lag_ms; "lagMs" in JSON). Samples carry no
// credentials, so exports are safe to attach to a support ticket.
class MonitorReport
{
public:
    static QByteArray samplesToCsv(const QList<MonitorSample> &samples,
                                   const QList<MonitorEvent> &events = {});
    static QByteArray eventsToCsv(const QList<MonitorEvent> &events);
    // `about`'s members go to the top level beside "samples" and "events".
    static QByteArray toJson(const QList<MonitorSample> &samples, const QList<MonitorEvent> &events,
                             const QJsonObject &about = {});
    static QString isoTime(qint64 msSinceEpoch);
};
