// SPDX-License-Identifier: MIT
#include "DynoRestarter.h"

#include "CommandContext.h"
#include "heroku/HerokuClient.h"

void DynoRestarter::restart(CommandContext *context, const QString &app, QObject *receiver)
{
    context->out().progress(QStringLiteral("Restarting all dynos of %1...").arg(app));
    QObject::connect(context->client()->restartAllDynos(app), &HerokuRequest::finished, receiver,
                     [context, app](const HerokuResult &result) {
                         if (!result.ok())
                             return context->fail(failure(app, result.error));
                         if (!context->out().isJson())
                             context->out().line(QStringLiteral("Restarted all dynos of %1").arg(app));
                         context->succeed();
                     });
}

HerokuError DynoRestarter::failure(const QString &app, const HerokuError &error)
{
    if (!error.outcomeUnknown)
        return error;
    HerokuError unknown = error;
    unknown.message =
        QStringLiteral("no clear answer to the restart of %1 (%2); the dynos may or may not have "
                       "restarted, and `heroku ps --app %1` shows when each one last started")
            .arg(app, error.message.section(QStringLiteral("; "), 0, 0));
    return unknown;
}
