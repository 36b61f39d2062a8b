// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "probe/ProbeResult.h"

#include <QWidget>

class AppDatabaseUrlLoader;
class ConnectionProbe;
class HerokuClient;
class MessageBar;
class ProbeWaterfall;
class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class ServerIdentityView;
class TlsCardView;

// The Connection tab: tests a MySQL database URL the way an application connects and shows where the
// time goes and where it breaks — a waterfall of the stages (DNS, TCP, greeting, TLS, login, first
// query), which server answered (@@server_id, @@hostname, @@version, read_only), the TLS certificate
// card, and any error inline, attributed to its stage in plain words.
//
// The URL is the selected app's CLEARDB_DATABASE_URL (or DATABASE_URL), fetched when setApp() is
// called, or any URL the user pastes; it stays masked unless the user reveals it. Testing runs
// ConnectionProbe, which is asynchronous (its database work runs in a worker thread), so the window
// never blocks. Nothing is written to the database.
//
//     tab->setClient(client);
//     tab->setApp(QStringLiteral("my-app"));   // loads its URL
//     tab->testConnection();                   // or Ctrl+T / the button
class ConnectionTab : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionTab(QWidget *parent = nullptr);
    ~ConnectionTab() override;

    void setClient(HerokuClient *client);
    void setApp(const QString &app);
    // A URL typed or pasted by the user (also what tests and --view use); `source` names where it
    // came from when that is not the user ("CLEARDB_DATABASE_URL (environment):").
    void setUrlText(const QString &text, const QString &source = QString());
    void testConnection();
    bool isTesting() const;
    QAction *testAction() const { return m_testAction; }
    ProbeResult lastResult() const { return m_lastResult; }

Q_SIGNALS:
    void probeFinished(const ProbeResult &result);
    // The URL in the field changed (an app's was loaded, or the user pasted one): the monitor follows.
    void databaseUrlChanged(const Secret &url, const QString &source);

private:
    void onUrlLoaded(const QString &app, const QString &variable, const Secret &url);
    void onUrlUnavailable(const QString &app, const QString &message);
    void onUrlEdited();
    void onProbeFinished(const ProbeResult &result);
    void abortTest();
    void setRevealed(bool revealed);
    void showIdle(const QString &text);

    AppDatabaseUrlLoader *m_loader;
    ConnectionProbe *m_probe;
    QLabel *m_source;
    QLineEdit *m_url;
    QAction *m_revealAction;
    QAction *m_testAction;
    QPushButton *m_testButton;
    MessageBar *m_message;
    QLabel *m_summary;
    ProbeWaterfall *m_waterfall;
    ServerIdentityView *m_identity;
    TlsCardView *m_tls;
    ProbeResult m_lastResult;
    QString m_app;
};
