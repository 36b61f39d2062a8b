// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "dburl/ClusterSpecValidation.h"
#include "dburl/DedicatedClusterSpec.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class ClusterSnippetTabs;
class ConnectionTestLabel;
class HerokuClient;
class MessageBar;
class QFormLayout;
class QLabel;
class QLineEdit;
class QDialogButtonBox;
class QPushButton;
class QToolButton;
struct ConfigAssignmentOutcome;

// The dedicated-cluster builder: ClearDB mails the connection details
// of a dedicated cluster (host, optional second master, port, user, password,
// database, CA / client certificate / client key), and the guide has users build
// a mysql:// URL from them by hand — which silently breaks on a password with
// '@', ':', '/', '#' or '%'. Here DedicatedClusterSpec builds it exactly.
//
//     auto *dialog = new DedicatedClusterDialog(window);
//     dialog->setTarget(client, selectedApp);    // enables "Assign to DATABASE_URL…"
//     dialog->open();
//
// Every edit re-runs DedicatedClusterSpec::validate(); its messages appear under
// the field they are about (problems block the URL, warnings such as a file that
// is not PEM do not). The URL is shown masked with Copy (a secret copy, see
// SecretClipboard); each framework has a tab with its snippet (on a second page, so
// the dialog fits a 768 px screen) and Copy. Test connection (the default button:
// Enter runs it) probes the URL and shows the server and TLS in one line
// (ConnectionTestLabel). Assign opens ConfigAssignmentDialog with the masked
// old → new diff, and its result shows in this dialog's own message bar. Widgets
// have objectNames for tests (hostEdit, portEdit, portMessage, passwordEdit,
// generatedUrl, snippetTabs, testConnectionButton, testResult, assignButton,
// assignMessage, …).
class DedicatedClusterDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DedicatedClusterDialog(QWidget *parent = nullptr);

    // The app "Assign to DATABASE_URL…" writes to; without one the button stays disabled.
    void setTarget(HerokuClient *client, const QString &app);
    DedicatedClusterSpec spec() const;
    // Adds a button (useUrlButton) that hands the built URL to whoever opened the dialog, through
    // urlChosen(), and closes it: the Move wizard's way to a dedicated cluster's URL.
    void offerUrlTo(const QString &buttonText);

    void done(int result) override;

Q_SIGNALS:
    void assigned(const ConfigAssignmentOutcome &outcome);
    void urlChosen(const Secret &url);

private:
    QLineEdit *addField(const QString &label, const QString &objectName, ClusterSpecValidation::Field field,
                        QWidget *editor = nullptr);
    QWidget *filePicker(QLineEdit *edit, const QString &title);
    void revalidate();
    void copyUrl();
    void assign();
    void testConnection();
    void onAssigned(const ConfigAssignmentOutcome &outcome);

    QFormLayout *m_form = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<int, QLabel *> m_messages; // per ClusterSpecValidation::Field
    QLineEdit *m_host = nullptr;
    QLineEdit *m_secondary = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QToolButton *m_reveal = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_copyUrl = nullptr;
    ClusterSnippetTabs *m_snippets = nullptr;
    QPushButton *m_copySnippet = nullptr;
    QPushButton *m_assign = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_test = nullptr;
    ConnectionTestLabel *m_testResult = nullptr;
    MessageBar *m_message = nullptr;
    QPointer<HerokuClient> m_client;
    QString m_app;
    bool m_valid = false;
};
