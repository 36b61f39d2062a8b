// SPDX-License-Identifier: MIT
#include "CommandDispatcher.h"

#include "AccountsCommand.h"
#include "AddonsCommand.h"
#include "AppsCommand.h"
#include "CommandContext.h"
#include "ConfigChangeCommand.h"
#include "ConfigCommand.h"
#include "CredentialLookup.h"
#include "DbCommand.h"
#include "DbCopyCommand.h"
#include "DbDumpCommand.h"
#include "DbRestoreCommand.h"
#include "DbVerifyCommand.h"
#include "DrillCommand.h"
#include "FleetCommand.h"
#include "LoginCommand.h"
#include "LogoutCommand.h"
#include "MonitorCommand.h"
#include "PlansCommand.h"
#include "ProbeCommand.h"
#include "PromoteCommand.h"
#include "ProvisionCommand.h"
#include "RemoveCommand.h"
#include "RestartCommand.h"
#include "SandboxCommand.h"
#include "UpgradeCommand.h"
#include "UrlCommand.h"
#include "UsageCommand.h"

#include "AppInfo.h"
#include "credentials/CredentialResolver.h"
#include "heroku/HerokuClient.h"

#include <QCommandLineParser>

namespace {
QCommandLineOption jsonOption()
{
    return QCommandLineOption(
        QStringLiteral("json"),
        QStringLiteral("Print machine-readable JSON (the API's own objects) on stdout."));
}
QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help."));
}
// Qt's "Unknown option 'x'." as a clause of our one-line error.
QString parserError(const QCommandLineParser &parser)
{
    QString text = parser.errorText().trimmed();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}
} // namespace

CommandDispatcher::CommandDispatcher(CommandContext *context, CredentialStore *store, QObject *parent)
    : QObject(parent), m_context(context), m_store(store)
{
    m_commands = {new AppsCommand(context),
                  new AddonsCommand(context),
                  new PlansCommand(context),
                  new ProvisionCommand(context),
                  new UpgradeCommand(context),
                  new RemoveCommand(context),
                  new ConfigCommand(context),
                  new ConfigChangeCommand(ConfigChangeCommand::Mode::Set, context),
                  new ConfigChangeCommand(ConfigChangeCommand::Mode::Unset, context),
                  new PromoteCommand(context),
                  new RestartCommand(context),
                  new LoginCommand(context, store),
                  new LogoutCommand(context, store),
                  new AccountsCommand(context, store),
                  new ProbeCommand(context),
                  new UsageCommand(context),
                  new FleetCommand(context),
                  new MonitorCommand(context),
                  new SandboxCommand(context),
                  new DrillCommand(context),
                  new UrlCommand(context)};
    // Moving data: the `db` group, then each of its subcommands as a command named "db SUB".
    const QStringList dbSubcommands{QStringLiteral("dump"), QStringLiteral("restore"),
                                    QStringLiteral("verify"), QStringLiteral("copy")};
    m_commands << new DbCommand(dbSubcommands, context);
    m_commands << new DbDumpCommand(context);
    m_commands << new DbRestoreCommand(context);
    m_commands << new DbVerifyCommand(context);
    m_commands << new DbCopyCommand(context);
}

CommandDispatcher::~CommandDispatcher() = default;

Command *CommandDispatcher::find(const QStringList &words, int *used) const
{
    // A group's subcommand ("db dump") is a command of its own, with its own options and --help.
    if (words.size() > 1) {
        if (Command *sub = find(words.at(0) + QLatin1Char(' ') + words.at(1))) {
            *used = 2;
            return sub;
        }
    }
    *used = 1;
    return words.isEmpty() ? nullptr : find(words.first());
}

Command *CommandDispatcher::find(const QString &name) const
{
    for (Command *command : m_commands) {
        if (command->name() == name)
            return command;
    }
    return nullptr;
}

