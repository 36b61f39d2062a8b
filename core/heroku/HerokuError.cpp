// SPDX-License-Identifier: MIT
#include "HerokuError.h"

#include <QStringList>

QString HerokuError::oneLine() const
{
    // Heroku messages sometimes carry a second line ("Please wait a few minutes…");
    // a CLI error must stay on one line, so fold them.
    QString text = message.simplified();
    QStringList extra;
    if (!id.isEmpty())
        extra << id;
    if (!requestId.isEmpty())
        extra << QStringLiteral("request ") + requestId;
    if (!extra.isEmpty())
        text += QStringLiteral(" (") + extra.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

HerokuError HerokuError::configuration(const QString &message)
{
    HerokuError e;
    e.kind = Kind::Configuration;
    e.message = message;
    return e;
}
