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
                             return context->fail(result.error);
                         if (!context->out().isJson())
                             context->out().line(QStringLiteral("Restarted all dynos of %1").arg(app));
                         context->succeed();
                     });
}
