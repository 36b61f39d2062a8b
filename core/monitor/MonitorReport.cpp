// SPDX-License-Identifier: MIT
#include "monitor/MonitorReport.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {
// RFC 4180: quote a field that holds a comma, quote or line break; double the quotes inside.
QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray csvLine(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &f : fields)
        quoted << csvField(f);
    return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
}
} // namespace

QString MonitorReport::isoTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray MonitorReport::samplesToCsv(const QList<MonitorSample> &samples, const QList<MonitorEvent> &events)
{
    QByteArray csv =
        csvLine({QStringLiteral("time"), QStringLiteral("target"), QStringLiteral("ok"),
                 QStringLiteral("server_id"), QStringLiteral("latency_ms"), QStringLiteral("reused"),
                 QStringLiteral("error_stage"), QStringLiteral("error_code"), QStringLiteral("error_kind"),
                 QStringLiteral("message"), QStringLiteral("event"), QStringLiteral("event_detail")});
    // An event carries the time and target of the sample that proved it (FailoverDetector).
    QHash<QPair<qint64, QString>, QList<const MonitorEvent *>> byProof;
    for (const MonitorEvent &e : events) {
        // A canary's measurement was proved by no sample; a probe answering in the same millisecond
        // must not wear it.
        if (e.kind != MonitorEvent::Kind::ReplicationLag && e.kind != MonitorEvent::Kind::CanaryFailed)
            byProof[qMakePair(e.atMs, e.target)].append(&e);
    }
    for (const MonitorSample &s : samples) {
        QStringList kinds;
        QStringList details;
        for (const MonitorEvent *e : byProof.take(qMakePair(s.atMs, s.target))) {
            kinds << e->kindName();
            if (!e->detail.isEmpty())
                details << e->detail;
        }
        csv += csvLine({isoTime(s.atMs), s.target, s.ok ? QStringLiteral("1") : QStringLiteral("0"),
                        s.serverId >= 0 ? QString::number(s.serverId) : QString(),
                        QString::number(s.latencyMs, 'f', 3),
                        s.reusedConnection ? QStringLiteral("1") : QStringLiteral("0"),
                        s.ok ? QString() : probeStageName(s.errorStage),
                        s.errorCode ? QString::number(s.errorCode) : QString(), s.errorKind, s.message,
                        kinds.join(QLatin1Char(';')), details.join(QStringLiteral("; "))});
    }
    return csv;
}

QByteArray MonitorReport::eventsToCsv(const QList<MonitorEvent> &events)
{
    QByteArray csv = csvLine({QStringLiteral("time"), QStringLiteral("event"), QStringLiteral("target"),
                              QStringLiteral("from_server_id"), QStringLiteral("to_server_id"),
                              QStringLiteral("detail"), QStringLiteral("lag_ms")});
    for (const MonitorEvent &e : events) {
        csv += csvLine({isoTime(e.atMs), e.kindName(), e.target,
                        e.fromServerId >= 0 ? QString::number(e.fromServerId) : QString(),
                        e.toServerId >= 0 ? QString::number(e.toServerId) : QString(), e.detail,
                        e.lagMs >= 0 ? QString::number(e.lagMs, 'f', 3) : QString()});
    }
    return csv;
}

QByteArray MonitorReport::toJson(const QList<MonitorSample> &samples, const QList<MonitorEvent> &events,
                                 const QJsonObject &about)
{
    QJsonArray sampleArray;
    for (const MonitorSample &s : samples) {
        QJsonObject o{{QStringLiteral("time"), isoTime(s.atMs)},
                      {QStringLiteral("timeMs"), s.atMs},
                      {QStringLiteral("target"), s.target},
                      {QStringLiteral("ok"), s.ok},
                      {QStringLiteral("latencyMs"), s.latencyMs},
                      {QStringLiteral("reusedConnection"), s.reusedConnection}};
        if (s.serverId >= 0)
            o.insert(QStringLiteral("serverId"), s.serverId);
        if (!s.ok)
            o.insert(QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("stage"), probeStageName(s.errorStage)},
                                 {QStringLiteral("code"), s.errorCode},
                                 {QStringLiteral("kind"), s.errorKind},
                                 {QStringLiteral("message"), s.message}});
        sampleArray.append(o);
    }
    QJsonArray eventArray;
    for (const MonitorEvent &e : events) {
        QJsonObject o{{QStringLiteral("time"), isoTime(e.atMs)},
                      {QStringLiteral("timeMs"), e.atMs},
                      {QStringLiteral("event"), e.kindName()},
                      {QStringLiteral("target"), e.target},
                      {QStringLiteral("detail"), e.detail}};
        if (e.fromServerId >= 0)
            o.insert(QStringLiteral("fromServerId"), e.fromServerId);
        if (e.toServerId >= 0)
            o.insert(QStringLiteral("toServerId"), e.toServerId);
        if (e.lagMs >= 0)
            o.insert(QStringLiteral("lagMs"), e.lagMs);
        eventArray.append(o);
    }
    QJsonObject root = about;
    root.insert(QStringLiteral("samples"), sampleArray);
    root.insert(QStringLiteral("events"), eventArray);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
