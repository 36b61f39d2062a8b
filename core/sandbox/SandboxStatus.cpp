// SPDX-License-Identifier: MIT
#include "sandbox/SandboxStatus.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

quint16 SandboxStatus::port(Endpoint endpoint) const
{
    switch (endpoint) {
    case Endpoint::Routed:
        return routedPort;
    case Endpoint::Primary:
        return primaryPort;
    case Endpoint::Secondary:
        return secondaryPort;
    case Endpoint::Dedicated:
        return dedicatedPort;
    }
    return 0;
}

ProbeTarget SandboxStatus::target(Endpoint endpoint, const QString &user, const QString &password,
                                  const QString &database) const
{
    static const char *const labels[] = {"routed", "primary", "secondary", "dedicated"};
    ProbeTarget t;
    t.label = QString::fromLatin1(labels[static_cast<int>(endpoint)]);
    t.host = host;
    t.port = port(endpoint);
    t.user = user;
    t.password = password;
    t.database = database;
    t.caFile = caFile;
    return t;
}

QString SandboxStatus::adminPassword(Endpoint endpoint) const
{
    QFile file(endpoint == Endpoint::Dedicated ? dedicatedAdminPasswordFile : adminPasswordFile);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll()).trimmed();
}

Result<SandboxStatus> SandboxStatus::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return makeError(Error::Kind::Remote, QStringLiteral("cluster.sh status printed no JSON object: ") +
                                                  parseError.errorString());
    const QJsonObject o = doc.object();
    const auto node = [&o](const char *name) { return o.value(QString::fromLatin1(name)).toObject(); };
    SandboxStatus s;
    s.state = o.value(QStringLiteral("state")).toString();
    s.dir = o.value(QStringLiteral("dir")).toString();
    s.host = o.value(QStringLiteral("host")).toString(s.host);
    s.routedPort = quint16(o.value(QStringLiteral("routed_port")).toInt());
    s.statsPort = quint16(o.value(QStringLiteral("stats_port")).toInt());
    s.primaryPort = quint16(node("primary").value(QStringLiteral("port")).toInt());
    s.secondaryPort = quint16(node("secondary").value(QStringLiteral("port")).toInt());
    s.haproxyPid = node("haproxy").value(QStringLiteral("pid")).toInteger();
    s.primaryPid = node("primary").value(QStringLiteral("pid")).toInteger();
    s.secondaryPid = node("secondary").value(QStringLiteral("pid")).toInteger();
    const QString running = QStringLiteral("running");
    s.haproxyRunning = node("haproxy").value(QStringLiteral("state")).toString() == running;
    s.primaryRunning = node("primary").value(QStringLiteral("state")).toString() == running;
    s.secondaryRunning = node("secondary").value(QStringLiteral("state")).toString() == running;
    s.dedicatedPort = quint16(node("dedicated").value(QStringLiteral("port")).toInt());
    s.dedicatedPid = node("dedicated").value(QStringLiteral("pid")).toInteger();
    s.dedicatedRunning = node("dedicated").value(QStringLiteral("state")).toString() == running;
    s.dedicatedAdminPasswordFile = node("dedicated").value(QStringLiteral("admin_password_file")).toString();
    s.dedicatedAdminUrl = node("dedicated").value(QStringLiteral("admin_url")).toString();
    s.caFile = o.value(QStringLiteral("ca_file")).toString();
    s.adminUser = o.value(QStringLiteral("admin_user")).toString();
    s.adminPasswordFile = o.value(QStringLiteral("admin_password_file")).toString();
    s.adminUrl = o.value(QStringLiteral("admin_url")).toString();
    s.statsUrl = o.value(QStringLiteral("stats_url")).toString();
    if (s.state.isEmpty() || s.routedPort == 0 || s.primaryPort == 0 || s.secondaryPort == 0)
        return makeError(Error::Kind::Remote, QStringLiteral("cluster.sh status JSON lacks state or ports"));
    return s;
}
