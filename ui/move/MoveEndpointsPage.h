// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/Secret.h"
#include "transfer/DatabaseEndpoint.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

// The Move wizard's first page: where the data comes from and where it goes. The source is this app's
// ClearDB database (the default) or a typed `mysql://` URL (a local MySQL, another server); the target
// is a typed or pasted `mysql://` URL, or one built from a dedicated cluster's connection details
// (DedicatedClusterDialog, "Build from connection details…"). Both URL fields are masked, since they
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
        Secret targetUrl; // as typed: what DATABASE_URL gets
    };

    explicit MoveEndpointsPage(QWidget *parent = nullptr);

    void setAddonSource(const QString &addon, const DatabaseEndpoint &endpoint);
    Result<Choice> endpoints() const;

Q_SIGNALS:
    void changed();

private:
    void update();
    void buildTarget();

    DatabaseEndpoint m_addonEndpoint;
    QComboBox *m_sourceKind;
    QLineEdit *m_sourceUrl;
    QLineEdit *m_targetUrl;
    QLabel *m_reason;
};
