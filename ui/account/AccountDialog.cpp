// SPDX-License-Identifier: MIT
#include "account/AccountDialog.h"

#include "credentials/CredentialWriter.h"
#include "heroku/HerokuClient.h"
#include "heroku/SignOut.h"
#include "widgets/DialogStyle.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

AccountDialog::AccountDialog(const ConsoleConnection &connection, const QString &email,
                             CredentialStore *store, QWidget *parent)
    : QDialog(parent), m_connection(connection), m_store(store), m_homeDir(QDir::homePath()),
      m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("accountDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Account and credentials"));
    auto *emailLabel = new QLabel(email.isEmpty() ? tr("(not loaded yet)") : email, this);
    emailLabel->setObjectName(QStringLiteral("accountEmail"));
    emailLabel->setTextFormat(Qt::PlainText);
    QLabel *source = DialogStyle::wrappedLabel(explain(connection), this);
    source->setObjectName(QStringLiteral("credentialSourceText"));
    auto *form = new QFormLayout;
    form->addRow(tr("Account:"), emailLabel);
    form->addRow(tr("API:"), new QLabel(connection.endpoint.baseUrl().toDisplayString(), this));
    form->addRow(tr("Token:"), source);
    m_result->setObjectName(QStringLiteral("logoutResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *signIn = buttons->addButton(tr("Sign in with a &token…"), QDialogButtonBox::ActionRole);
    signIn->setObjectName(QStringLiteral("signInButton"));
    m_logout = buttons->addButton(tr("&Log out"), QDialogButtonBox::ActionRole);
    m_logout->setObjectName(QStringLiteral("logoutButton"));
    m_logout->setToolTip(tr(
        "Revoke the stored token's session at Heroku and remove the token from the keychain and ~/.netrc"));
    connect(signIn, &QPushButton::clicked, this, [this] {
        Q_EMIT signInRequested();
        accept();
    });
    connect(m_logout, &QPushButton::clicked, this, &AccountDialog::logout);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QString AccountDialog::explain(const ConsoleConnection &connection)
{
    const QString host = connection.endpoint.host();
    switch (connection.credentialKind) {
    case CredentialResolution::Source::Environment:
        return tr("From the HEROKU_API_KEY environment variable, which wins over stored tokens. Logging out "
                  "cannot remove it: unset HEROKU_API_KEY where the console is started.");
    case CredentialResolution::Source::HerokuCli: {
        // "from the Heroku CLI's login (GNOME Keyring / Secret Service, user@example.com)"
        QString where = connection.credentialSource;
        if (!where.isEmpty())
            where[0] = where.at(0).toUpper();
        return tr("%1. Logging out here leaves the Heroku CLI signed in (`heroku logout` signs it out), so "
                  "the "
                  "console finds that login again on its next start.")
            .arg(where);
    }
    case CredentialResolution::Source::Keychain:
        return tr("From the system keychain (service cleardb-console, account %1).").arg(host);
    case CredentialResolution::Source::Netrc:
        return tr("From ~/.netrc (machine %1), the file the Heroku CLI also uses; logging out here logs the "
                  "CLI out too.")
            .arg(host);
    case CredentialResolution::Source::Sandbox:
        return tr("The local sandbox's own token (heroku-sim on this machine); nothing reaches your Heroku "
                  "account.");
    case CredentialResolution::Source::None:
        break;
    }
    return connection.credentialSource.isEmpty() ? tr("Not signed in.") : connection.credentialSource;
}

void AccountDialog::logout()
{
    m_logout->setEnabled(false);
    auto *writer = new CredentialWriter(m_store, this);
    writer->setApiHost(m_connection.endpoint.host());
    writer->setNetrcMachine(m_connection.endpoint.netrcMachine());
    writer->setHomeDir(m_homeDir);
    // Only a token a sign-in stored is revoked: HEROKU_API_KEY belongs to whoever set it, the
    // Heroku CLI's login to the CLI (revoking it would sign the CLI out behind its back), and the
    // sandbox's token is heroku-sim's own.
    const CredentialResolution::Source kind = m_connection.credentialKind;
    const bool revoke = m_network && kind != CredentialResolution::Source::Environment &&
                        kind != CredentialResolution::Source::HerokuCli &&
                        kind != CredentialResolution::Source::Sandbox &&
                        kind != CredentialResolution::Source::None;
    auto *client = new HerokuClient(m_network, m_connection.endpoint, this);
    auto *signOut = new SignOut(client, writer, this);
    connect(signOut, &SignOut::finished, this, [this, signOut, writer, client](const SignOutResult &result) {
        signOut->deleteLater();
        writer->deleteLater();
        client->deleteLater();
        showLoggedOut(result);
    });
    signOut->signOut(revoke ? m_connection.token : Secret());
}

void AccountDialog::showLoggedOut(const SignOutResult &result)
{
    m_logout->setEnabled(true);
    QStringList lines;
    if (!result.local.ok)
        lines << tr("Could not log out: %1").arg(result.local.error);
    else
        lines << tr("Logged out: %1.").arg(result.local.description);
    if (!result.revoked.isEmpty())
        lines << tr("Revoked at Heroku: %1.").arg(result.revoked.join(QStringLiteral(", ")));
    lines << result.notes << result.notRevoked;
    if (m_connection.credentialKind == CredentialResolution::Source::Environment)
        lines << tr("HEROKU_API_KEY is still set and still signs this console in.");
    if (m_connection.credentialKind == CredentialResolution::Source::HerokuCli)
        lines << tr("The Heroku CLI's login was left alone and signs this console in again on its next "
                    "start; `heroku logout` signs the CLI out.");
    const QString text = lines.join(QLatin1Char('\n'));
    m_result->setText(text);
    if (result.local.ok)
        Q_EMIT loggedOut(text);
}
