// SPDX-License-Identifier: MIT
// ConfigVarTableModel: what the config editor's table shows (masked values, one revealed row,
// staged changes), what the PATCH body holds, and that attachment-owned vars cannot be staged.
#include "configvars/ConfigVarTableModel.h"
#include "credentials/SecretRedactor.h"
#include "dburl/DatabaseUrl.h"

#include <QAbstractItemModelTester>
#include <QtTest>

namespace {
const QString Url =
    QStringLiteral("mysql://b5c1:Pw9x7Qz@us-cdbr-east-06.cleardb.net/heroku_1?reconnect=true");

HerokuAddon postgres()
{
    HerokuAddon addon;
    addon.name = QStringLiteral("postgresql-curved-12345");
    addon.serviceName = QStringLiteral("heroku-postgresql");
    addon.serviceTitle = QStringLiteral("Heroku Postgres");
    addon.configVars = {QStringLiteral("DATABASE_URL")};
    return addon;
}
} // namespace

class TestConfigVarTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void valuesAreMaskedUntilOneRowIsRevealed();
    void stagingBuildsOnePatchBodyAndMaskedPreview();
    void ownedVarsCannotBeStaged();

private:
    ConfigVarTableModel *m_model = nullptr;
    QString value(const QString &name) const
    {
        return m_model->index(m_model->rowOf(name), ConfigVarTableModel::ValueColumn).data().toString();
    }
};

void TestConfigVarTableModel::init()
{
    delete m_model;
    m_model = new ConfigVarTableModel(this);
    new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_model);
    m_model->setVars(QJsonObject{{QStringLiteral("CLEARDB_DATABASE_URL"), Url},
                                 {QStringLiteral("DATABASE_URL"), QStringLiteral("postgres://u:pgpw@h/d")},
                                 {QStringLiteral("SECRET_KEY_BASE"), QStringLiteral("abcdef")},
                                 {QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")}});
    m_model->setAddons({postgres()});
}

void TestConfigVarTableModel::valuesAreMaskedUntilOneRowIsRevealed()
{
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(value(QStringLiteral("CLEARDB_DATABASE_URL")), DatabaseUrl::parse(Url).url.redacted());
    QCOMPARE(value(QStringLiteral("SECRET_KEY_BASE")), SecretRedactor::mask());
    QCOMPARE(value(QStringLiteral("LANG")), QStringLiteral("en_US.UTF-8"));
    m_model->setRevealed(QStringLiteral("CLEARDB_DATABASE_URL"));
    QVERIFY(value(QStringLiteral("CLEARDB_DATABASE_URL")) == Url);
    QCOMPARE(value(QStringLiteral("SECRET_KEY_BASE")), SecretRedactor::mask());
    m_model->setRevealed(QStringLiteral("SECRET_KEY_BASE"));
    QCOMPARE(value(QStringLiteral("CLEARDB_DATABASE_URL")), DatabaseUrl::parse(Url).url.redacted());
    m_model->setRevealed(QString());
    QCOMPARE(value(QStringLiteral("SECRET_KEY_BASE")), SecretRedactor::mask());
}

void TestConfigVarTableModel::stagingBuildsOnePatchBodyAndMaskedPreview()
{
    QVERIFY(m_model->stage(QStringLiteral("API_TOKEN"), QStringLiteral("tok-123456789")));
    QVERIFY(m_model->stage(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")));
    QVERIFY(m_model->stageUnset(QStringLiteral("SECRET_KEY_BASE")));
    // Staging the value a var already has is no change.
    QVERIFY(m_model->stage(QStringLiteral("CLEARDB_DATABASE_URL"), Url));
    QCOMPARE(m_model->rowCount(), 5);
    QVERIFY(m_model->index(m_model->rowOf(QStringLiteral("API_TOKEN")), 0)
                .data(ConfigVarTableModel::StagedRole)
                .toBool());
    QCOMPARE(value(QStringLiteral("SECRET_KEY_BASE")), QStringLiteral("(will be unset)"));

    const QJsonObject body = m_model->stagedChanges();
    QCOMPARE(body.size(), 3);
    QCOMPARE(body.value(QStringLiteral("LANG")).toString(), QStringLiteral("de_DE.UTF-8"));
    QVERIFY(body.value(QStringLiteral("SECRET_KEY_BASE")).isNull());
    QVERIFY(body.contains(QStringLiteral("SECRET_KEY_BASE")));
    QCOMPARE(m_model->stagedPreview(),
             QStringList({QStringLiteral("SET   API_TOKEN: (unset) → %1").arg(SecretRedactor::mask()),
                          QStringLiteral("SET   LANG: en_US.UTF-8 → de_DE.UTF-8"),
                          QStringLiteral("UNSET SECRET_KEY_BASE (was %1)").arg(SecretRedactor::mask())}));

    // Unsetting a var that was only added here drops it again.
    QVERIFY(m_model->stageUnset(QStringLiteral("API_TOKEN")));
    QCOMPARE(m_model->rowOf(QStringLiteral("API_TOKEN")), -1);
    m_model->discardStaged();
    QVERIFY(!m_model->hasStaged());
    QCOMPARE(value(QStringLiteral("LANG")), QStringLiteral("en_US.UTF-8"));
}

void TestConfigVarTableModel::ownedVarsCannotBeStaged()
{
    const QString reason = m_model->readOnlyReason(QStringLiteral("DATABASE_URL"));
    QVERIFY(reason.contains(QStringLiteral("postgresql-curved-12345")));
    QVERIFY(reason.contains(QStringLiteral("Heroku Postgres")));
    QVERIFY(m_model->readOnlyReason(QStringLiteral("LANG")).isEmpty());
    QVERIFY(!m_model->stage(QStringLiteral("DATABASE_URL"), QStringLiteral("mysql://x:y@h/d")));
    QVERIFY(!m_model->stageUnset(QStringLiteral("DATABASE_URL")));
    QVERIFY(!m_model->hasStaged());
    QCOMPARE(
        m_model->index(m_model->rowOf(QStringLiteral("DATABASE_URL")), ConfigVarTableModel::ManagedByColumn)
            .data()
            .toString(),
        QStringLiteral("postgresql-curved-12345"));
    // A change staged before the add-on list arrived is dropped once the var turns out to be owned.
    m_model->setAddons({});
    QVERIFY(m_model->stage(QStringLiteral("DATABASE_URL"), QStringLiteral("mysql://x:y@h/d")));
    m_model->setAddons({postgres()});
    QVERIFY(!m_model->hasStaged());
}

QTEST_MAIN(TestConfigVarTableModel)
#include "tst_configvartablemodel.moc"
