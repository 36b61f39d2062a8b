// SPDX-License-Identifier: MIT
#include "PromoteCommand.h"

#include "CommandOptions.h"
#include "ConfigMasker.h"
#include "DynoRestarter.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

void PromoteCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
    parser.addOption({QStringLiteral("from"), QStringLiteral("Var to copy (default CLEARDB_DATABASE_URL)."),
                      QStringLiteral("VAR")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Var to set (default DATABASE_URL)."), QStringLiteral("VAR")});
    parser.addOption(CommandOptions::restart());
}

QString PromoteCommand::prepare(const QCommandLineParser &parser)
{
    QString error;
    m_app = CommandOptions::requiredApp(parser, &error);
    if (!error.isEmpty())
        return error;
    if (parser.isSet(QStringLiteral("from")))
        m_from = parser.value(QStringLiteral("from")).trimmed();
    if (parser.isSet(QStringLiteral("to")))
        m_to = parser.value(QStringLiteral("to")).trimmed();
    if (m_from.isEmpty() || m_to.isEmpty())
        return QStringLiteral("--from and --to need a config var name");
    if (m_from == m_to)
        return QStringLiteral("--from and --to are both %1; nothing to copy").arg(m_from);
    m_restart = parser.isSet(QStringLiteral("restart"));
    return CommandOptions::tooManyArguments(parser, 0);
}

void PromoteCommand::start()
{
    m_pending = 2;
    connect(client()->configVars(m_app), &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok())
            return context()->fail(result.error);
        m_vars = result.object();
        if (--m_pending == 0)
            onLoaded();
    });
    connect(client()->addonsForApp(m_app), &HerokuRequest::finished, this,
            [this](const HerokuResult &result) {
                if (!result.ok())
                    return context()->fail(result.error);
                m_addons = result.array();
                if (--m_pending == 0)
                    onLoaded();
            });
}

void PromoteCommand::onLoaded()
{
    if (context()->hasExited())
        return;
    const QList<HerokuAddon> addons = HerokuAddon::listFromJson(m_addons);
    const QString owner = ownerOfConfigVar(addons, m_to);
    if (!owner.isEmpty()) {
        QString service;
        for (const HerokuAddon &addon : addons) {
            if (addon.name == owner)
                service = addon.serviceName;
        }
        return context()->fail(
            QStringLiteral(
                "%1 on %2 belongs to the add-on %3%4, and Heroku would break that add-on's link if it "
                "were overwritten; nothing was changed. Point your app at %5 instead, or promote into "
                "another var with --to")
                .arg(m_to, m_app, owner,
                     service.isEmpty() ? QString() : QStringLiteral(" (") + service + QLatin1Char(')'),
                     m_from));
    }
    if (!m_vars.value(m_from).isString() || m_vars.value(m_from).toString().isEmpty())
        return context()->fail(
            QStringLiteral("%1 has no config var %2; create a ClearDB add-on with `cleardbctl "
                           "provision --app %1` or name another var with --from")
                .arg(m_app, m_from));
    const QString newValue = m_vars.value(m_from).toString();
    const QString oldValue = m_vars.value(m_to).toString();
    if (oldValue == newValue) {
        if (json())
            out().json(ConfigMasker::masked(m_vars));
        else
            out().line(
                QStringLiteral("%1 already equals %2 on %3; nothing changed").arg(m_to, m_from, m_app));
        return context()->succeed();
    }
    apply(oldValue, newValue);
}

void PromoteCommand::apply(const QString &oldValue, const QString &newValue)
{
    const QJsonObject change{{m_to, newValue}};
    connect(
        client()->updateConfigVars(m_app, change), &HerokuRequest::finished, this,
        [this, oldValue, newValue](const HerokuResult &result) {
            if (!result.ok())
                return context()->fail(result.error);
            if (json()) {
                out().json(ConfigMasker::masked(result.object()));
            } else {
                const QString before =
                    oldValue.isEmpty() ? QStringLiteral("(unset)") : ConfigMasker::masked(m_to, oldValue);
                out().dataLine(
                    QStringLiteral("%1: %2 → %3").arg(m_to, before, ConfigMasker::masked(m_to, newValue)));
                out().line(QStringLiteral("Heroku restarts %1's dynos with the new config (a new release).")
                               .arg(m_app));
            }
            if (!m_restart)
                return context()->succeed();
            DynoRestarter::restart(context(), m_app, this);
        });
}
