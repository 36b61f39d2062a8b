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

Error HerokuError::toError() const
{
    Error::Kind common = Error::Kind::Remote;
    switch (kind) {
    case Kind::None:
    case Kind::Api:
        // The API's status says whose move it is (RFC 9110 section 15.5).
        if (httpStatus == 401 || httpStatus == 403)
            common = Error::Kind::Unauthorized;
        else if (httpStatus == 404)
            common = Error::Kind::NotFound;
        else if (httpStatus == 409 || httpStatus == 422)
            common = Error::Kind::Conflict;
        break;
    case Kind::RateLimited:
    case Kind::InvalidResponse:
        common = Error::Kind::Remote;
        break;
    case Kind::Network:
        common = Error::Kind::Network;
        break;
    case Kind::Timeout:
        common = Error::Kind::Timeout;
        break;
    case Kind::Cancelled:
        common = Error::Kind::Cancelled;
        break;
    case Kind::Configuration:
        common = Error::Kind::InvalidInput;
        break;
    }
    QStringList extra;
    if (!id.isEmpty())
        extra << id;
    if (!requestId.isEmpty())
        extra << QStringLiteral("request ") + requestId;
    return makeError(common, message.simplified(), extra.join(QStringLiteral(", ")));
}

HerokuError HerokuError::configuration(const QString &message)
{
    HerokuError e;
    e.kind = Kind::Configuration;
    e.message = message;
    return e;
}
