// SPDX-License-Identifier: MIT
#include "CommandOptions.h"

#include "heroku/ClearDbPlans.h"

#include <QCommandLineParser>

QCommandLineOption CommandOptions::app()
{
    return QCommandLineOption({QStringLiteral("a"), QStringLiteral("app")}, QStringLiteral("The Heroku app."),
                              QStringLiteral("APP"));
}

QCommandLineOption CommandOptions::restart()
{
    return QCommandLineOption(QStringLiteral("restart"),
                              QStringLiteral("Also restart all dynos once the change is made."));
}

Error CommandOptions::usage(const QString &message)
{
    return makeError(Error::Kind::InvalidInput, message);
}

Result<QString> CommandOptions::requiredApp(const QCommandLineParser &parser)
{
    const QString app = parser.value(QStringLiteral("app")).trimmed();
    if (app.isEmpty())
        return usage(QStringLiteral("--app APP is required"));
    return app;
}

QString CommandOptions::qualifiedClearDbPlan(const QString &plan)
{
    // Heroku names plans "<service>:<plan>"; a bare name is taken as a ClearDB plan,
    // as in the ClearDB guide's `heroku addons:upgrade cleardb:scream`.
    if (plan.contains(QLatin1Char(':')))
        return plan;
    return ClearDbPlans::serviceName() + QLatin1Char(':') + plan;
}

Status CommandOptions::tooManyArguments(const QCommandLineParser &parser, int maximum)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() <= maximum)
        return {};
    return usage(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(maximum)));
}
