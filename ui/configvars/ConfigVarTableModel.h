// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResources.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

// One app's config vars WITH values, for the config vars editor, and the changes
// the user has staged but not sent. Values are shown through ConfigVarMasker (the
// rules cleardbctl uses: credentials masked, URLs with the password masked) except
// on the one row the user revealed; staged changes show in italics until sent.
//
//     model->setVars(result.object());          // from GET /config-vars
//     model->setAddons(addons);                 // marks attachment-owned vars read-only
//     model->stage("WEB_CONCURRENCY", "3");     // or stageUnset(name)
//     client->updateConfigVars(app, model->stagedChanges());   // one PATCH
//
// A var that an add-on attachment owns (DATABASE_URL of Heroku Postgres) cannot be
// staged: Heroku sets it, and writing it by hand would break the add-on's link.
// The model never logs; the real values leave it only through value().
class ConfigVarTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ValueColumn,
        ManagedByColumn,
        ColumnCount
    };
    enum Role
    {
        StagedRole = Qt::UserRole + 1, // bool: the row has a change not yet sent
    };

    explicit ConfigVarTableModel(QObject *parent = nullptr);

    void setVars(const QJsonObject &vars);
    void setAddons(const QList<HerokuAddon> &addons);
    void clear();

    QString nameAt(int row) const { return m_names.value(row); }
    int rowOf(const QString &name) const { return int(m_names.indexOf(name)); }
    // The value the row shows when revealed: the staged one, else the current one.
    QString value(const QString &name) const;
    bool isSet(const QString &name) const;
    // Empty when the var may be edited; otherwise the sentence that says why not.
    QString readOnlyReason(const QString &name) const;

    void setRevealed(const QString &name); // empty: every row masked
    QString revealed() const { return m_revealed; }

    // Staging returns false (and changes nothing) for a read-only var.
    bool stage(const QString &name, const QString &value);
    bool stageUnset(const QString &name);
    void discardStaged();
    bool hasStaged() const { return !m_staged.isEmpty(); }
    // The PATCH body: name → new value, or null to unset.
    QJsonObject stagedChanges() const;
    // One masked line per staged change: "SET A: old → new", "UNSET B (was …)".
    QStringList stagedPreview() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildNames();
    void rowChanged(const QString &name);
    QString shownValue(const QString &name) const;

    QJsonObject m_vars;
    QMap<QString, QJsonValue> m_staged; // string = set, null = unset
    QHash<QString, HerokuAddon> m_owners;
    QStringList m_names;
    QString m_revealed;
};
