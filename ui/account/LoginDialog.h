// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/ApiEndpoint.h"
#include "heroku/TokenLoginResult.h"
#include "session/ConsoleConnection.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>

class BrowserSignInPanel;
class CredentialStore;
class HerokuClient;
class QCheckBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

// Signing in to Heroku, the console's `cleardbctl login`. The first, default choice is the
// browser sign-in users know from `heroku login` (BrowserSignInPanel: Heroku's approval page,
// its address to copy, Cancel, a refusal shown inline). "Use an API token instead" opens the
// second path: the user pastes a token (`heroku auth:token`, or Account settings → API key)
// into a masked field; core's TokenLogin (shared with `cleardbctl login`) checks it with GET
// /account and only then stores it through CredentialWriter — the system keychain, or ~/.netrc
// (0600) when no keychain answers. Either way the dialog says where the token went, and a token
// Heroku refuses is reported inline with nothing stored.
//
//     auto *login = new LoginDialog(network, endpoint, keychain, window);
//     connect(login, &LoginDialog::signedIn, window, &MainWindow::open);
//     login->open();
//
// The store and the home directory are injected so tests use an
// InMemoryCredentialStore and a temporary $HOME. objectNames: useTokenButton, tokenEdit,
// tokenRevealButton, signInButton, loginError, loginStatus, alsoHerokuCliCheck, and the panel's
// (BrowserSignInPanel).
//
// "Also sign in the Heroku CLI" (off by default: the CLI's store is not ours to write unasked) then
// leaves the verified token where `heroku login` would (HerokuCliSignIn); what happened is added to
// the "Signed in as …" line, and a failure there does not undo our own sign-in.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(QNetworkAccessManager *network, const ApiEndpoint &endpoint, CredentialStore *store,
                QWidget *parent = nullptr);

    // ~/.netrc is looked up under this directory (default: $HOME).
    void setHomeDir(const QString &home);
    BrowserSignInPanel *browserPanel() const { return m_browser; }
    // Where "also sign in the Heroku CLI" writes (default HerokuCliStore::create()), and the environment
    // naming its login.json; for tests.
    void setHerokuCliStore(CredentialStore *store) { m_herokuCliStore = store; }
    void setHerokuCliEnvironment(const QProcessEnvironment &environment)
    {
        m_herokuCliEnvironment = environment;
    }

Q_SIGNALS:
    // Verified and stored: a connection for the main window, the account and where the token went
    // ("stored in the system keychain").
    void signedIn(const ConsoleConnection &connection, const QString &email, const QString &storedWhere);

private:
    void signIn();
    void showTokenPath();
    void onFinished(const TokenLoginResult &result, const Secret &token);
    void finishSignIn(const QString &email, const Secret &token, const CredentialWriteResult &stored);
    void complete(const ConsoleConnection &connection, const QString &email, const QString &where);
    void fail(const QString &message);

    QNetworkAccessManager *m_network;
    ApiEndpoint m_endpoint;
    CredentialStore *m_store;
    QString m_homeDir;
    QPointer<HerokuClient> m_client;
    BrowserSignInPanel *m_browser;
    QPushButton *m_useToken;
    QWidget *m_tokenSection;
    QLineEdit *m_token;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_signIn;
    QCheckBox *m_alsoHerokuCli;
    CredentialStore *m_herokuCliStore = nullptr;
    QProcessEnvironment m_herokuCliEnvironment = QProcessEnvironment::systemEnvironment();
};
