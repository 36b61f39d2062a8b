// SPDX-License-Identifier: MIT
#include "ConfigCommand.h"

#include "CommandOptions.h"
#include "heroku/ConfigVarMasker.h"
#include "heroku/HerokuClient.h"

#include <QCommandLineParser>

void ConfigCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
    parser.addOption({QStringLiteral("reveal"), QStringLiteral("Show passwords and tokens unmasked.")});
}

Status ConfigCommand::prepare(const QCommandLineParser &parser)
{
    const Result<QString> app = CommandOptions::requiredApp(parser);
    m_reveal = parser.isSet(QStringLiteral("reveal"));
    context()->out().setReveal(m_reveal);
    if (!app)
        return app.error();
    m_app = app.value();
    return CommandOptions::tooManyArguments(parser, 0);
}

void ConfigCommand::start()
{
    connect(client()->configVars(m_app), &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok())
            return context()->fail(result.error);
        const QJsonObject vars = m_reveal ? result.object() : ConfigVarMasker::masked(result.object());
        if (json()) {
            out().json(vars);
            return context()->succeed();
        }
        if (vars.isEmpty()) {
            out().line(QStringLiteral("%1 has no config vars.").arg(m_app));
            return context()->succeed();
        }
        // QJsonObject iterates keys in sorted order, which is what people scan for.
        QList<QPair<QString, QString>> pairs;
        for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
            pairs.append({it.key(), it->toString()});
        out().keyValues(pairs);
        context()->succeed();
    });
}
