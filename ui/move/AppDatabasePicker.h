// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/ResolvedDatabase.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class DatabaseSpecResolver;
class HerokuClient;
class PlanQuotaLookup;
class QComboBox;

// One side of a move that is another app's ClearDB database: a list of the account's apps, and for
// the one picked its CLEARDB_DATABASE_URL (read through the API by DatabaseSpecResolver, kept as a
// Secret) and its plan's storage quota (PlanQuotaLookup, for the pre-flight's size check).
//
//     picker->setApps(client, {"shop", "blog"}, currentApp);
//     connect(picker, &AppDatabasePicker::changed, page, [=] { use(picker->database()); });
//
// database() is an error while the URL is being read, and when the app has none (the resolver's
// one-line message: it says to add ClearDB or name the var).
class AppDatabasePicker : public QWidget
{
    Q_OBJECT
public:
    explicit AppDatabasePicker(const QString &objectName, QWidget *parent = nullptr);
    ~AppDatabasePicker() override;

    // The apps to offer (without `exclude`, the app the wizard moves).
    void setApps(HerokuClient *client, const QStringList &apps, const QString &exclude);
    // Only an active picker reads the chosen app's URL and plan: a side the user did not choose costs
    // no request and holds no password. Activating reads the current app if it was not read yet.
    void setActive(bool active);
    Result<ResolvedDatabase> database() const;
    // 0 when not known (not a ClearDB plan we know, or not read yet).
    qint64 quotaBytes() const { return m_quotaBytes; }
    QString app() const;

Q_SIGNALS:
    void changed();

private:
    void read();

    QComboBox *m_apps;
    QPointer<HerokuClient> m_client;
    DatabaseSpecResolver *m_resolver = nullptr;
    PlanQuotaLookup *m_quota = nullptr;
    std::optional<Result<ResolvedDatabase>> m_database; // empty while reading
    qint64 m_quotaBytes = 0;
    bool m_active = false;
    QString m_read; // the app last asked for, so re-activating does not ask again
};
