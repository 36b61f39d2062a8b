// SPDX-License-Identifier: MIT
#include "account/BrowserSignInPanel.h"

#include "heroku/BrowserLogin.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

BrowserSignInPanel::BrowserSignInPanel(QNetworkAccessManager *network, const ApiEndpoint &endpoint,
                                       CredentialStore *store, QWidget *parent)
    : QWidget(parent), m_network(network), m_endpoint(endpoint), m_store(store),
      m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); }),
      m_start(new QPushButton(tr("Sign in with your &browser"), this)), m_urlRow(new QWidget(this)),
      m_url(new QLineEdit(m_urlRow)), m_openNote(new QLabel(this)), m_status(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel sign-in"), this))
{
    m_start->setObjectName(QStringLiteral("browserSignInButton"));
    m_start->setToolTip(tr("Opens Heroku's sign-in page in your web browser, as `heroku login` does"));
    connect(m_start, &QPushButton::clicked, this, &BrowserSignInPanel::start);

    m_url->setObjectName(QStringLiteral("browserUrlEdit"));
    m_url->setReadOnly(true);
    m_url->setAccessibleName(tr("Sign-in address"));
    auto *copy = new QPushButton(tr("&Copy"), m_urlRow);
    copy->setObjectName(QStringLiteral("copyBrowserUrlButton"));
    copy->setAccessibleName(tr("Copy the sign-in address"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_url->text()); });
    auto *urlLayout = new QHBoxLayout(m_urlRow);
    urlLayout->setContentsMargins(0, 0, 0, 0);
    urlLayout->addWidget(m_url, 1);
    urlLayout->addWidget(copy);
    m_urlRow->hide();

    m_openNote->setObjectName(QStringLiteral("browserOpenNote"));
    m_openNote->setWordWrap(true);
    m_openNote->setText(
        tr("Could not open a web browser. Copy the address above into your browser to sign in."));
    m_openNote->hide();
    m_status->setObjectName(QStringLiteral("browserStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_cancel->setObjectName(QStringLiteral("cancelBrowserButton"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_login)
            m_login->cancel();
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_start, 0, Qt::AlignLeft);
    layout->addWidget(m_urlRow);
    layout->addWidget(m_openNote);
    layout->addLayout(statusRow);
}

void BrowserSignInPanel::start()
{
    if (m_login)
        return;
    m_login = new BrowserLogin(m_network, m_endpoint, m_store, this);
    m_login->setEnvironment(m_environment);
    if (!m_homeDir.isEmpty())
        m_login->setHomeDir(m_homeDir);
    connect(m_login, &BrowserLogin::browserUrlReady, this, &BrowserSignInPanel::onUrl);
    connect(m_login, &BrowserLogin::finished, this, &BrowserSignInPanel::onFinished);
    m_url->clear();
    m_urlRow->hide();
    m_openNote->hide();
    m_status->setText(tr("Asking Heroku for a sign-in page…"));
    setRunning(true);
    Q_EMIT started();
    m_login->start();
}

void BrowserSignInPanel::onUrl(const QUrl &url)
{
    m_url->setText(url.toString(QUrl::FullyEncoded));
    m_url->setCursorPosition(0);
    m_urlRow->show();
    m_openNote->setVisible(!m_opener(url));
    m_status->setText(tr("Waiting for you to approve in the browser…"));
}

void BrowserSignInPanel::onFinished(const BrowserLoginOutcome &outcome)
{
    m_login->deleteLater();
    m_login.clear();
    setRunning(false);
    if (outcome.ok()) {
        m_status->clear();
        return Q_EMIT signedIn(outcome.value());
    }
    m_urlRow->hide();
    m_openNote->hide();
    if (outcome.error().kind == Error::Kind::Cancelled) {
        m_status->setText(tr("Sign-in cancelled."));
        return Q_EMIT cancelled();
    }
    m_status->clear();
    Q_EMIT failed(outcome.error().oneLine());
}

void BrowserSignInPanel::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setVisible(running);
}
