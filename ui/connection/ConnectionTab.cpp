// SPDX-License-Identifier: MIT
#include "connection/ConnectionTab.h"

#include "connection/ProbeWaterfall.h"
#include "connection/ServerIdentityView.h"
#include "connection/TlsCardView.h"
#include "credentials/SecretRedactor.h"
#include "probe/ConnectionProbe.h"
#include "probe/UrlProbeTarget.h"
#include "session/AppDatabaseUrlLoader.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

ConnectionTab::ConnectionTab(QWidget *parent)
    : QWidget(parent), m_loader(new AppDatabaseUrlLoader(this)), m_probe(new ConnectionProbe(this)),
      m_source(new QLabel(this)), m_url(new QLineEdit(this)), m_testButton(new QPushButton(this)),
      m_message(new MessageBar(this)), m_summary(new QLabel(this)), m_waterfall(new ProbeWaterfall(this)),
      m_identity(new ServerIdentityView(this)), m_tls(new TlsCardView(this))
{
    setObjectName(QStringLiteral("connectionTab"));
    setAccessibleName(tr("Connection"));
    m_source->setObjectName(QStringLiteral("connectionUrlSource"));
    m_source->setTextFormat(Qt::PlainText);
    m_source->setWordWrap(true);
    m_url->setObjectName(QStringLiteral("connectionUrl"));
    m_url->setAccessibleName(tr("Database URL"));
    m_url->setPlaceholderText(tr("mysql://user:password@host/database?ssl-ca=/path/to/ca.pem"));
    m_url->setEchoMode(QLineEdit::Password);
    m_url->setClearButtonEnabled(true);
    m_source->setBuddy(m_url);

    m_revealAction =
        m_url->addAction(QIcon(QStringLiteral(":/icons/reveal.svg")), QLineEdit::TrailingPosition);
    m_revealAction->setObjectName(QStringLiteral("revealUrlAction"));
    m_revealAction->setText(tr("Show or hide the database URL"));
    m_revealAction->setCheckable(true);
    m_revealAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    // Window-wide while this tab is on screen (a hidden widget's shortcuts never fire): the hints
    // advertise the keys, so they must not depend on where the focus happens to be.
    m_revealAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_revealAction);
    connect(m_revealAction, &QAction::toggled, this, &ConnectionTab::setRevealed);

    m_testAction = new QAction(QIcon(QStringLiteral(":/icons/probe.svg")), tr("Test connection"), this);
    m_testAction->setObjectName(QStringLiteral("testConnectionAction"));
    m_testAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_testAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_testAction);
    connect(m_testAction, &QAction::triggered, this, &ConnectionTab::testConnection);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setText(m_testAction->text());
    m_testButton->setIcon(m_testAction->icon());
    m_testButton->setToolTip(tr("Connect stage by stage and time each (%1)")
                                 .arg(m_testAction->shortcut().toString(QKeySequence::NativeText)));
    m_testButton->setAccessibleName(m_testAction->text());
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionTab::testConnection);
    connect(m_url, &QLineEdit::returnPressed, this, &ConnectionTab::testConnection);
    connect(m_url, &QLineEdit::textEdited, this, &ConnectionTab::onUrlEdited);

    m_message->setObjectName(QStringLiteral("connectionMessage"));
    m_message->hideMessage();
    connect(m_message, &MessageBar::actionTriggered, this, &ConnectionTab::testConnection);
    m_summary->setObjectName(QStringLiteral("connectionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    auto *row = new QHBoxLayout;
    row->addWidget(m_url, 1);
    row->addWidget(m_testButton);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_waterfall);
    auto *cards = new QHBoxLayout;
    cards->addWidget(m_identity, 1);
    cards->addWidget(m_tls, 1);
    layout->addLayout(cards);
    layout->addStretch(1);

    connect(m_loader, &AppDatabaseUrlLoader::loaded, this, &ConnectionTab::onUrlLoaded);
    connect(m_loader, &AppDatabaseUrlLoader::unavailable, this, &ConnectionTab::onUrlUnavailable);
    connect(m_probe, &ConnectionProbe::stageFinished, m_waterfall, &ProbeWaterfall::addStage);
    connect(m_probe, &ConnectionProbe::finished, this, &ConnectionTab::onProbeFinished);
    m_source->setText(tr("Database URL (select an app, or paste any MySQL database URL):"));
    showIdle(tr("Select an app with ClearDB on the left, or paste a database URL above, then press Test "
                "connection (%1).")
                 .arg(m_testAction->shortcut().toString(QKeySequence::NativeText)));
}

ConnectionTab::~ConnectionTab() = default;

