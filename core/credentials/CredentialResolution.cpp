// SPDX-License-Identifier: MIT
#include "CredentialResolution.h"

QString CredentialResolution::sourceName(Source source)
{
    switch (source) {
    case Source::Environment:
        return QStringLiteral("environment");
    case Source::HerokuCli:
        return QStringLiteral("heroku-cli");
    case Source::Keychain:
        return QStringLiteral("keychain");
    case Source::Netrc:
        return QStringLiteral("netrc");
    case Source::Sandbox:
        return QStringLiteral("sandbox");
    case Source::None:
        break;
    }
    return QStringLiteral("none");
}

CredentialResolution CredentialResolution::sandbox(const Secret &token)
{
    CredentialResolution resolution;
    resolution.source = Source::Sandbox;
    resolution.token = token;
    resolution.outcome = Status();
    resolution.description = QStringLiteral("from the local sandbox (heroku-sim)");
    return resolution;
}
