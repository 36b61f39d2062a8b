// SPDX-License-Identifier: MIT
#include "DatabaseTargetArgument.h"

#include "CommandOptions.h"
#include "Output.h"
#include "SecretArgument.h"
#include "credentials/SecretRedactor.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/HerokuClient.h"
#include "probe/UrlProbeTarget.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTimer>

namespace {
const QString kDefaultVar = QStringLiteral("CLEARDB_DATABASE_URL");
} // namespace

QList<QCommandLineOption> DatabaseTargetArgument::options()
{
    return {CommandOptions::app(),
            {QStringLiteral("var"),
             QStringLiteral("With --app: the config var holding the URL (default CLEARDB_DATABASE_URL)."),
             QStringLiteral("VAR")},
            {QStringLiteral("timeout"),
             QStringLiteral("Per-stage timeout in milliseconds (default 5000, at least 100)."),
             QStringLiteral("MS")}};
}

Result<int> DatabaseTargetArgument::millisecondsOption(const QCommandLineParser &parser, const QString &name,
                                                       int minimum, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int parsed = parser.value(name).toInt(&ok);
    if (!ok || parsed < minimum)
        return CommandOptions::usage(
            QStringLiteral("--%1 must be a whole number of milliseconds >= %2").arg(name).arg(minimum));
    return parsed;
}

Status DatabaseTargetArgument::prepare(const QCommandLineParser &parser, const Output &out)
{
    const QStringList positional = parser.positionalArguments();
    m_app = parser.value(QStringLiteral("app")).trimmed();
    m_var = parser.isSet(QStringLiteral("var")) ? parser.value(QStringLiteral("var")).trimmed() : kDefaultVar;
    if (positional.size() > 1)
        return CommandOptions::usage(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));
    if (m_app.isEmpty() == positional.isEmpty())
        return CommandOptions::usage(
            QStringLiteral("give either a database URL (- for stdin, env:NAME) or --app APP"));
    if (!positional.isEmpty()) {
        const QString argument = positional.first();
        const Result<QString> url = SecretArgument::resolve(argument, QStringLiteral("the URL"));
        if (!url)
            return url.error();
        m_url = url.value().trimmed();
        if (SecretArgument::isLiteral(argument) && SecretRedactor::redactValue(QString(), m_url) != m_url)
            out.warning(SecretArgument::literalWarning(QStringLiteral("the URL"), urlSafeForms()));
    }
    if (!m_url.isEmpty() && parser.isSet(QStringLiteral("var")))
        return CommandOptions::usage(QStringLiteral("--var only goes with --app"));
    if (m_var.isEmpty())
        return CommandOptions::usage(QStringLiteral("--var needs a config var name"));
    const Result<int> timeout = millisecondsOption(parser, QStringLiteral("timeout"), 100, m_timeoutMs);
    if (!timeout)
        return timeout.error();
    m_timeoutMs = timeout.value();
    // A URL argument is checked now, before anything is sent (the usage contract: exit 2, no request).
    if (!m_url.isEmpty()) {
        const Result<ProbeTarget> parsed = UrlProbeTarget::fromText(m_url);
        if (!parsed)
            return parsed.error();
    }
    return {};
}

QString DatabaseTargetArgument::urlSafeForms()
{
    return QStringLiteral("pass - (stdin) or env:NAME instead");
}

QString DatabaseTargetArgument::description() const
{
    if (!m_app.isEmpty())
        return QStringLiteral("%1 of app %2").arg(m_var, m_app);
    return DatabaseUrl::parse(m_url.trimmed()).url.redacted();
}

void DatabaseTargetArgument::resolve(HerokuClient *client, QObject *context,
                                     const std::function<void(const Result<ProbeTarget> &)> &done)
{
    const int timeoutMs = m_timeoutMs;
    const auto deliver = [done, timeoutMs](const QString &url, const QString &where) {
        const Result<ProbeTarget> parsed = UrlProbeTarget::fromText(url);
        if (!parsed) {
            Error error = parsed.error();
            if (!where.isEmpty()) // the detail stays in oneLine(), after the place it came from
                error.message = where + QStringLiteral(": ") + error.message;
            return done(error);
        }
        ProbeTarget target = parsed.value();
        target.timeoutMs = timeoutMs;
        done(target);
    };
    if (m_app.isEmpty()) {
        QTimer::singleShot(0, context, [deliver, url = m_url] { deliver(url, QString()); });
        return;
    }
    QObject::connect(client->configVars(m_app), &HerokuRequest::finished, context,
                     [deliver, done, app = m_app, var = m_var](const HerokuResult &result) {
                         if (!result.ok())
                             return done(result.error.toError());
                         const QString url = result.object().value(var).toString();
                         if (url.isEmpty())
                             return done(makeError(Error::Kind::NotFound,
                                                   QStringLiteral("app %1 has no config var %2; provision a "
                                                                  "ClearDB add-on or pass --var")
                                                       .arg(app, var)));
                         deliver(url, QStringLiteral("%1 of app %2").arg(var, app));
                     });
}