void ConnectionTab::setClient(HerokuClient *client)
{
    m_loader->setClient(client);
    if (m_app.isEmpty())
        return; // a pasted URL belongs to no account and stays
    // Another session: the URL of the previous account's app, and a test of it, are not this one's.
    m_app.clear();
    abortTest();
    m_url->clear();
    m_source->setText(tr("Database URL (select an app, or paste any MySQL database URL):"));
    showIdle(tr("Select an app with ClearDB on the left, or paste a database URL above."));
    Q_EMIT databaseUrlChanged(Secret(), m_source->text()); // an idle monitor lets go of it too
}

void ConnectionTab::abortTest()
{
    // An abandoned probe never delivers its result, so nothing else would enable Test again.
    m_probe->abort();
    m_testAction->setEnabled(true);
    m_testButton->setEnabled(true);
}

void ConnectionTab::setApp(const QString &app)
{
    m_app = app;
    abortTest();
    m_url->clear();
    m_source->setText(tr("Database URL of %1 (loading…):").arg(app));
    showIdle(tr("Loading the database URL of %1…").arg(app));
    m_loader->load(app);
}

void ConnectionTab::setUrlText(const QString &text, const QString &source)
{
    m_loader->cancel();
    m_url->setText(text);
    onUrlEdited();
    if (!source.isEmpty())
        m_source->setText(source);
}

void ConnectionTab::onUrlEdited()
{
    m_loader->cancel();
    m_app.clear();
    m_source->setText(tr("Pasted database URL:"));
    Q_EMIT databaseUrlChanged(Secret(m_url->text().trimmed()), m_source->text());
}

void ConnectionTab::onUrlLoaded(const QString &app, const QString &variable, const Secret &url)
{
    m_url->setText(url.reveal());
    m_source->setText(tr("%1 of %2:").arg(variable, app));
    Q_EMIT databaseUrlChanged(url, m_source->text());
    showIdle(tr("Press Test connection (%1) to connect to the database of %2 stage by stage.")
                 .arg(m_testAction->shortcut().toString(QKeySequence::NativeText), app));
}

void ConnectionTab::onUrlUnavailable(const QString &app, const QString &message)
{
    m_source->setText(tr("Database URL of %1 (none):").arg(app));
    showIdle(message);
}

void ConnectionTab::showIdle(const QString &text)
{
    m_message->hideMessage();
    m_summary->setText(text);
    m_waterfall->clear();
    m_identity->clear();
    m_tls->clear();
}

bool ConnectionTab::isTesting() const
{
    return m_probe->isRunning();
}

void ConnectionTab::testConnection()
{
    if (m_url->text().trimmed().isEmpty()) {
        m_message->showMessage(tr("Enter a database URL first, or select an app that has ClearDB."),
                               MessageBar::Warning);
        m_url->setFocus();
        return;
    }
    // UrlProbeTarget's message names the wrong part of the URL and never contains the password.
    const Result<ProbeTarget> parsed =
        UrlProbeTarget::fromText(m_url->text().trimmed(), QStringLiteral("url"));
    if (!parsed) {
        m_message->showMessage(tr("This database URL cannot be used: %1").arg(parsed.error().oneLine()),
                               MessageBar::Error);
        return;
    }
    const ProbeTarget &target = parsed.value();
    // Driver and socket warnings pass through the redactor: it masks this password from now on.
    SecretRedactor::registerSecret(target.password);
    showIdle(tr("Testing %1…").arg(target.redacted()));
    m_testAction->setEnabled(false);
    m_testButton->setEnabled(false);
    m_probe->start(target);
}

void ConnectionTab::onProbeFinished(const ProbeResult &result)
{
    m_lastResult = result;
    m_testAction->setEnabled(true);
    m_testButton->setEnabled(true);
    m_waterfall->setResult(result);
    m_identity->setIdentity(result.server);
    m_tls->setCard(result.tls);
    if (result.ok()) {
        m_message->hideMessage();
        m_summary->setText(tr("Connected to %1 in %2 ms; server %3 (%4) answered.")
                               .arg(result.target)
                               .arg(result.totalMs, 0, 'f', 1)
                               .arg(result.server.serverId)
                               .arg(result.server.hostname));
    } else {
        // The stage in words first, so "TCP connect failed" is read before the detail.
        const QString stage = result.error.stage == ProbeStage::None
                                  ? tr("Connection")
                                  : ProbeWaterfall::stageTitle(result.error.stage);
        QString text = tr("%1 failed: %2").arg(stage, result.error.message);
        if (result.error.code != 0)
            text += tr(" (error %1)").arg(result.error.code);
        if (!result.error.detail.isEmpty())
            text += tr(" — %1").arg(result.error.detail);
        m_message->showMessage(text, MessageBar::Error, tr("Try again"));
        m_summary->setText(
            tr("%1 could not be reached after %2 ms.").arg(result.target).arg(result.totalMs, 0, 'f', 1));
    }
    Q_EMIT probeFinished(result);
}

void ConnectionTab::setRevealed(bool revealed)
{
    m_url->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
}