QString CommandDispatcher::programHelp() const
{
    QString text =
        QStringLiteral("Usage: cleardbctl [--json] <command> [arguments]\n"
                       "Manage ClearDB MySQL add-ons on Heroku from a terminal or a script.\n\n"
                       "Options:\n"
                       "  --json     Print machine-readable JSON (the API's own objects) on stdout.\n"
                       "  --version  Show the version.\n"
                       "  -h, --help Show this help; `cleardbctl <command> --help` for a command.\n\n"
                       "Commands:\n");
    for (const Command *command : m_commands) {
        if (command->name().contains(QLatin1Char(' ')))
            continue; // a subcommand: its group's --help lists it
        text +=
            QStringLiteral("  ") + command->name().leftJustified(10) + command->summary() + QLatin1Char('\n');
    }
    return text + QLatin1Char('\n') + CtlSettings::helpText();
}

void CommandDispatcher::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    // Stop at the command name: what follows belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOption(jsonOption());
    parser.addOption(helpOption());
    parser.addOption({QStringLiteral("version"), QStringLiteral("Show the version.")});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run."));
    if (!parser.parse(arguments))
        return m_context->usageError(parserError(parser));
    if (parser.isSet(QStringLiteral("version"))) {
        m_context->out().line(QStringLiteral("cleardbctl ") + AppInfo::version());
        return m_context->succeed();
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help")) || (!rest.isEmpty() && rest.first() == QLatin1String("help"))) {
        int used = 0;
        Command *command = rest.size() > 1 ? find(rest.mid(1), &used) : nullptr;
        if (command)
            return runCommand(command, {QStringLiteral("--help")});
        m_context->out().line(programHelp());
        return m_context->succeed();
    }
    if (rest.isEmpty())
        return m_context->usageError(QStringLiteral("no command given"));
    int used = 0;
    Command *command = find(rest, &used);
    if (!command)
        return m_context->usageError(QStringLiteral("unknown command \"%1\"").arg(rest.first()));
    m_context->out().setJson(parser.isSet(QStringLiteral("json")));
    runCommand(command, rest.mid(used));
}

void CommandDispatcher::runCommand(Command *command, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    parser.addOption(jsonOption());
    parser.addOption(helpOption());
    command->configure(parser);
    // QCommandLineParser treats the first argument as the program name.
    if (!parser.parse(QStringList{QStringLiteral("cleardbctl ") + command->name()} + arguments))
        return m_context->usageError(parserError(parser), command->name());
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt writes the executable's full path in the usage line; show what a user types.
        QString help = parser.helpText();
        const qsizetype options = help.indexOf(QStringLiteral(" [options]"));
        if (help.startsWith(QStringLiteral("Usage: ")) && options > 0)
            help.replace(7, options - 7, QStringLiteral("cleardbctl [--json] ") + command->name());
        if (!command->details().isEmpty())
            help += QLatin1Char('\n') + command->details() + QLatin1Char('\n');
        m_context->out().line(help);
        return m_context->succeed();
    }
    if (parser.isSet(QStringLiteral("json")))
        m_context->out().setJson(true);
    const Status usage = command->prepare(parser);
    if (!usage)
        return m_context->usageError(usage.error().oneLine(), command->name());
    if (!m_context->client()->endpoint().isValid())
        return m_context->fail(m_context->client()->endpoint().error());
    if (!command->needsToken())
        return command->start();

    auto *resolver = newCredentialResolver(m_store, m_context->client()->endpoint(), this);
    connect(resolver, &CredentialResolver::resolved, this,
            [this, command](const CredentialResolution &resolution) { onResolved(command, resolution); });
    resolver->resolve();
}

void CommandDispatcher::onResolved(Command *command, const CredentialResolution &resolution)
{
    // With or without a token: a ~/.netrc others can read is worth knowing either way.
    for (const QString &warning : resolution.warnings)
        m_context->out().warning(warning);
    if (!resolution.hasToken())
        return m_context->fail(resolution.outcome.ok()
                                   ? makeError(Error::Kind::Unauthorized, resolution.description)
                                   : resolution.outcome.error());
    m_context->client()->setToken(resolution.token.reveal());
    command->start();
}
