// SPDX-License-Identifier: MIT
#include "ConfigChangeCommand.h"

#include "CommandOptions.h"
#include "DynoRestarter.h"
#include "SecretArgument.h"
#include "heroku/ConfigVarMasker.h"
#include "heroku/HerokuClient.h"

#include <QCommandLineParser>
#include <QRegularExpression>

ConfigChangeCommand::ConfigChangeCommand(Mode mode, CommandContext *context) : Command(context), m_mode(mode)
{
}

QString ConfigChangeCommand::name() const
{
    return m_mode == Mode::Set ? QStringLiteral("set") : QStringLiteral("unset");
}

QString ConfigChangeCommand::summary() const
{
    return m_mode == Mode::Set ? QStringLiteral("Set config vars (one release).")
                               : QStringLiteral("Remove config vars (one release).");
}

QString ConfigChangeCommand::details() const
{
    if (m_mode != Mode::Set)
        return QString();
    return QStringLiteral(
        "A value may be read instead of typed, which keeps it out of the process list (every local\n"
        "user can read a command line) and out of shell history:\n"
        "  VAR=-         from stdin (one per run; one trailing line ending dropped)\n"
        "  VAR=env:NAME  from the environment variable NAME\n"
        "A literal value that would be masked (a password, a token, a URL with a password) works\n"
        "but warns. To set a value that is itself \"-\" or starts with \"env:\", pipe it: VAR=-.\n"
        "Examples:\n"
        "  printf '%s' \"$SMTP_PASSWORD\" | cleardbctl set --app APP SMTP_PASSWORD=-\n"
        "  cleardbctl set --app APP DATABASE_URL=env:NEW_DATABASE_URL");
}

void ConfigChangeCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
    parser.addOption(CommandOptions::restart());
    if (m_mode == Mode::Set)
        parser.addPositionalArgument(
            QStringLiteral("VAR=VALUE"),
            QStringLiteral("Config vars to set; VALUE may be - (stdin) or env:NAME."),
            QStringLiteral("VAR=VALUE..."));
    else
        parser.addPositionalArgument(QStringLiteral("VAR"), QStringLiteral("Config vars to remove."),
                                     QStringLiteral("VAR..."));
}

Status ConfigChangeCommand::prepare(const QCommandLineParser &parser)
{
    const Result<QString> app = CommandOptions::requiredApp(parser);
    if (!app)
        return app.error();
    m_app = app.value();
    m_restart = parser.isSet(QStringLiteral("restart"));
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return usage(m_mode == Mode::Set ? QStringLiteral("give at least one VAR=VALUE")
                                         : QStringLiteral("give at least one VAR to remove"));
    // Heroku accepts config var names of letters, digits and underscores.
    static const QRegularExpression varName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const QString &argument : arguments) {
        const int equals = argument.indexOf(QLatin1Char('='));
        if (m_mode == Mode::Set && equals <= 0)
            return usage(
                QStringLiteral("\"%1\" is not VAR=VALUE").arg(argument.section(QLatin1Char('='), 0, 0)));
        const QString var = m_mode == Mode::Set ? argument.left(equals) : argument;
        if (!varName.match(var).hasMatch())
            return usage(QStringLiteral("\"%1\" is not a config var name (letters, digits and _)").arg(var));
        if (m_mode == Mode::Unset) {
            m_changes.insert(var, QJsonValue());
            continue;
        }
        const QString given = argument.mid(equals + 1);
        const QString what = QStringLiteral("the value of %1").arg(var);
        const Result<QString> resolved = SecretArgument::resolve(given, what);
        if (!resolved)
            return resolved.error();
        const QString value = resolved.value();
        if (SecretArgument::isLiteral(given) && ConfigVarMasker::masked(var, value) != value)
            out().warning(SecretArgument::literalWarning(
                what, QStringLiteral("use %1=- (stdin) or %1=env:NAME instead").arg(var)));
        m_changes.insert(var, value);
    }
    return {};
}

void ConfigChangeCommand::start()
{
    connect(
        client()->updateConfigVars(m_app, m_changes), &HerokuRequest::finished, this,
        [this](const HerokuResult &result) {
            if (!result.ok())
                return context()->fail(result.error);
            if (json()) {
                out().json(ConfigVarMasker::masked(result.object()));
            } else {
                for (auto it = m_changes.constBegin(); it != m_changes.constEnd(); ++it) {
                    if (it->isNull())
                        out().line(QStringLiteral("Unset %1").arg(it.key()));
                    else
                        out().dataLine(QStringLiteral("Set %1: %2")
                                           .arg(it.key(), ConfigVarMasker::masked(it.key(), it->toString())));
                }
                out().line(QStringLiteral("Heroku restarts %1's dynos with the new config (a new release).")
                               .arg(m_app));
            }
            if (!m_restart)
                return context()->succeed();
            DynoRestarter::restart(context(), m_app, this);
        });
}
