// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/Secret.h"
#include "transfer/DatabaseEndpoint.h"

#include <QWidget>

class AppDatabasePicker;
class HerokuClient;
class QComboBox;
class QFormLayout;
class QPushButton;
class QLabel;
class QLineEdit;

// The Move wizard's first page: where the data comes from and where it goes. The source is this app's
// ClearDB database (the default), a typed `mysql://` URL (a local MySQL, another server) or another
// app's ClearDB (AppDatabasePicker); the target is a typed or pasted `mysql://` URL, one built from a
// dedicated cluster's connection details (DedicatedClusterDialog, "Build from connection details…"),
// or another app's ClearDB (with its plan's quota for the pre-flight). Both URL fields are masked, since they
// hold passwords.
//
//     page->setAddonSource(addon, endpoint);
//     connect(page, &MoveEndpointsPage::changed, wizard, [=] { next->setEnabled(page->endpoints()); });
//
// endpoints() says in one line why the choice cannot be used (an unparsable URL, the same database on
// both sides); the reason is shown under the fields. It never connects: the pre-flight does.
class MoveEndpointsPage : public QWidget
{
    Q_OBJECT
public:
    struct Choice
    {
        DatabaseEndpoint source;
        DatabaseEndpoint target;
        Secret targetUrl;            // as typed, or the other app's: what DATABASE_URL gets
        qint64 targetQuotaBytes = 0; // another app's ClearDB: its plan's storage; else 0, not known
    };

    explicit MoveEndpointsPage(QWidget *parent = nullptr);

    void setAddonSource(const QString &addon, const DatabaseEndpoint &endpoint);
    // Offers the account's other apps' ClearDB databases as source or target (read with `client`).
    void setApps(HerokuClient *client, const QStringList &apps, const QString &currentApp);
    Result<Choice> endpoints() const;

Q_SIGNALS:
    void changed();

private:
    void update();
    void buildTarget();
    void activatePickers();

    DatabaseEndpoint m_addonEndpoint;
    QComboBox *m_sourceKind;
    QLineEdit *m_sourceUrl;
    AppDatabasePicker *m_sourceApp;
    QComboBox *m_targetKind;
    QLineEdit *m_targetUrl;
    QPushButton *m_build;
    AppDatabasePicker *m_targetApp;
    QFormLayout *m_form;
    QLabel *m_reason;
};
