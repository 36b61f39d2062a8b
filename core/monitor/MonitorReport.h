// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"

#include <QByteArray>
#include <QList>

// Exports what a FailoverMonitor recorded, for spreadsheets (CSV, RFC 4180 quoting, UTC ISO-8601
// timestamps with milliseconds) and for tools (JSON: {"samples": [...], "events": [...]}).
// Samples carry no credentials, so exports are safe to attach to a support ticket.
class MonitorReport
{
public:
    static QByteArray samplesToCsv(const QList<MonitorSample> &samples);
    static QByteArray eventsToCsv(const QList<MonitorEvent> &events);
    static QByteArray toJson(const QList<MonitorSample> &samples, const QList<MonitorEvent> &events);
    static QString isoTime(qint64 msSinceEpoch);
};
