// SPDX-License-Identifier: MIT
#include "LogoutCommand.h"

#include "CommandOptions.h"
#include "CredentialLookup.h"
#include "credentials/CredentialResolver.h"
#include "credentials/CredentialWriter.h"
#include "heroku/HerokuClient.h"
#include "heroku/SignOut.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace {
const QString LocalOnly = QStringLiteral("local-only");

bool apiKeyInEnvironment()
{
    return !QProcessEnvironment::systemEnvironment()
                .value(QStringLiteral("HEROKU_API_KEY"))
                .trimmed()
                .isEmpty();
}
} // namespace

LogoutCommand::LogoutCommand(CommandContext *context, CredentialStore *store)
    : Command(context), m_store(store)
{
}

QString LogoutCommand::details() const
{
    return QStringLiteral(
        "Revokes the stored token's session and its authorization at Heroku (never the account's API key,\n"
        "which the Dashboard shows and integrations may use), then forgets the token in the keychain and\n"
        "~/.netrc. What could not be revoked is printed as a warning with what to do; the exit status is 0\n"
        "once the token is forgotten here. With HEROKU_API_KEY set nothing is revoked. A token that is the\n"
        "Heroku CLI's login is left alone too: `heroku logout` signs the CLI out.");
}

void LogoutCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
        LocalOnly, QStringLiteral("Only forget the stored token here; revoke nothing at Heroku (offline).")));
}

Status LogoutCommand::prepare(const QCommandLineParser &parser)
{
    m_localOnly = parser.isSet(LocalOnly);
    return CommandOptions::tooManyArguments(parser, 0);
}

void LogoutCommand::start()
{
    // HEROKU_API_KEY wins over stored tokens, but it was never stored here: revoking it would
    // break whatever set it, so only the stored token is forgotten, as before.
    if (m_localOnly || apiKeyInEnvironment())
        return signOut(CredentialResolution());
    auto *resolver = newCredentialResolver(m_store, client()->endpoint(), this);
    connect(resolver, &CredentialResolver::resolved, this, [this](const CredentialResolution &resolution) {
        for (const QString &warning : resolution.warnings)
            out().warning(warning);
        if (resolution.source != CredentialResolution::Source::HerokuCli)
            return signOut(resolution);
        // The token is the Heroku CLI's login: revoking it would sign the CLI out behind its back, and
        // its store is not ours to clear. Only what we stored ourselves is forgotten.
        m_herokuCliAccount = resolution.login;
        signOut(CredentialResolution());
    });
    resolver->resolve();
}

void LogoutCommand::signOut(const CredentialResolution &resolution)
{
    auto *writer = new CredentialWriter(m_store, this);
    writer->setApiHost(client()->endpoint().host());
    writer->setNetrcMachine(client()->endpoint().netrcMachine());
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.value(QStringLiteral("HOME")).isEmpty())
        writer->setHomeDir(env.value(QStringLiteral("HOME")));
    auto *signOut = new SignOut(client(), writer, this);
    connect(signOut, &SignOut::finished, this, &LogoutCommand::report);
    signOut->signOut(resolution.hasToken() ? resolution.token : Secret());
}

void LogoutCommand::report(const SignOutResult &result)
{
    const CredentialWriteResult &local = result.local;
    for (const QString &warning : local.warnings)
        out().warning(warning);
    for (const QString &line : result.notRevoked)
        out().warning(line);
    if (!local.ok)
        return context()->fail(local.toError());
    if (json()) {
        out().json(
            QJsonObject{{QStringLiteral("keychain"), local.keychain},
                        {QStringLiteral("netrc_machines"), QJsonArray::fromStringList(local.netrcMachines)},
                        {QStringLiteral("removed"), local.description},
                        {QStringLiteral("revoke_skipped"), result.revokeSkipped},
                        {QStringLiteral("revoked"), QJsonArray::fromStringList(result.revoked)},
                        {QStringLiteral("not_revoked"), QJsonArray::fromStringList(result.notRevoked)},
                        {QStringLiteral("notes"), QJsonArray::fromStringList(result.notes)},
                        {QStringLiteral("heroku_cli_login_kept"), m_herokuCliAccount}});
    } else {
        out().line(QStringLiteral("Logged out: ") + local.description);
        if (!result.revoked.isEmpty())
            out().line(QStringLiteral("Revoked at Heroku: ") + result.revoked.join(QStringLiteral(", ")));
        for (const QString &note : result.notes)
            out().line(note);
        if (m_localOnly)
            out().line(QStringLiteral("Nothing was revoked at Heroku (--local-only)."));
        if (!m_herokuCliAccount.isEmpty())
            out().line(QStringLiteral("The Heroku CLI's login (%1) was left alone and is used from now on; "
                                      "`heroku logout` signs it out")
                           .arg(m_herokuCliAccount));
    }
    if (apiKeyInEnvironment())
        out().warning(
            QStringLiteral("HEROKU_API_KEY is still set in this shell and keeps being used; unset it"));
    context()->succeed();
}
