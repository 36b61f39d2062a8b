// SPDX-License-Identifier: MIT
#include "LoginCommand.h"

#include "TokenReader.h"
#include "credentials/HerokuCliSignIn.h"
#include "credentials/HerokuCliStore.h"
#include "heroku/TokenLogin.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

LoginCommand::LoginCommand(CommandContext *context, CredentialStore *store) : Command(context), m_store(store)
{
}

QString LoginCommand::details() const
{
    return QStringLiteral(
        "The token is read from stdin, never from the command line (create one with\n"
        "`heroku authorizations:create` or in the Heroku Dashboard under Account settings):\n"
        "  cleardbctl login < token-file\n"
        "It is checked with the API, then stored in the system keychain, or in ~/.netrc\n"
        "(mode 0600, the Heroku CLI's format) when no keychain is available.\n"
        "With --also-heroku-cli the Heroku CLI is signed in too, as `heroku login` would:\n"
        "the token under service heroku-cli in the OS store, and the account in its login.json.");
}

void LoginCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("also-heroku-cli"),
         QStringLiteral("Also sign in the Heroku CLI with this token (its OS store and login.json).")});
}

Status LoginCommand::prepare(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("login takes no arguments; pass the token on stdin, never on the command line"));
    m_alsoHerokuCli = parser.isSet(QStringLiteral("also-heroku-cli"));
    return {};
}

void LoginCommand::start()
{
    const Result<QString> read = TokenReader::readFromStdin(QStringLiteral("Heroku API token: "));
    if (!read)
        return context()->fail(read.error());
    if (read.value().isEmpty())
        return context()->usageError(
            QStringLiteral("no token on stdin; run `cleardbctl login < token-file` or type "
                           "it at the prompt"),
            name());
    auto *login = new TokenLogin(client(), m_store, this);
    const QString home = QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOME"));
    if (!home.isEmpty())
        login->setHomeDir(home);
    connect(login, &TokenLogin::finished, this, &LoginCommand::onFinished);
    m_token = Secret(read.value());
    login->login(m_token);
}

void LoginCommand::onFinished(const TokenLoginResult &result)
{
    if (!result.verified())
        return context()->fail(result.verifyError);
    for (const QString &warning : result.stored.warnings)
        out().warning(warning);
    if (!result.stored.ok)
        return context()->fail(result.stored.toError());
    if (json()) {
        out().json(QJsonObject{
            {QStringLiteral("email"), result.email},
            {QStringLiteral("keychain"), result.stored.keychain},
            {QStringLiteral("netrc_machines"), QJsonArray::fromStringList(result.stored.netrcMachines)},
            {QStringLiteral("stored"), result.stored.description}});
    } else {
        out().line(QStringLiteral("Logged in as %1; token %2").arg(result.email, result.stored.description));
    }
    if (!QProcessEnvironment::systemEnvironment().value(QStringLiteral("HEROKU_API_KEY")).trimmed().isEmpty())
        out().warning(
            QStringLiteral("HEROKU_API_KEY is set and wins over the stored token until you unset it"));
    if (!m_alsoHerokuCli)
        return context()->succeed();
    auto *share = new HerokuCliSignIn(HerokuCliStore::create(this), this);
    connect(share, &HerokuCliSignIn::finished, this,
            [this](const Status &status, const QString &description) {
                if (!status)
                    return context()->fail(status.error());
                if (!json()) // the JSON object above already ended the output
                    out().line(description[0].toUpper() + description.mid(1));
                context()->succeed();
            });
    share->signIn(result.email, m_token);
}
