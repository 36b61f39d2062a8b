// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/ClusterSpecValidation.h"
#include "dburl/DedicatedClusterSpec.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class HerokuClient;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
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
// SecretClipboard); each framework has a tab with its snippet (the password read
// from DB_PASSWORD, never embedded) and Copy. Assign opens ConfigAssignmentDialog
// with the masked old → new diff. Widgets have objectNames for tests
// (hostEdit, portEdit, portMessage, passwordEdit, generatedUrl, snippetTabs,
// assignButton, …).
class DedicatedClusterDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DedicatedClusterDialog(QWidget *parent = nullptr);

    // The app "Assign to DATABASE_URL…" writes to; without one the button stays disabled.
    void setTarget(HerokuClient *client, const QString &app);
    DedicatedClusterSpec spec() const;

Q_SIGNALS:
    void assigned(const ConfigAssignmentOutcome &outcome);

private:
    QLineEdit *addField(const QString &label, const QString &objectName, ClusterSpecValidation::Field field,
                        QWidget *editor = nullptr);
    QWidget *filePicker(QLineEdit *edit, const QString &title);
    void revalidate();
    void updateSnippets(const DedicatedClusterSpec &spec, bool keyIsEncrypted);
    void copyUrl();
    void assign();

    QFormLayout *m_form = nullptr;
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
    QTabWidget *m_snippets = nullptr;
    QPushButton *m_copySnippet = nullptr;
    QPushButton *m_assign = nullptr;
    QPointer<HerokuClient> m_client;
    QString m_app;
    bool m_valid = false;
};
