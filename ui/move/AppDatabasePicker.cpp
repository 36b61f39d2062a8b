// SPDX-License-Identifier: MIT
#include "move/AppDatabasePicker.h"

#include "heroku/HerokuClient.h"
#include "transfer/DatabaseSpec.h"
#include "transfer/DatabaseSpecResolver.h"
#include "transfer/PlanQuotaLookup.h"

#include <QComboBox>
#include <QHBoxLayout>

AppDatabasePicker::AppDatabasePicker(const QString &objectName, QWidget *parent)
    : QWidget(parent), m_apps(new QComboBox(this))
{
    setObjectName(objectName);
    m_apps->setObjectName(objectName + QStringLiteral("Apps"));
    m_apps->setAccessibleName(tr("App"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_apps, 1);
    connect(m_apps, &QComboBox::currentIndexChanged, this, &AppDatabasePicker::read);
}

AppDatabasePicker::~AppDatabasePicker() = default;

void AppDatabasePicker::setApps(HerokuClient *client, const QStringList &apps, const QString &exclude)
{
    m_client = client;
    delete m_resolver;
    delete m_quota;
    m_resolver = new DatabaseSpecResolver(client, this);
    m_quota = new PlanQuotaLookup(client, this);
    connect(m_resolver, &DatabaseSpecResolver::resolved, this,
            [this](const Result<ResolvedDatabase> &database) {
                m_database = database;
                Q_EMIT changed();
            });
    connect(m_quota, &PlanQuotaLookup::found, this, [this](qint64 bytes) {
        m_quotaBytes = bytes;
        Q_EMIT changed();
    });
    QStringList offered = apps;
    offered.removeAll(exclude);
    const QSignalBlocker quiet(m_apps);
    m_apps->clear();
    m_apps->addItems(offered);
    read();
}

QString AppDatabasePicker::app() const
{
    return m_apps->currentText();
}

void AppDatabasePicker::setActive(bool active)
{
    m_active = active;
    if (active && m_read != app())
        read();
}

void AppDatabasePicker::read()
{
    m_database.reset();
    m_quotaBytes = 0;
    m_read.clear();
    if (m_active && m_resolver && !app().isEmpty()) {
        m_read = app();
        const Result<DatabaseSpec> spec = DatabaseSpec::parse(QStringLiteral("app:") + app(), QString());
        if (spec) {
            m_resolver->resolve(*spec); // supersedes a read still running
            m_quota->lookUp(*spec);
        } else {
            m_database = Result<ResolvedDatabase>(spec.error());
        }
    }
    Q_EMIT changed();
}

Result<ResolvedDatabase> AppDatabasePicker::database() const
{
    if (app().isEmpty())
        return makeError(Error::Kind::NotFound, tr("There is no other app to choose: pick a URL instead."));
    if (!m_client)
        return makeError(Error::Kind::Unauthorized,
                         tr("Sign in to Heroku to read another app's database URL."));
    if (!m_database)
        return makeError(Error::Kind::InvalidInput, tr("Reading the database URL of %1…").arg(app()));
    return *m_database;
}
