// SPDX-License-Identifier: MIT
#include "account/LoginDialog.h"

#include "account/BrowserSignInPanel.h"
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
      m_browser(new BrowserSignInPanel(network, endpoint, store, this)),
      m_useToken(new QPushButton(tr("Use an API &token instead"), this)), m_tokenSection(new QWidget(this)),
      m_token(new QLineEdit(m_tokenSection)), m_status(new QLabel(this)),
      m_error(DialogStyle::errorLabel(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Sign in to Heroku"));
    m_browser->setHomeDir(m_homeDir);
    m_browser->signInButton()->setDefault(true);
    connect(m_browser, &BrowserSignInPanel::started, this, [this] {
        m_error->hide();
        m_status->clear();
    });
    connect(m_browser, &BrowserSignInPanel::signedIn, this, [this](const BrowserLoginResult &result) {
        finishSignIn(result.email, result.token, result.stored);
    });
    connect(m_browser, &BrowserSignInPanel::failed, this, &LoginDialog::fail);

    m_useToken->setObjectName(QStringLiteral("useTokenButton"));
    m_useToken->setFlat(true);
    connect(m_useToken, &QPushButton::clicked, this, &LoginDialog::showTokenPath);

    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setAccessibleName(tr("Heroku API token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("paste the output of `heroku auth:token`"));
    auto *reveal = new QToolButton(m_tokenSection);
    reveal->setObjectName(QStringLiteral("tokenRevealButton"));
    reveal->setText(tr("Show"));
    reveal->setAccessibleName(tr("Show the token"));
    reveal->setCheckable(true);
    reveal->setShortcut(QKeySequence(Qt::ALT | Qt::Key_W));
    connect(reveal, &QToolButton::toggled, this, [this, reveal](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    m_signIn = new QPushButton(tr("&Sign in with the token"), m_tokenSection);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setEnabled(false);
    connect(m_token, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_signIn->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(reveal);
    tokenRow->addWidget(m_signIn);
    auto *form = new QFormLayout(m_tokenSection);
    form->setContentsMargins(0, 0, 0, 0);
    // A row of several widgets gets no buddy from QFormLayout, and a label without one shows its '&'.
    auto *tokenLabel = new QLabel(tr("API &token:"), m_tokenSection);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    m_tokenSection->hide();

    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("loginError"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(DialogStyle::wrappedLabel(
        tr("Sign in with your Heroku account in the web browser, as `heroku login` does. The token Heroku "
           "hands over is checked with Heroku (%1) and kept in the system keychain, or in ~/.netrc when "
           "there is no keychain.")
            .arg(endpoint.host()),
        this));
    layout->addWidget(m_browser);
    layout->addWidget(m_useToken, 0, Qt::AlignLeft);
    layout->addWidget(m_tokenSection);
    m_alsoHerokuCli = new QCheckBox(tr("Also sign in the &Heroku CLI"), this);
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

void LoginDialog::setHomeDir(const QString &home)
{
    m_homeDir = home;
    m_browser->setHomeDir(home);
}

void LoginDialog::showTokenPath()
{
    m_useToken->hide();
    m_tokenSection->show();
    // Enter in the token field now signs in with the token, not through the browser.
    m_browser->signInButton()->setDefault(false);
    m_signIn->setDefault(true);
    m_token->setFocus();
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
    login->setEnvironment(m_herokuCliEnvironment);
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
    finishSignIn(result.email, token, result.stored);
}

void LoginDialog::finishSignIn(const QString &email, const Secret &token, const CredentialWriteResult &stored)
{
    ConsoleConnection connection;
    connection.endpoint = m_endpoint;
    connection.token = token;
    connection.credentialKind =
        stored.keychain ? CredentialResolution::Source::Keychain : CredentialResolution::Source::Netrc;
    connection.credentialSource =
        stored.keychain ? QStringLiteral("from the system keychain") : QStringLiteral("from ~/.netrc");
    QString where = tr("Signed in as %1; token %2.").arg(email, stored.description);
    if (!stored.warnings.isEmpty())
        where += QLatin1Char(' ') + stored.warnings.join(QLatin1Char(' '));
    if (!m_alsoHerokuCli->isChecked())
        return complete(connection, email, where);
    m_status->setText(tr("Signing in the Heroku CLI…"));
    if (!m_herokuCliStore)
        m_herokuCliStore = HerokuCliStore::create(this);
    auto *share = new HerokuCliSignIn(m_herokuCliStore, this);
    share->setEnvironment(m_herokuCliEnvironment);
    connect(share, &HerokuCliSignIn::finished, this,
            [this, share, connection, email, where](const Status &status, const QString &description) {
                share->deleteLater();
                // Our own sign-in stands either way; the line says what became of the CLI's.
                const QString cli = status ? description : status.error().oneLine();
                complete(connection, email,
                         where + QLatin1Char(' ') + cli.at(0).toUpper() + cli.mid(1) + QLatin1Char('.'));
            });
    share->signIn(email, token);
}

void LoginDialog::complete(const ConsoleConnection &connection, const QString &email, const QString &where)
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
    if (m_tokenSection->isHidden())
        return;
    m_token->setEnabled(true);
    m_signIn->setEnabled(true);
    m_token->setFocus();
    m_token->selectAll();
}
