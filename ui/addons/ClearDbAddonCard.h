// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "dburl/DatabaseUrl.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class HerokuClient;
class HerokuRequest;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
struct HerokuResult;

// Under the add-on table: the selected ClearDB add-on's CLEARDB_DATABASE_URL, masked
// (DatabaseUrl::redacted(), the one constant password mask), with a reveal toggle that
// masks it again after 30 s or when another add-on is selected, and the
// "Promote to DATABASE_URL" button right there.
//
//     card->setClient(client);
//     card->showAddon(addon);      // GET /apps/{app}/config-vars, keeps only this add-on's URL
//     connect(card, &ClearDbAddonCard::promoteRequested, ...);
//
// The card does not promote anything itself: it asks (promoteRequested) and the window
// routes that to the promote flow. The revealed URL lives only in the line edit while
// shown; the value is held as a Secret otherwise.
class ClearDbAddonCard : public QWidget
{
    Q_OBJECT
public:
    explicit ClearDbAddonCard(QWidget *parent = nullptr);

    void setClient(HerokuClient *client);
    // Shows `addon` of `app`; the URL var is the add-on's own (CLEARDB_DATABASE_URL by default).
    void showAddon(const QString &app, const QString &addon, const QString &urlVar);
    void clear();
    QString app() const { return m_app; }
    QString addon() const { return m_addon; }
    // The parsed URL once loaded: its password is real, show only redacted().
    std::optional<DatabaseUrl> url() const { return m_url; }
    void setRevealed(bool revealed);
    bool isRevealed() const;
    // How long a revealed password stays on screen (30 s; tests shorten it).
    void setRevealTimeout(int milliseconds) { m_revealTimeoutMs = milliseconds; }
    // Whether "Promote to DATABASE_URL" is offered: only when someone handles promoteRequested().
    void setPromoteAvailable(bool available);

Q_SIGNALS:
    // `urlVar` is this add-on's var (CLEARDB_DATABASE_URL, or e.g. CLEARDB_DATABASE_AQUA_URL for a second
    // one).
    void promoteRequested(const QString &app, const QString &urlVar);
    void urlLoaded(const QString &app, const QString &addon);
    // The card no longer holds a URL (another add-on, another app, a reload).
    void cleared();

private:
    void onConfigVars(const HerokuResult &result);

    QPointer<HerokuClient> m_client;
    QPointer<HerokuRequest> m_request;
    QString m_app;
    QString m_addon;
    QString m_urlVar;
    Secret m_rawUrl;
    std::optional<DatabaseUrl> m_url;
    QLabel *m_title;
    QLineEdit *m_urlEdit;
    QToolButton *m_reveal;
    QPushButton *m_promote;
    QLabel *m_note;
    QTimer m_hideTimer;
    int m_revealTimeoutMs = 30 * 1000;
};
