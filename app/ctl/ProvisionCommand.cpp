// SPDX-License-Identifier: MIT
#include "ProvisionCommand.h"

#include "CommandOptions.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

QString ProvisionCommand::details() const
{
    return QStringLiteral(
        "The create request is sent once and never retried: if its answer is lost, check with\n"
        "`cleardbctl addons --app APP` before trying again, or you may pay for two databases.");
}

void ProvisionCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
    parser.addOption(
        {QStringLiteral("plan"), QStringLiteral("Plan (default cleardb:ignite)."), QStringLiteral("PLAN")});
    parser.addOption(
        {QStringLiteral("name"), QStringLiteral("Name for the add-on."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("wait"), QStringLiteral("Wait until the add-on is provisioned.")});
}

Status ProvisionCommand::prepare(const QCommandLineParser &parser)
{
    const Result<QString> app = CommandOptions::requiredApp(parser);
    if (!app)
        return app.error();
    m_options.app = app.value();
    if (parser.isSet(QStringLiteral("plan"))) {
        const QString plan = parser.value(QStringLiteral("plan")).trimmed();
        if (plan.isEmpty())
            return usage(QStringLiteral("--plan needs a plan name such as cleardb:punch"));
        m_options.plan = CommandOptions::qualifiedClearDbPlan(plan);
    }
    m_options.name = parser.value(QStringLiteral("name")).trimmed();
    m_options.wait = parser.isSet(QStringLiteral("wait"));
    m_options.pollIntervalMs = context()->settings().pollIntervalMs;
    m_options.timeoutMs = context()->settings().provisionTimeoutMs;
    return CommandOptions::tooManyArguments(parser, 0);
}

void ProvisionCommand::start()
{
    m_provisioner = new AddonProvisioner(client(), this);
    connect(m_provisioner, &AddonProvisioner::stateChanged, this, [this](const QJsonObject &addon) {
        const HerokuAddon parsed = HerokuAddon::fromJson(addon);
        out().progress(QStringLiteral("%1 (%2) on %3: %4")
                           .arg(parsed.name, parsed.planName, m_options.app, parsed.state));
    });
    connect(m_provisioner, &AddonProvisioner::finished, this, &ProvisionCommand::onFinished);
    out().progress(QStringLiteral("Creating %1 on %2...").arg(m_options.plan, m_options.app));
    m_provisioner->start(m_options);
}

void ProvisionCommand::onFinished(const HerokuResult &result)
{
    const QJsonObject addon = result.object();
    // Whatever the verdict, a script gets the add-on as last seen (e.g. "deprovisioned").
    if (json() && !addon.isEmpty())
        out().json(addon);
    if (!result.ok()) {
        const HerokuError &error = result.error;
        return context()->fail(error);
    }
    if (!json()) {
        const HerokuAddon parsed = HerokuAddon::fromJson(addon);
        out().line(QStringLiteral("%1 is %2 on %3 (%4)")
                       .arg(parsed.name, parsed.state, m_options.app, parsed.planName));
        if (!parsed.configVars.isEmpty())
            out().line(QStringLiteral("Config vars: ") + parsed.configVars.join(QStringLiteral(", ")) +
                       QStringLiteral(" (see `cleardbctl config --app ") + m_options.app +
                       QStringLiteral("`)"));
    }
    context()->succeed();
}
