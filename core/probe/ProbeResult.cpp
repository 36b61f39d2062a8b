// SPDX-License-Identifier: MIT
#include "probe/ProbeResult.h"

#include <QJsonArray>

double ProbeResult::stageMs(ProbeStage stage) const
{
    for (const StageTiming &t : stages) {
        if (t.stage == stage)
            return t.ms;
    }
    return -1;
}

QJsonObject ProbeResult::toJson() const
{
    QJsonArray stageArray;
    for (const StageTiming &t : stages)
        stageArray.append(QJsonObject{{QStringLiteral("stage"), probeStageName(t.stage)},
                                      {QStringLiteral("ms"), t.ms},
                                      {QStringLiteral("ok"), t.ok}});
    QJsonObject json{{QStringLiteral("target"), target},
                     {QStringLiteral("startedAtMs"), startedAtMs},
                     {QStringLiteral("ok"), ok()},
                     {QStringLiteral("totalMs"), totalMs},
                     {QStringLiteral("stages"), stageArray}};
    if (server.answered || !server.greetingVersion.isEmpty()) {
        json.insert(QStringLiteral("server"),
                    QJsonObject{{QStringLiteral("greetingVersion"), server.greetingVersion},
                                {QStringLiteral("connectionId"), qint64(server.connectionId)},
                                {QStringLiteral("serverId"), server.serverId},
                                {QStringLiteral("hostname"), server.hostname},
                                {QStringLiteral("version"), server.version},
                                {QStringLiteral("readOnly"), server.readOnly}});
    }
    if (tls.state != TlsCard::State::NotChecked) {
        json.insert(
            QStringLiteral("tls"),
            QJsonObject{{QStringLiteral("state"), tls.stateName()},
                        {QStringLiteral("protocol"), tls.protocol},
                        {QStringLiteral("cipher"), tls.cipher},
                        {QStringLiteral("subject"), tls.subject},
                        {QStringLiteral("issuer"), tls.issuer},
                        {QStringLiteral("notAfter"), tls.notAfter.toUTC().toString(Qt::ISODate)},
                        {QStringLiteral("errors"), QJsonArray::fromStringList(tls.verificationErrors)}});
    }
    if (error.isError()) {
        json.insert(QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("stage"), probeStageName(error.stage)},
                                {QStringLiteral("kind"), error.kindName()},
                                {QStringLiteral("code"), error.code},
                                {QStringLiteral("message"), error.message},
                                {QStringLiteral("detail"), error.detail}});
    }
    return json;
}
