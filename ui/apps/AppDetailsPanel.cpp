// SPDX-License-Identifier: MIT
#include "apps/AppDetailsPanel.h"

#include "apps/AddonListPresentation.h"
#include "session/AddonListModel.h"
#include "session/ConfigVarNameModel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
QLabel *sectionHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

AppDetailsPanel::AppDetailsPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_placeholder(new QLabel(this)),
      m_title(new QLabel(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("appDetailsPanel"));
    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setText(tr("Select an app on the left to see its add-ons and config vars."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setObjectName(QStringLiteral("detailsStatus"));

    m_addonTable = createTable(QStringLiteral("addonTable"), tr("Add-ons"));
    m_addonsEmpty =
        createEmptyLabel(QStringLiteral("addonsEmpty"), tr("No add-ons. Add a ClearDB MySQL database with "
                                                           "Add ClearDB… in the toolbar (Ctrl+N)."));
    m_configVarTable = createTable(QStringLiteral("configVarTable"), tr("Config var names"));
    m_configVarsEmpty = createEmptyLabel(QStringLiteral("configVarsEmpty"), tr("No config vars are set."));
    auto *valuesNote = new QLabel(tr("Only names are listed here; values stay hidden."), this);
    valuesNote->setObjectName(QStringLiteral("configVarsNote"));
    valuesNote->setEnabled(false);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QHBoxLayout;
    heading->addWidget(m_title);
    heading->addStretch(1);
    heading->addWidget(m_status);
    layout->addLayout(heading);
    layout->addSpacing(6);
    layout->addWidget(sectionHeading(tr("Add-ons"), content));
    layout->addWidget(m_addonTable, 1);
    layout->addWidget(m_addonsEmpty);
    layout->addSpacing(6);
    layout->addWidget(sectionHeading(tr("Config vars"), content));
    layout->addWidget(m_configVarTable, 2);
    layout->addWidget(m_configVarsEmpty);
    layout->addWidget(valuesNote);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    showNothingSelected();
}

QTreeView *AppDetailsPanel::createTable(const QString &objectName, const QString &accessibleName)
{
    auto *table = new QTreeView(this);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setAlternatingRowColors(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

QLabel *AppDetailsPanel::createEmptyLabel(const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text, this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void AppDetailsPanel::setModels(AddonListModel *addons, ConfigVarNameModel *configVars)
{
    m_addons = addons;
    m_configVars = configVars;
    // The view shows the add-ons through their presentation (icons, bold ClearDB rows).
    auto *presentation = new AddonListPresentation(m_addonTable);
    presentation->setSourceModel(addons);
    m_addonTable->setModel(presentation);
    m_configVarTable->setModel(configVars);
    connect(m_addonTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentAddonChanged(
                    current.siblingAtColumn(AddonListModel::NameColumn).data().toString());
            });
    // An app has a handful of add-ons and vars, so measuring every row is cheap
    // and long plan names ("heroku-postgresql:essential-0") stay readable.
    QHeaderView *addonHeader = m_addonTable->header();
    addonHeader->setStretchLastSection(false);
    addonHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    addonHeader->setSectionResizeMode(AddonListModel::NameColumn, QHeaderView::Stretch);
    QHeaderView *varHeader = m_configVarTable->header();
    varHeader->setStretchLastSection(false);
    varHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    varHeader->setSectionResizeMode(ConfigVarNameModel::NameColumn, QHeaderView::Stretch);
}

void AppDetailsPanel::setAddonCard(QWidget *card)
{
    auto *layout = static_cast<QVBoxLayout *>(m_addonsEmpty->parentWidget()->layout());
    layout->insertWidget(layout->indexOf(m_addonsEmpty) + 1, card);
}

void AppDetailsPanel::setAddonActions(const QList<QAction *> &actions)
{
    m_addonTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_addonTable->addActions(actions);
}

bool AppDetailsPanel::selectAddon(const QString &addon)
{
    const QAbstractItemModel *shown = m_addonTable->model();
    for (int row = 0; shown && row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, AddonListModel::NameColumn);
        if (index.data().toString() == addon) {
            m_addonTable->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

QString AppDetailsPanel::currentAddon() const
{
    return m_addonTable->currentIndex().siblingAtColumn(AddonListModel::NameColumn).data().toString();
}

void AppDetailsPanel::showNothingSelected()
{
    m_stack->setCurrentWidget(m_placeholder);
}

void AppDetailsPanel::showLoading(const QString &app)
{
    m_loaded = false;
    m_title->setText(app);
    m_status->setText(tr("Loading…"));
    m_stack->setCurrentIndex(1);
    updateEmptyStates();
}

void AppDetailsPanel::showLoaded(const QString &app)
{
    m_loaded = true;
    m_title->setText(app);
    m_status->clear();
    m_stack->setCurrentIndex(1);
    updateEmptyStates();
}

void AppDetailsPanel::updateEmptyStates()
{
    // While loading the tables stay (empty) in place so the layout does not jump.
    const bool noAddons = m_loaded && m_addons && m_addons->rowCount() == 0;
    const bool noVars = m_loaded && m_configVars && m_configVars->rowCount() == 0;
    m_addonTable->setVisible(!noAddons);
    m_addonsEmpty->setVisible(noAddons);
    m_configVarTable->setVisible(!noVars);
    m_configVarsEmpty->setVisible(noVars);
}
