// SPDX-License-Identifier: MIT
#include "account/LoginDialog.h"

#include "credentials/HerokuCliSignIn.h"
#include "credentials/HerokuCliStore.h"
#include "heroku/HerokuClient.h"
#include "heroku/TokenLogin.h"
#include "widgets/DialogStyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

LoginDialog::LoginDialog(QNetworkAccessManager *network, const ApiEndpoint &endpoint, CredentialStore *store,
                         QWidget *parent)
    : QDialog(parent), m_network(network), m_endpoint(endpoint), m_store(store), m_homeDir(QDir::homePath()),
      m_token(new QLineEdit(this)), m_status(new QLabel(this)), m_error(DialogStyle::errorLabel(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Sign in to Heroku"));
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setAccessibleName(tr("Heroku API token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("paste the output of `heroku auth:token`"));
    auto *reveal = new QToolButton(this);
    reveal->setObjectName(QStringLiteral("tokenRevealButton"));
    reveal->setText(tr("Show"));
    reveal->setAccessibleName(tr("Show the token"));
    reveal->setCheckable(true);
    reveal->setShortcut(QKeySequence(Qt::ALT | Qt::Key_W));
    connect(reveal, &QToolButton::toggled, this, [this, reveal](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(reveal);
    auto *form = new QFormLayout;
    // A row of two widgets gets no buddy from QFormLayout, and a label without one shows its '&'.
    auto *tokenLabel = new QLabel(tr("API &token:"), this);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("loginError"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_signIn->setEnabled(false);
    connect(m_token, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_signIn->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(DialogStyle::wrappedLabel(
        tr("The token is checked with Heroku (%1) and then kept in the system keychain, or in ~/.netrc when "
           "there is no keychain, like `heroku login` does.")
            .arg(endpoint.host()),
        this));
    layout->addLayout(form);
    m_alsoHerokuCli = new QCheckBox(tr("Also sign in the &Heroku CLI with this token"), this);
    m_alsoHerokuCli->setObjectName(QStringLiteral("alsoHerokuCliCheck"));
    m_alsoHerokuCli->setToolTip(
        tr("Stores the token where `heroku login` keeps it (service heroku-cli in %1) and "
           "makes this account the Heroku CLI's current one")
            .arg(HerokuCliStore::displayName()));
    layout->addWidget(m_alsoHerokuCli);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(500);
}

void LoginDialog::signIn()
{
    const Secret token(m_token->text().trimmed());
    if (token.isEmpty())
        return;
    m_signIn->setEnabled(false);
    m_token->setEnabled(false);
    m_error->hide();
    m_status->setText(tr("Checking the token with Heroku…"));
    delete m_client;
    m_client = new HerokuClient(m_network, m_endpoint, this);
    auto *login = new TokenLogin(m_client, m_store, m_client);
    login->setHomeDir(m_homeDir);
    connect(login, &TokenLogin::finished, this,
            [this, token](const TokenLoginResult &result) { onFinished(result, token); });
    login->login(token);
}

void LoginDialog::onFinished(const TokenLoginResult &result, const Secret &token)
{
    // Platform API: 401 "unauthorized" for a wrong, revoked or expired token.
    if (result.verifyError.httpStatus == 401)
        return fail(tr("Heroku did not accept this token (%1). Copy it again with `heroku auth:token`; "
                       "nothing was stored.")
                        .arg(result.verifyError.oneLine()));
    if (!result.verified())
        return fail(
            tr("Could not check the token: %1. Nothing was stored.").arg(result.verifyError.oneLine()));
    if (!result.stored.ok)
        return fail(tr("The token works, but it could not be stored: %1").arg(result.stored.error));
    ConsoleConnection connection;
    connection.endpoint = m_endpoint;
    connection.token = token;
    connection.credentialKind =
        result.stored.keychain ? CredentialResolution::Source::Keychain : CredentialResolution::Source::Netrc;
    connection.credentialSource =
        result.stored.keychain ? QStringLiteral("from the system keychain") : QStringLiteral("from ~/.netrc");
    QString where = tr("Signed in as %1; token %2.").arg(result.email, result.stored.description);
    if (!result.stored.warnings.isEmpty())
        where += QLatin1Char(' ') + result.stored.warnings.join(QLatin1Char(' '));
    if (!m_alsoHerokuCli->isChecked())
        return finishSignIn(connection, result.email, where);
    m_status->setText(tr("Signing in the Heroku CLI…"));
    if (!m_herokuCliStore)
        m_herokuCliStore = HerokuCliStore::create(this);
    auto *share = new HerokuCliSignIn(m_herokuCliStore, this);
    share->setEnvironment(m_herokuCliEnvironment);
    const QString email = result.email;
    connect(share, &HerokuCliSignIn::finished, this,
            [this, share, connection, email, where](const Status &status, const QString &description) {
                share->deleteLater();
                // Our own sign-in stands either way; the line says what became of the CLI's.
                const QString cli = status ? description : status.error().oneLine();
                finishSignIn(connection, email,
                             where + QLatin1Char(' ') + cli.at(0).toUpper() + cli.mid(1) + QLatin1Char('.'));
            });
    share->signIn(result.email, token);
}

void LoginDialog::finishSignIn(const ConsoleConnection &connection, const QString &email,
                               const QString &where)
{
    m_status->setText(where);
    Q_EMIT signedIn(connection, email, where);
    accept();
}

void LoginDialog::fail(const QString &message)
{
    m_status->clear();
    m_error->setText(message);
    m_error->show();
    m_token->setEnabled(true);
    m_signIn->setEnabled(true);
    m_token->setFocus();
    m_token->selectAll();
}
