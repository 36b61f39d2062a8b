// SPDX-License-Identifier: MIT
#include "configvars/ConfigVarTableModel.h"

#include "heroku/ConfigVarMasker.h"

#include <QFont>

#include <iterator>
#include <utility>

ConfigVarTableModel::ConfigVarTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ConfigVarTableModel::setVars(const QJsonObject &vars)
{
    beginResetModel();
    m_vars = vars;
    m_staged.clear();
    m_revealed.clear();
    rebuildNames();
    endResetModel();
}

void ConfigVarTableModel::setAddons(const QList<HerokuAddon> &addons)
{
    beginResetModel();
    m_owners.clear();
    for (const HerokuAddon &addon : addons) {
        for (const QString &var : addon.configVars)
            m_owners.insert(var, addon);
    }
    // A var that became owned loses any change staged for it.
    for (auto it = m_staged.begin(); it != m_staged.end();)
        it = m_owners.contains(it.key()) ? m_staged.erase(it) : std::next(it);
    rebuildNames();
    endResetModel();
}

void ConfigVarTableModel::clear()
{
    setAddons({});
    setVars(QJsonObject());
}

void ConfigVarTableModel::rebuildNames()
{
    QStringList names = m_vars.keys();
    for (auto it = m_staged.constBegin(); it != m_staged.constEnd(); ++it) {
        if (!m_vars.contains(it.key()))
            names << it.key();
    }
    names.sort();
    m_names = names;
}

QString ConfigVarTableModel::value(const QString &name) const
{
    if (m_staged.contains(name))
        return m_staged.value(name).toString();
    return m_vars.value(name).toString();
}

bool ConfigVarTableModel::isSet(const QString &name) const
{
    if (m_staged.contains(name))
        return m_staged.value(name).isString();
    return m_vars.contains(name);
}

QString ConfigVarTableModel::readOnlyReason(const QString &name) const
{
    const auto owner = m_owners.constFind(name);
    if (owner == m_owners.constEnd())
        return QString();
    const QString service = owner->serviceTitle.isEmpty() ? owner->serviceName : owner->serviceTitle;
    return tr("%1 is managed by the add-on %2 (%3): Heroku sets it through the add-on's attachment, and "
              "changing it here would break the add-on's link to the app.")
        .arg(name, owner->name, service);
}

void ConfigVarTableModel::setRevealed(const QString &name)
{
    const QString previous = std::exchange(m_revealed, name);
    rowChanged(previous);
    rowChanged(name);
}

bool ConfigVarTableModel::stage(const QString &name, const QString &value)
{
    if (name.isEmpty() || !readOnlyReason(name).isEmpty())
        return false;
    const bool newRow = rowOf(name) < 0;
    if (newRow)
        beginResetModel();
    // Staging the current value again is no change at all.
    if (m_vars.value(name).isString() && m_vars.value(name).toString() == value)
        m_staged.remove(name);
    else
        m_staged.insert(name, value);
    if (newRow) {
        rebuildNames();
        endResetModel();
    } else {
        rowChanged(name);
    }
    return true;
}

bool ConfigVarTableModel::stageUnset(const QString &name)
{
    if (rowOf(name) < 0 || !readOnlyReason(name).isEmpty())
        return false;
    if (!m_vars.contains(name)) {
        // An added var that was never sent simply goes away.
        beginResetModel();
        m_staged.remove(name);
        rebuildNames();
        endResetModel();
        return true;
    }
    m_staged.insert(name, QJsonValue(QJsonValue::Null));
    rowChanged(name);
    return true;
}

void ConfigVarTableModel::discardStaged()
{
    beginResetModel();
    m_staged.clear();
    rebuildNames();
    endResetModel();
}

QJsonObject ConfigVarTableModel::stagedChanges() const
{
    QJsonObject changes;
    for (auto it = m_staged.constBegin(); it != m_staged.constEnd(); ++it)
        changes.insert(it.key(), it.value());
    return changes;
}

QStringList ConfigVarTableModel::stagedPreview() const
{
    QStringList lines;
    for (auto it = m_staged.constBegin(); it != m_staged.constEnd(); ++it) {
        const QString name = it.key();
        const QString before = m_vars.contains(name)
                                   ? ConfigVarMasker::masked(name, m_vars.value(name).toString())
                                   : tr("(unset)");
        if (it.value().isNull())
            lines << tr("UNSET %1 (was %2)").arg(name, before);
        else
            lines << tr("SET   %1: %2 → %3").arg(name, before, ConfigVarMasker::masked(name, it->toString()));
    }
    return lines;
}

void ConfigVarTableModel::rowChanged(const QString &name)
{
    const int row = rowOf(name);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString ConfigVarTableModel::shownValue(const QString &name) const
{
    if (!isSet(name))
        return tr("(will be unset)");
    const QString current = value(name);
    return name == m_revealed ? current : ConfigVarMasker::masked(name, current);
}

int ConfigVarTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int ConfigVarTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigVarTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString name = m_names.at(index.row());
    const bool staged = m_staged.contains(name);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return name;
        if (index.column() == ValueColumn)
            return shownValue(name);
        return m_owners.contains(name) ? m_owners.value(name).name : QString();
    case Qt::ToolTipRole: {
        const QString reason = readOnlyReason(name);
        if (!reason.isEmpty())
            return reason;
        return staged ? tr("Changed here, not sent to Heroku yet") : QVariant();
    }
    case Qt::FontRole: {
        if (!staged)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case StagedRole:
        return staged;
    default:
        return {};
    }
}

QVariant ConfigVarTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case ManagedByColumn:
        return tr("Managed by");
    default:
        return {};
    }
}
