// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/ApiEndpoint.h"
#include "heroku/BrowserLoginResult.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

#include <functional>

class BrowserLogin;
class CredentialStore;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

// The sign-in dialog's first choice: "Sign in with your browser", the Heroku CLI's flow (core's
// BrowserLogin). The button starts it; Heroku's approval page is opened with the desktop's browser
// (QDesktopServices::openUrl) and its address is shown with a Copy button, with a plain note when
// no browser could be opened; while Heroku waits for the approval it says so, with Cancel. The
// outcome goes to the dialog: signedIn() once the token is checked and stored, failed() with one
// line (a refusal, an unreachable login host), cancelled(). Closing the dialog destroys the panel
// and with it the pending sign-in.
//
// objectNames: browserSignInButton, browserUrlEdit, copyBrowserUrlButton, browserOpenNote,
// browserStatus, cancelBrowserButton.
class BrowserSignInPanel : public QWidget
{
    Q_OBJECT
public:
    BrowserSignInPanel(QNetworkAccessManager *network, const ApiEndpoint &endpoint, CredentialStore *store,
                       QWidget *parent = nullptr);

    void setHomeDir(const QString &home) { m_homeDir = home; }
    // HEROKU_LOGIN_HOST is read from here (default: the process environment).
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // How the address is opened (default QDesktopServices::openUrl); false means no browser opened.
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_opener = std::move(opener); }
    QPushButton *signInButton() const { return m_start; }
    bool isRunning() const { return !m_login.isNull(); }

Q_SIGNALS:
    void started();
    void signedIn(const BrowserLoginResult &result);
    void failed(const QString &message);
    void cancelled();

private:
    void start();
    void onUrl(const QUrl &url);
    void onFinished(const BrowserLoginOutcome &outcome);
    void setRunning(bool running);

    QNetworkAccessManager *m_network;
    ApiEndpoint m_endpoint;
    CredentialStore *m_store;
    QString m_homeDir;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    std::function<bool(const QUrl &)> m_opener;
    QPointer<BrowserLogin> m_login;
    QPushButton *m_start;
    QWidget *m_urlRow;
    QLineEdit *m_url;
    QLabel *m_openNote;
    QLabel *m_status;
    QPushButton *m_cancel;
};
