// SPDX-License-Identifier: MIT
#include "LoginCommand.h"

#include "BrowserLauncher.h"
#include "InterruptNotifier.h"
#include "TokenReader.h"
#include "credentials/HerokuCliSignIn.h"
#include "credentials/HerokuCliStore.h"
#include "heroku/BrowserLogin.h"
#include "heroku/HerokuClient.h"
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
        "With --browser, sign in through Heroku's web page instead, like `heroku login`:\n"
        "the address is printed and opened ($BROWSER, else xdg-open); after you approve,\n"
        "the token Heroku hands over is checked and stored the same way. Ctrl+C cancels.\n"
        "HEROKU_LOGIN_HOST moves the login host (default https://cli-auth.heroku.com).\n"
        "With --also-heroku-cli the Heroku CLI is signed in too, as `heroku login` would:\n"
        "the token under service heroku-cli in the OS store, and the account in its login.json.");
}

void LoginCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("browser"),
                                        QStringLiteral("Sign in through the browser instead of a token "
                                                       "on stdin.")));
    parser.addOption(
        {QStringLiteral("also-heroku-cli"),
         QStringLiteral("Also sign in the Heroku CLI with this token (its OS store and login.json).")});
}

Status LoginCommand::prepare(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("login takes no arguments; pass the token on stdin, never on the command line"));
    m_browser = parser.isSet(QStringLiteral("browser"));
    m_alsoHerokuCli = parser.isSet(QStringLiteral("also-heroku-cli"));
    return {};
}

void LoginCommand::start()
{
    if (m_browser)
        return startBrowserLogin();
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

void LoginCommand::startBrowserLogin()
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    auto *login = new BrowserLogin(context()->network(), client()->endpoint(), m_store, this);
    login->setEnvironment(environment);
    const QString home = environment.value(QStringLiteral("HOME"));
    if (!home.isEmpty())
        login->setHomeDir(home);
    connect(login, &BrowserLogin::browserUrlReady, this, [this, environment](const QUrl &url) {
        // Printed also with --json: the user has to open it, whatever reads stdout.
        out().notice(QStringLiteral("Open this address in your browser to sign in: %1")
                         .arg(url.toString(QUrl::FullyEncoded)));
        const Status opened = BrowserLauncher::open(url, environment);
        if (!opened)
            out().notice(QStringLiteral("note: %1").arg(opened.error().oneLine()));
        out().progress(
            QStringLiteral("Waiting for you to approve the sign-in in the browser (Ctrl+C cancels)…"));
    });
    connect(login, &BrowserLogin::finished, this, &LoginCommand::onBrowserFinished);
    auto *interrupt = new InterruptNotifier(this);
    connect(interrupt, &InterruptNotifier::interrupted, login, &BrowserLogin::cancel);
    login->start();
}

void LoginCommand::onBrowserFinished(const BrowserLoginOutcome &outcome)
{
    if (!outcome)
        return context()->fail(outcome.error());
    report(outcome->email, outcome->token, outcome->stored);
}

void LoginCommand::onFinished(const TokenLoginResult &result)
{
    if (!result.verified())
        return context()->fail(result.verifyError);
    report(result.email, m_token, result.stored);
}

void LoginCommand::report(const QString &email, const Secret &token, const CredentialWriteResult &stored)
{
    for (const QString &warning : stored.warnings)
        out().warning(warning);
    if (!stored.ok)
        return context()->fail(stored.toError());
    if (json()) {
        out().json(
            QJsonObject{{QStringLiteral("email"), email},
                        {QStringLiteral("keychain"), stored.keychain},
                        {QStringLiteral("netrc_machines"), QJsonArray::fromStringList(stored.netrcMachines)},
                        {QStringLiteral("stored"), stored.description}});
    } else {
        out().line(QStringLiteral("Logged in as %1; token %2").arg(email, stored.description));
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
    share->signIn(email, token);
}
