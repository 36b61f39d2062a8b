// SPDX-License-Identifier: MIT
#include "sim/state/SimState.h"

#include <QJsonArray>
#include <QUuid>

namespace {
QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

SimApp *SimState::app(const QString &idOrName)
{
    for (SimApp &a : apps) {
        if (a.id == idOrName || a.name == idOrName)
            return &a;
    }
    return nullptr;
}

SimAddon *SimState::addon(const QString &idOrName)
{
    for (SimAddon &a : addons) {
        if (a.id == idOrName || a.name == idOrName)
            return &a;
    }
    return nullptr;
}

SimAttachment *SimState::attachment(const QString &id)
{
    for (SimAttachment &a : attachments) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

QList<SimAttachment> SimState::attachmentsOfApp(const QString &appId) const
{
    QList<SimAttachment> out;
    for (const SimAttachment &a : attachments) {
        if (a.appId == appId)
            out.append(a);
    }
    return out;
}

QList<SimAttachment> SimState::attachmentsOfAddon(const QString &addonId) const
{
    QList<SimAttachment> out;
    for (const SimAttachment &a : attachments) {
        if (a.addonId == addonId)
            out.append(a);
    }
    return out;
}

QList<SimRelease> SimState::releasesOfApp(const QString &appId) const
{
    QList<SimRelease> out;
    for (const SimRelease &r : releases) {
        if (r.appId == appId)
            out.append(r);
    }
    return out;
}

QList<SimDyno> SimState::dynosOfApp(const QString &appId) const
{
    QList<SimDyno> out;
    for (const SimDyno &d : dynos) {
        if (d.appId == appId)
            out.append(d);
    }
    return out;
}

QStringList SimState::ownedConfigVars(const QString &appId) const
{
    QStringList out;
    for (const SimAttachment &a : attachments) {
        if (a.appId == appId)
            out.append(a.name + QStringLiteral("_URL"));
    }
    return out;
}

QStringList SimState::configVarNamesOf(const SimAddon &addon) const
{
    QStringList out;
    for (const SimAttachment &a : attachmentsOfAddon(addon.id))
        out.append(a.name + QStringLiteral("_URL"));
    return out;
}

bool SimState::attachmentNameTaken(const QString &appId, const QString &name) const
{
    for (const SimAttachment &a : attachments) {
        if (a.appId == appId && a.name == name)
            return true;
    }
    return false;
}

QString SimState::nextAddonName(const QString &service)
{
    // Heroku names add-ons "<service>-<word>-<number>"; a counter keeps ours unique and repeatable.
    static const QStringList words = {
        QStringLiteral("amber"), QStringLiteral("brisk"), QStringLiteral("cubic"),  QStringLiteral("dapper"),
        QStringLiteral("elder"), QStringLiteral("fluid"), QStringLiteral("glassy"), QStringLiteral("humble")};
    ++serial;
    QString name;
    do {
        name = QStringLiteral("%1-%2-%3")
                   .arg(service, words.at(serial % words.size()))
                   .arg(10000 + (serial * 7919) % 89999);
        if (addon(name))
            ++serial;
    } while (addon(name));
    return name;
}

SimAddon &SimState::createAddon(SimApp &app, const QString &plan, const QString &name,
                                const QString &attachmentName, const QDateTime &now)
{
    SimAddon addon;
    addon.id = newUuid();
    addon.name = name;
    addon.appId = app.id;
    addon.plan = plan;
    addon.state = QStringLiteral("provisioning");
    addon.providerId = QStringLiteral("resource") + QString::number(serial) + QStringLiteral("@heroku.com");
    addon.createdAt = now;
    addon.updatedAt = now;
    addons.append(addon);
    attachments.append({newUuid(), attachmentName, addon.id, app.id, now, now});
    addRelease(app, QStringLiteral("Attach %1 (@ref:%2)").arg(attachmentName, name), now);
    return addons.last();
}

void SimState::completeProvisioning(const QString &addonId, const QString &databaseUrl, const QDateTime &now)
{
    SimAddon *a = addon(addonId);
    if (!a || a->state != QLatin1String("provisioning"))
        return;
    const QString previous = a->databaseUrl;
    a->state = QStringLiteral("provisioned");
    a->databaseUrl = databaseUrl;
    a->updatedAt = now;
    for (const SimAttachment &att : attachmentsOfAddon(addonId)) {
        if (SimApp *target = app(att.appId)) {
            if (!previous.isEmpty()) {
                for (auto it = target->config.begin(); it != target->config.end(); ++it) {
                    if (it.value() == previous)
                        it.value() = databaseUrl;
                }
            }
            target->config.insert(att.name + QStringLiteral("_URL"), databaseUrl);
            addRelease(*target,
                       QStringLiteral("Update %1 by %2").arg(att.name + QStringLiteral("_URL"), a->name),
                       now);
        }
    }
}

void SimState::failProvisioning(const QString &addonId, const QDateTime &now)
{
    if (SimAddon *a = addon(addonId)) {
        a->state = QStringLiteral("deprovisioned");
        a->updatedAt = now;
        attachments.erase(std::remove_if(attachments.begin(), attachments.end(),
                                         [&](const SimAttachment &att) { return att.addonId == addonId; }),
                          attachments.end());
    }
}

SimAddon SimState::destroyAddon(const QString &addonId, const QDateTime &now)
{
    SimAddon gone = *addon(addonId);
    for (const SimAttachment &att : attachmentsOfAddon(addonId)) {
        if (SimApp *target = app(att.appId)) {
            target->config.remove(att.name + QStringLiteral("_URL"));
            addRelease(*target, QStringLiteral("Detach %1 (@ref:%2)").arg(att.name, gone.name), now);
        }
    }
    attachments.erase(std::remove_if(attachments.begin(), attachments.end(),
                                     [&](const SimAttachment &att) { return att.addonId == addonId; }),
                      attachments.end());
    addons.erase(
        std::remove_if(addons.begin(), addons.end(), [&](const SimAddon &a) { return a.id == addonId; }),
        addons.end());
    gone.state = QStringLiteral("deprovisioned");
    gone.updatedAt = now;
    return gone;
}

void SimState::changePlan(SimAddon &addon, const QString &plan, const QDateTime &now)
{
    addon.plan = plan;
    addon.updatedAt = now;
    if (SimApp *owner = app(addon.appId))
        addRelease(*owner, QStringLiteral("Upgrade %1 to %2").arg(addon.name, plan), now);
}

void SimState::updateConfig(SimApp &app, const QMap<QString, QString> &set, const QStringList &unset,
                            const QDateTime &now)
{
    QStringList changed;
    for (auto it = set.cbegin(); it != set.cend(); ++it) {
        app.config.insert(it.key(), it.value());
        changed.append(it.key());
    }
    for (const QString &name : unset) {
        if (app.config.remove(name) > 0)
            changed.append(name);
    }
    if (!changed.isEmpty())
        addRelease(app, QStringLiteral("Set %1 config vars").arg(changed.join(QStringLiteral(", "))), now);
}

SimRelease &SimState::addRelease(SimApp &app, const QString &description, const QDateTime &now)
{
    ++app.releaseVersion;
    app.updatedAt = now;
    QStringList plans;
    for (const SimAttachment &att : attachmentsOfApp(app.id)) {
        if (const SimAddon *a = addon(att.addonId))
            plans.append(a->plan);
    }
    releases.append({newUuid(), app.id, app.releaseVersion, description, plans, now});
    return releases.last();
}
