// SPDX-License-Identifier: MIT
#include "monitor/DrillResult.h"

#include "monitor/MonitorReport.h"

namespace {
QJsonValue eventJson(const MonitorEvent &e)
{
    if (e.atMs == 0)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("at"), MonitorReport::isoTime(e.atMs)},
                       {QStringLiteral("event"), e.kindName()},
                       {QStringLiteral("target"), e.target},
                       {QStringLiteral("fromServerId"), e.fromServerId},
                       {QStringLiteral("toServerId"), e.toServerId},
                       {QStringLiteral("detail"), e.detail}};
}
} // namespace

QJsonObject DrillResult::toJson() const
{
    QJsonObject json{{QStringLiteral("ok"), ok()},
                     {QStringLiteral("intervalMs"), intervalMs},
                     {QStringLiteral("failoverDetectMs"), failoverDetectMs},
                     {QStringLiteral("routedFailoverMs"), routedFailoverMs},
                     {QStringLiteral("restartMs"), restartMs},
                     {QStringLiteral("resyncMs"), resyncMs},
                     {QStringLiteral("failbackDetectMs"), failbackDetectMs},
                     {QStringLiteral("failover"), eventJson(failover)},
                     {QStringLiteral("failback"), eventJson(failback)}};
    if (killedAtMs != 0)
        json.insert(QStringLiteral("killedAt"), MonitorReport::isoTime(killedAtMs));
    if (restartedAtMs != 0)
        json.insert(QStringLiteral("restartedAt"), MonitorReport::isoTime(restartedAtMs));
    if (primaryBackAtMs != 0)
        json.insert(QStringLiteral("primaryBackAt"), MonitorReport::isoTime(primaryBackAtMs));
    if (!ok())
        json.insert(QStringLiteral("error"), error().oneLine());
    return json;
}
