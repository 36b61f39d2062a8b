// SPDX-License-Identifier: MIT
#include "account/AccountSwitcher.h"

#include "credentials/AccountChoice.h"
#include "credentials/CredentialResolver.h"
#include "credentials/HerokuCliStore.h"
#include "credentials/KeychainCredentialStore.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

AccountSwitcher::AccountSwitcher(QWidget *window)
    : QObject(window), m_menu(new QMenu(tr("S&witch account"), window))
{
    m_menu->setObjectName(QStringLiteral("switchAccountMenu"));
    m_menu->setToolTipsVisible(true);
    connect(m_menu, &QMenu::aboutToShow, this, &AccountSwitcher::refresh);
}

CredentialStore *AccountSwitcher::herokuCliStore()
{
    if (!m_herokuCliStore)
        m_herokuCliStore = HerokuCliStore::create(this);
    return m_herokuCliStore;
}

ApiEndpoint AccountSwitcher::endpoint() const
{
    // Before the first connection the endpoint comes from HEROKU_HOST, as at start-up; never the sandbox's
    // own heroku-sim, whose token is not a stored account's.
    if (m_connection.endpoint.baseUrl().isEmpty() || m_connection.sandbox)
        return ApiEndpoint::fromSetting(m_environment.value(QStringLiteral("HEROKU_HOST")));
    return m_connection.endpoint;
}

CredentialStore *AccountSwitcher::ownStore()
{
    if (!m_ownStore)
        m_ownStore = new KeychainCredentialStore(this);
    return m_ownStore;
}

void AccountSwitcher::refresh()
{
    auto *directory = new AccountDirectory(herokuCliStore(), this);
    directory->setEnvironment(m_environment);
    directory->setApiHost(endpoint().host());
    connect(directory, &AccountDirectory::listed, this,
            [this, directory](const QList<StoredAccount> &accounts, const QStringList &warnings) {
                directory->deleteLater();
                fill(accounts, warnings);
            });
    directory->list();
}

void AccountSwitcher::fill(const QList<StoredAccount> &accounts, const QStringList &warnings)
{
    m_menu->clear();
    for (const StoredAccount &account : accounts) {
        QAction *action = m_menu->addAction(account.email);
        action->setObjectName(QStringLiteral("switchAccount:") + account.email);
        action->setCheckable(true);
        action->setChecked(account.current);
        action->setToolTip(account.signedInHere ? tr("Signed in with this console or cleardbctl")
                           : account.inHerokuCliStore
                               ? tr("Signed in with the Heroku CLI (%1)").arg(HerokuCliStore::displayName())
                               : tr("Named by the Heroku CLI's login.json"));
        const QString email = account.email;
        connect(action, &QAction::triggered, this, [this, email] { switchTo(email); });
    }
    if (accounts.isEmpty()) {
        QAction *none = m_menu->addAction(tr("No stored accounts (sign in with `heroku login`)"));
        none->setEnabled(false);
    }
    if (!warnings.isEmpty())
        m_menu->setToolTip(warnings.join(QLatin1Char('\n')));
    Q_EMIT refreshed();
}

void AccountSwitcher::switchTo(const QString &email)
{
    const ApiEndpoint api = endpoint();
    const Status chosen = AccountChoice::choose(m_environment, api.host(), email);
    if (!chosen)
        return Q_EMIT failed(chosen.error().oneLine());
    auto *resolver = new CredentialResolver(ownStore(), this);
    resolver->setHerokuCliStore(herokuCliStore());
    resolver->setEnvironment(m_environment);
    resolver->setApiHost(api.host());
    resolver->setNetrcMachine(api.netrcMachine());
    connect(resolver, &CredentialResolver::resolved, this,
            [this, resolver, api, email](const CredentialResolution &resolution) {
                resolver->deleteLater();
                if (resolution.source == CredentialResolution::Source::Environment)
                    return Q_EMIT failed(
                        tr("HEROKU_API_KEY is set and wins over stored accounts; unset it where the "
                           "console is started to switch."));
                if (!resolution.hasToken() || resolution.login != email)
                    return Q_EMIT failed(tr("Could not switch to %1: its token could not be read (%2).")
                                             .arg(email, resolution.warnings.isEmpty()
                                                             ? resolution.description
                                                             : resolution.warnings.join(QLatin1Char(' '))));
                Q_EMIT switched(ConsoleConnection::resolved(api, resolution));
            });
    resolver->resolve();
}
