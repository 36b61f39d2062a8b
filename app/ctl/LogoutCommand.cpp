// SPDX-License-Identifier: MIT
#include "LogoutCommand.h"

#include "CommandOptions.h"
#include "credentials/CredentialWriter.h"
#include "heroku/HerokuClient.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

LogoutCommand::LogoutCommand(CommandContext *context, CredentialStore *store)
    : Command(context), m_store(store)
{
}

void LogoutCommand::configure(QCommandLineParser &parser)
{
    Q_UNUSED(parser)
}

Status LogoutCommand::prepare(const QCommandLineParser &parser)
{
    return CommandOptions::tooManyArguments(parser, 0);
}

void LogoutCommand::start()
{
    auto *writer = new CredentialWriter(m_store, this);
    writer->setApiHost(client()->endpoint().host());
    writer->setNetrcMachine(client()->endpoint().netrcMachine());
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.value(QStringLiteral("HOME")).isEmpty())
        writer->setHomeDir(env.value(QStringLiteral("HOME")));
    connect(writer, &CredentialWriter::finished, this, [this, env](const CredentialWriteResult &result) {
        for (const QString &warning : result.warnings)
            out().warning(warning);
        if (!result.ok)
            return context()->fail(result.toError());
        if (json())
            out().json(QJsonObject{
                {QStringLiteral("keychain"), result.keychain},
                {QStringLiteral("netrc_machines"), QJsonArray::fromStringList(result.netrcMachines)},
                {QStringLiteral("removed"), result.description}});
        else
            out().line(QStringLiteral("Logged out: ") + result.description);
        if (!env.value(QStringLiteral("HEROKU_API_KEY")).trimmed().isEmpty())
            out().warning(
                QStringLiteral("HEROKU_API_KEY is still set in this shell and keeps being used; unset it"));
        context()->succeed();
    });
    writer->logout();
}
