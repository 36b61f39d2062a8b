// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/DatabaseUrl.h"
#include "heroku/HerokuResources.h"

#include <QDialog>
#include <QPointer>

#include <optional>

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
// wrong name sends nothing. Exactly one DELETE is sent per click; errors stay inline. A 404
// counts as removed (the add-on is gone, e.g. after a click whose answer was lost).
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
    void removed(const QString &app, const QString &addon);

private:
    void remove();
    void onRemoved(const HerokuResult &result);

    QPointer<HerokuClient> m_client; // goes with its session; the dialog closes first
    HerokuAddon m_addon;
    QLineEdit *m_confirmEdit;
    QLabel *m_error;
    QPushButton *m_removeButton;
    QLabel *m_loss;
    QLineEdit *m_command;
    bool m_sending = false;
};
