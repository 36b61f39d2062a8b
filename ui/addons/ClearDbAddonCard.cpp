// SPDX-License-Identifier: MIT
#include "addons/ClearDbAddonCard.h"

#include "heroku/HerokuClient.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

ClearDbAddonCard::ClearDbAddonCard(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_urlEdit(new QLineEdit(this)),
      m_reveal(new QToolButton(this)), m_promote(new QPushButton(tr("&Promote to DATABASE_URL…"), this)),
      m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("clearDbAddonCard"));
    m_title->setObjectName(QStringLiteral("addonCardTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_urlEdit->setObjectName(QStringLiteral("addonUrlField"));
    m_urlEdit->setAccessibleName(tr("Database URL (masked)"));
    m_urlEdit->setReadOnly(true);
    m_reveal->setObjectName(QStringLiteral("addonUrlReveal"));
    m_reveal->setText(tr("Reveal"));
    m_reveal->setAccessibleName(tr("Reveal the database password"));
    m_reveal->setToolTip(tr("Show the password for a few seconds"));
    m_reveal->setCheckable(true);
    m_reveal->setEnabled(false);
    m_promote->setObjectName(QStringLiteral("promoteButton"));
    m_promote->setToolTip(tr("Point DATABASE_URL at this database, so frameworks that read only "
                             "DATABASE_URL use it"));
    m_promote->setEnabled(false);
    m_note->setObjectName(QStringLiteral("addonCardNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addWidget(m_title, 0, 0, 1, 3);
    layout->addWidget(m_urlEdit, 1, 0);
    layout->addWidget(m_reveal, 1, 1);
    layout->addWidget(m_promote, 1, 2);
    layout->addWidget(m_note, 2, 0, 1, 3);
    layout->setColumnStretch(0, 1);

    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, [this] { setRevealed(false); });
    connect(m_reveal, &QToolButton::toggled, this, &ClearDbAddonCard::setRevealed);
    connect(m_promote, &QPushButton::clicked, this, [this] { Q_EMIT promoteRequested(m_app, m_urlVar); });
    hide();
}

void ClearDbAddonCard::setClient(HerokuClient *client)
{
    clear();
    m_client = client;
}

void ClearDbAddonCard::clear()
{
    if (m_request)
        m_request->cancel();
    setRevealed(false);
    m_app.clear();
    m_addon.clear();
    m_rawUrl = Secret();
    m_url.reset();
    m_urlEdit->clear();
    hide();
    Q_EMIT cleared();
}

void ClearDbAddonCard::showAddon(const QString &app, const QString &addon, const QString &urlVar)
{
    if (app == m_app && addon == m_addon && isVisible())
        return;
    clear();
    if (!m_client)
        return;
    m_app = app;
    m_addon = addon;
    m_urlVar = urlVar;
    m_title->setText(tr("%1 of %2").arg(urlVar, addon));
    m_note->setText(tr("Loading the URL…"));
    m_reveal->setEnabled(false);
    m_promote->setEnabled(false);
    show();
    m_request = m_client->configVars(app);
    connect(m_request, &HerokuRequest::finished, this, &ClearDbAddonCard::onConfigVars);
}

void ClearDbAddonCard::onConfigVars(const HerokuResult &result)
{
    if (result.error.kind == HerokuError::Kind::Cancelled)
        return;
    if (!result.ok()) {
        m_note->setText(tr("Could not load %1: %2").arg(m_urlVar, result.error.oneLine()));
        return;
    }
    // Keep only this add-on's var; every other value is dropped right here.
    const QString raw = result.object().value(m_urlVar).toString();
    if (raw.isEmpty()) {
        m_note->setText(tr("%1 is not set yet: Heroku sets it when the add-on is provisioned. "
                           "Refresh (F5) in a moment.")
                            .arg(m_urlVar));
        return;
    }
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(raw);
    if (!parsed.ok()) {
        m_note->setText(
            tr("%1 is not a MySQL URL the console understands: %2").arg(m_urlVar, parsed.error.message));
        return;
    }
    m_rawUrl = Secret(raw);
    m_url = parsed.url;
    m_urlEdit->setText(parsed.url.redacted());
    m_urlEdit->setCursorPosition(0);
    m_note->setText(tr("Apps that read only DATABASE_URL (Rails, Django with dj-database-url) need it "
                       "promoted."));
    m_reveal->setEnabled(true);
    m_promote->setEnabled(true);
    Q_EMIT urlLoaded(m_app, m_addon);
}

bool ClearDbAddonCard::isRevealed() const
{
    return m_reveal->isChecked();
}

void ClearDbAddonCard::setPromoteAvailable(bool available)
{
    m_promote->setVisible(available);
}

void ClearDbAddonCard::setRevealed(bool revealed)
{
    revealed = revealed && m_url.has_value();
    if (m_reveal->isChecked() != revealed) {
        const QSignalBlocker blocker(m_reveal);
        m_reveal->setChecked(revealed);
    }
    m_reveal->setText(revealed ? tr("Hide") : tr("Reveal"));
    if (!m_url)
        return;
    m_urlEdit->setText(revealed ? m_rawUrl.reveal() : m_url->redacted());
    m_urlEdit->setCursorPosition(0); // start at the scheme and user, not the query
    if (revealed)
        m_hideTimer.start(m_revealTimeoutMs);
    else
        m_hideTimer.stop();
}
