// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/DatabaseUrl.h"
#include "heroku/HerokuResources.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class HeldUrlChoice;
class HerokuClient;
class QLabel;
class QLineEdit;
class QPushButton;
struct HerokuResult;

// Removes a ClearDB add-on after the user types the app's name, the console's version of
// `heroku addons:destroy --confirm APP`. It says what will be lost (the database and all
// its data, the URL var, apps that read it) and shows the mysqldump command to export the
// data first, built from the URL's host, user and database; the password is never in it
// (`-p` makes mysqldump ask).
//
//     auto *dialog = new RemoveAddonDialog(client, addon, card->url(), window);
//     connect(dialog, &RemoveAddonDialog::removed, catalog, ...);
//     dialog->open();
//
// The Remove button stays disabled until the typed name matches the app exactly, so a
// wrong name sends nothing; Enter removes on the right name and only shows the "type it
// exactly" hint on a wrong one (no button is the default, so Enter never cancels either).
// Exactly one DELETE is sent per click; errors stay inline. A 404 counts as removed (the
// add-on is gone, e.g. after a click whose answer was lost).
//
// It reads the app's config vars when it opens: a var other than the add-on's own that holds
// the database's URL (a hand-promoted DATABASE_URL) is named in a warning, with the choice to
// unset it, point it at another database URL of the app, or keep it (HeldUrlChoice). That
// change is one PATCH, sent before the DELETE.
class RemoveAddonDialog : public QDialog
{
    Q_OBJECT
public:
    RemoveAddonDialog(HerokuClient *client, const HerokuAddon &addon, const std::optional<DatabaseUrl> &url,
                      QWidget *parent = nullptr);

    // Fills the database name and the export command once the URL is known (it may load later).
    void setDatabaseUrl(const std::optional<DatabaseUrl> &url);
    // "mysqldump -h HOST -P 3306 -u USER -p --single-transaction DB > DB.sql"; placeholders without a URL.
    static QString exportCommand(const std::optional<DatabaseUrl> &url);
    QString addon() const { return m_addon.name; }

Q_SIGNALS:
    // `configReport` says what happened to vars that held the URL ("DATABASE_URL was unset."), or is empty.
    void removed(const QString &app, const QString &addon, const QString &configReport);

private:
    void remove();
    void sendDelete();
    void onVarsLoaded(const HerokuResult &result);
    void onPatched(const HerokuResult &result);
    void onRemoved(const HerokuResult &result);
    void updateConfirm();
    void showError(const QString &text);

    QPointer<HerokuClient> m_client; // goes with its session; the dialog closes first
    HerokuAddon m_addon;
    QLineEdit *m_confirmEdit;
    QLabel *m_error;
    QLabel *m_hint;
    HeldUrlChoice *m_held;
    QPushButton *m_removeButton;
    QLabel *m_loss;
    QLineEdit *m_command;
    bool m_sending = false;
    bool m_checked = false; // the config vars were read (or could not be)
    bool m_patched = false; // the held vars were changed; a retry sends only the DELETE
    QString m_configReport;
};
