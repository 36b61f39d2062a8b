// SPDX-License-Identifier: MIT
#include "transfer/DatabaseSpec.h"

#include "dburl/DatabaseUrl.h"

namespace {
const QString AppPrefix = QStringLiteral("app:");
const QString EnvPrefix = QStringLiteral("env:");

Error invalid(const QString &message)
{
    return makeError(Error::Kind::InvalidInput, message);
}

bool hasBlank(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace())
            return true;
    }
    return false;
}
} // namespace

QString DatabaseSpec::defaultVariable()
{
    return QStringLiteral("CLEARDB_DATABASE_URL");
}

QString DatabaseSpec::forms()
{
    return QStringLiteral("app:APP, app:APP/VAR, env:NAME or a mysql:// URL");
}

DatabaseSpec DatabaseSpec::appVariable(const QString &app, const QString &variable)
{
    DatabaseSpec spec;
    spec.kind = Kind::App;
    spec.app = app;
    spec.variable = variable;
    return spec;
}

Result<DatabaseSpec> DatabaseSpec::parse(const QString &text, const QString &what)
{
    DatabaseSpec spec;
    if (text.startsWith(AppPrefix)) {
        const QString rest = text.mid(AppPrefix.size());
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        spec.kind = Kind::App;
        spec.app = slash < 0 ? rest : rest.left(slash);
        spec.variable = slash < 0 ? defaultVariable() : rest.mid(slash + 1);
        if (spec.app.isEmpty() || hasBlank(spec.app))
            return invalid(
                QStringLiteral("%1 %2 names no app: write app:APP or app:APP/VAR").arg(what, text));
        if (spec.variable.isEmpty() || hasBlank(spec.variable) || spec.variable.contains(QLatin1Char('/')))
            return invalid(
                QStringLiteral("%1 %2 names no config var after the slash: write app:APP/VAR (e.g. "
                               "app:%3/DATABASE_URL)")
                    .arg(what, text, spec.app));
        return spec;
    }
    if (text.startsWith(EnvPrefix)) {
        spec.kind = Kind::Environment;
        spec.environmentName = text.mid(EnvPrefix.size());
        if (spec.environmentName.isEmpty() || hasBlank(spec.environmentName) ||
            spec.environmentName.contains(QLatin1Char('=')))
            return invalid(
                QStringLiteral("%1 env: needs an environment variable name: write env:NAME").arg(what));
        return spec;
    }
    if (text.contains(QStringLiteral("://"))) {
        const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(text.trimmed());
        if (!parsed.ok()) {
            // DatabaseUrl's message names the wrong part and never the password.
            Error error = parsed.error.toError();
            error.message = QStringLiteral("%1: %2").arg(what, error.message);
            return error;
        }
        spec.kind = Kind::Url;
        spec.url = Secret(text.trimmed());
        return spec;
    }
    // The text itself is not repeated: a URL without its scheme would carry a password.
    return invalid(QStringLiteral("%1 is not a database: give %2").arg(what, forms()));
}

bool DatabaseSpec::hasPasswordInText() const
{
    return kind == Kind::Url && DatabaseUrl::parse(url.reveal()).url.hasPassword();
}

QString DatabaseSpec::description() const
{
    switch (kind) {
    case Kind::App:
        return QStringLiteral("%1 of app %2").arg(variable, app);
    case Kind::Environment:
        return QStringLiteral("environment variable %1").arg(environmentName);
    case Kind::Url:
        break;
    }
    return DatabaseUrl::parse(url.reveal()).url.redacted();
}
