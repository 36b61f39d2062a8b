// SPDX-License-Identifier: MIT
#include "AccountsCommand.h"

#include "CredentialLookup.h"
#include "credentials/AccountChoice.h"
#include "credentials/CredentialResolver.h"
#include "credentials/HerokuCliStore.h"
#include "heroku/HerokuClient.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <algorithm>

namespace {

QStringList sourcesOf(const StoredAccount &account)
{
    QStringList sources;
    if (account.inHerokuCliStore)
        sources << QStringLiteral("heroku-cli");
    if (account.herokuCliCurrent)
        sources << QStringLiteral("heroku-cli-current"); // named by the CLI's login.json
    if (account.signedInHere)
        sources << QStringLiteral("cleardb-console"); // `cleardbctl login` or the console's sign-in
    if (account.chosen)
        sources << QStringLiteral("chosen");
    return sources;
}

} // namespace

AccountsCommand::AccountsCommand(CommandContext *context, CredentialStore *store)
    : Command(context), m_store(store)
{
}

void AccountsCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("use"),
                                 QStringLiteral("`use EMAIL`: switch to that stored account."),
                                 QStringLiteral("[use EMAIL]"));
}

Status AccountsCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return {};
    if (args.size() != 2 || args.first() != QLatin1String("use"))
        return usage(QStringLiteral("expected `accounts` or `accounts use EMAIL`"));
    m_use = args.at(1);
    return {};
}

void AccountsCommand::start()
{
    auto *directory = new AccountDirectory(HerokuCliStore::create(this), this);
    directory->setApiHost(client()->endpoint().host());
    connect(directory, &AccountDirectory::listed, this, &AccountsCommand::onListed);
    directory->list();
}

void AccountsCommand::onListed(const QList<StoredAccount> &accounts, const QStringList &warnings)
{
    for (const QString &warning : warnings)
        out().warning(warning);
    if (!m_use.isEmpty()) {
        const bool known = std::any_of(accounts.cbegin(), accounts.cend(), [this](const StoredAccount &a) {
            return a.email == m_use && (a.inHerokuCliStore || a.herokuCliCurrent || a.signedInHere);
        });
        if (!known)
            return context()->fail(
                makeError(Error::Kind::NotFound,
                          QStringLiteral("no stored account %1; `cleardbctl accounts` lists them, "
                                         "`heroku login` or `cleardbctl login --also-heroku-cli` adds one")
                              .arg(m_use)));
        const Status chosen = AccountChoice::choose(QProcessEnvironment::systemEnvironment(),
                                                    client()->endpoint().host(), m_use);
        if (!chosen)
            return context()->fail(chosen.error());
        if (json())
            out().json(QJsonObject{{QStringLiteral("chosen"), m_use}});
        else
            out().line(QStringLiteral("Using %1 from now on (cleardbctl and the console)").arg(m_use));
        return context()->succeed();
    }
    // Which token the other commands would use, and from where.
    auto *resolver = newCredentialResolver(m_store, client()->endpoint(), this);
    connect(resolver, &CredentialResolver::resolved, this,
            [this, accounts](const CredentialResolution &resolution) { report(accounts, resolution); });
    resolver->resolve();
}

void AccountsCommand::report(const QList<StoredAccount> &accounts, const CredentialResolution &resolution)
{
    for (const QString &warning : resolution.warnings)
        out().warning(warning);
    const QString kind =
        resolution.hasToken() ? CredentialResolution::sourceName(resolution.source) : QString();
    if (json()) {
        QJsonArray list;
        for (const StoredAccount &account : accounts)
            list.append(
                QJsonObject{{QStringLiteral("email"), account.email},
                            {QStringLiteral("current"), account.current},
                            {QStringLiteral("sources"), QJsonArray::fromStringList(sourcesOf(account))}});
        out().json(QJsonObject{
            {QStringLiteral("accounts"), list},
            {QStringLiteral("token"),
             QJsonObject{{QStringLiteral("source"), resolution.hasToken() ? kind : QStringLiteral("none")},
                         {QStringLiteral("email"), resolution.login},
                         {QStringLiteral("description"), resolution.description}}}});
        return context()->succeed();
    }
    QList<QStringList> rows;
    for (const StoredAccount &account : accounts)
        rows << QStringList{account.email, sourcesOf(account).join(QStringLiteral(" ")),
                            account.current ? QStringLiteral("current") : QString()};
    out().table({QStringLiteral("Account"), QStringLiteral("Known from"), QString()}, rows,
                QStringLiteral("No stored accounts."));
    // The word "token" followed by a value reads as a secret to the output's redactor: say it otherwise.
    out().line(QStringLiteral("In use: the API key %1").arg(resolution.description));
    context()->succeed();
}
