// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

class Command;
class CommandContext;
class CredentialStore;
struct CredentialResolution;

// The tiny front of cleardbctl: `cleardbctl [--json] <command> [arguments]`.
//
// run() parses the global options with one QCommandLineParser, hands the rest
// of the arguments to the named command's own parser, lets the command check
// them (no request yet), finds the API token (CredentialResolver: HEROKU_API_KEY,
// the Heroku CLI's login, keychain, ~/.netrc) for commands that need one, and starts the command. From
// then on the command owns the outcome. Everything happens on the event loop;
// the program ends when a command (or a usage error here) calls exit.
class CommandDispatcher : public QObject
{
    Q_OBJECT
public:
    CommandDispatcher(CommandContext *context, CredentialStore *store, QObject *parent = nullptr);
    ~CommandDispatcher() override;

    void run(const QStringList &arguments);

private:
    QString programHelp() const;
    Command *find(const QString &name) const;
    // The command the first words name ("db dump", else "db"); `used` says how many words that took.
    Command *find(const QStringList &words, int *used) const;
    void runCommand(Command *command, const QStringList &arguments);
    void onResolved(Command *command, const CredentialResolution &resolution);

    CommandContext *m_context;
    CredentialStore *m_store;
    QList<Command *> m_commands;
};
