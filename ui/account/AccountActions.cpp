// SPDX-License-Identifier: MIT
#include "account/AccountActions.h"

#include "account/AccountDialog.h"
#include "account/LoginDialog.h"
#include "credentials/KeychainCredentialStore.h"
#include "session/AppCatalog.h"
#include "session/ConsoleSession.h"
#include "widgets/CloseWithSession.h"
#include "widgets/MessageBar.h"
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QDir>
#include <QWidget>

AccountActions::AccountActions(QNetworkAccessManager *network, QWidget *window, MessageBar *messageBar)
    : QObject(window), m_network(network), m_window(window), m_messageBar(messageBar),
      m_homeDir(QDir::homePath())
{
    m_signIn = makeShortcutAction({QStringLiteral("signInAction"),
                                   tr("Sign in…"),
                                   tr("Sign in through the browser, or with a Heroku API token"),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                                   {}},
                                  this);
    m_account = makeShortcutAction({QStringLiteral("accountAction"),
                                    tr("Account…"),
                                    tr("Where the credentials come from; log out"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                                    {}},
                                   this);
    for (QAction *action : actions())
        m_window->addAction(action);
    connect(m_signIn, &QAction::triggered, this, &AccountActions::openSignIn);
    connect(m_account, &QAction::triggered, this, &AccountActions::openAccount);
    m_account->setEnabled(false);
}

void AccountActions::setSession(ConsoleSession *session)
{
    m_session = session;
    m_connection = session ? session->connection() : ConsoleConnection();
    m_email.clear();
    m_account->setEnabled(session != nullptr);
    // The retiring session's catalog is cut off from every receiver, so its late answer never
    // overwrites the new account's email.
    if (session)
        connect(session->catalog(), &AppCatalog::accountChanged, this,
                [this](const QString &email) { m_email = email; });
}

CredentialStore *AccountActions::store()
{
    if (!m_store)
        m_store = new KeychainCredentialStore(this);
    return m_store;
}

void AccountActions::openSignIn()
{
    // Before the first connection (start-up failed) the endpoint comes from HEROKU_HOST, as at start-up.
    const ApiEndpoint endpoint =
        m_connection.endpoint.baseUrl().isEmpty() ? ApiEndpoint::fromEnvironment() : m_connection.endpoint;
    auto *dialog = new LoginDialog(m_network, endpoint, store(), m_window);
    dialog->setHomeDir(m_homeDir);
    connect(dialog, &LoginDialog::signedIn, this,
            [this](const ConsoleConnection &connection, const QString &, const QString &where) {
                Q_EMIT signedIn(connection);
                m_messageBar->showMessage(where, MessageBar::Positive);
            });
    dialog->open();
}

void AccountActions::openAccount()
{
    auto *dialog = new AccountDialog(m_connection, m_email, store(), m_window);
    dialog->setHomeDir(m_homeDir);
    dialog->setNetwork(m_network);
    connect(dialog, &AccountDialog::signInRequested, this, &AccountActions::openSignIn);
    connect(dialog, &AccountDialog::loggedOut, this,
            [this](const QString &what) { m_messageBar->showMessage(what, MessageBar::Information); });
    closeWithSession(dialog, m_session);
    dialog->open();
}
