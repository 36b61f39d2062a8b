// SPDX-License-Identifier: MIT
#include "apps/AppListView.h"

#include "session/AppFilterModel.h"
#include "session/AppListModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int kRegionWidth = 60;
constexpr int kUpdatedWidth = 90;
} // namespace

AppListView::AppListView(QWidget *parent)
    : QWidget(parent), m_proxy(new AppFilterModel(this)), m_filter(new QLineEdit(this)),
      m_scope(new QComboBox(this)), m_count(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_view(new QTreeView(this)), m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("appListView"));
    m_filter->setObjectName(QStringLiteral("appFilter"));
    m_filter->setPlaceholderText(tr("Filter apps"));
    m_filter->setAccessibleName(tr("Filter apps by name"));
    m_filter->setClearButtonEnabled(true);
    m_scope->setObjectName(QStringLiteral("appScope"));
    m_scope->setAccessibleName(tr("Show apps of"));
    m_scope->setToolTip(tr("All apps, your personal apps, or one team's apps"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_count->setObjectName(QStringLiteral("appCount"));
    m_count->setAccessibleName(tr("Number of apps"));

    m_view->setObjectName(QStringLiteral("appTable"));
    m_view->setAccessibleName(tr("Apps"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setModel(m_proxy);
    m_view->sortByColumn(AppListModel::NameColumn, Qt::AscendingOrder);
    m_view->viewport()->installEventFilter(this);
    m_filter->installEventFilter(this);

    m_empty->setObjectName(QStringLiteral("appListEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setMargin(16);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_scope);
    filterRow->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setNameFilter(text);
        updateState();
    });
    connect(m_scope, qOverload<int>(&QComboBox::activated), this, &AppListView::onScopeChosen);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AppListView::onCurrentChanged);
    m_loadingText = tr("Loading apps…");
    setTeams({});
}

QSize AppListView::sizeHint() const
{
    // Heroku app names are at most 30 characters; a wide-lettered one measures the worst case.
    const int name =
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("cleardb-console-staging-euwest"));
    // The item view's text margins (QCommonStyle: PM_FocusFrameHMargin + 1 on each side), the other
    // columns, the frame and a vertical scroll bar.
    const int margins = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 8;
    const int columns = kRegionWidth + kUpdatedWidth;
    const int chrome =
        2 * m_view->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view);
    return {name + margins + columns + chrome, QWidget::sizeHint().height()};
}

void AppListView::setModel(AppListModel *model)
{
    // Another session's list: the app picked in the old one is not picked in this one, even when an
    // app of the same name is in both (picking it again must load its details).
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_current.clear();
    m_model = model;
    m_loaded = false;
    m_proxy->setSourceModel(model);
    // Fixed widths: ResizeToContents would measure every one of thousands of rows.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(AppListModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(AppListModel::RegionColumn, kRegionWidth);
    m_view->header()->resizeSection(AppListModel::UpdatedColumn, kUpdatedWidth);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_loaded = true;
        updateState();
        // A reset drops the selection; bring the user's app back if it survived.
        if (!m_current.isEmpty())
            selectApp(m_current);
    });
    updateState();
}

void AppListView::setTeams(const QStringList &teams)
{
    const QString chosen = m_proxy->scope() == AppFilterModel::TeamApps ? m_proxy->team() : QString();
    const AppFilterModel::Scope scope = m_proxy->scope();
    m_scope->clear();
    m_scope->addItem(tr("All apps"), QVariant());
    m_scope->addItem(tr("Personal apps"), QString());
    for (const QString &team : teams)
        m_scope->addItem(tr("Team: %1").arg(team), team);
    int index = 0;
    if (scope == AppFilterModel::PersonalApps)
        index = 1;
    else if (scope == AppFilterModel::TeamApps)
        index = qMax(0, m_scope->findData(chosen));
    m_scope->setCurrentIndex(index);
    onScopeChosen();
}

void AppListView::onScopeChosen()
{
    const int index = m_scope->currentIndex();
    if (index <= 0)
        m_proxy->setTeamScope(AppFilterModel::AllApps);
    else if (index == 1)
        m_proxy->setTeamScope(AppFilterModel::PersonalApps);
    else
        m_proxy->setTeamScope(AppFilterModel::TeamApps, m_scope->itemData(index).toString());
    updateState();
}

void AppListView::setLoadingText(const QString &text)
{
    m_loadingText = text;
    m_loaded = false;
    updateState();
}

void AppListView::updateState()
{
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == total ? (total == 1 ? tr("1 app") : tr("%1 apps").arg(total))
                                    : tr("%1 of %2").arg(shown).arg(total));
    m_count->setVisible(m_loaded);
    m_filter->setEnabled(m_loaded && total > 0);
    m_scope->setEnabled(m_loaded && total > 0);
    if (!m_loaded)
        m_empty->setText(m_loadingText);
    else if (total == 0)
        m_empty->setText(tr("This account has no apps yet.\n\nCreate one with `heroku create` or in the "
                            "Heroku Dashboard, then press Refresh."));
    else if (shown == 0 && m_proxy->nameFilter().isEmpty())
        m_empty->setText(tr("No %1.\n\nChoose “All apps” to see all %2 apps.")
                             .arg(m_proxy->scope() == AppFilterModel::PersonalApps
                                      ? tr("personal apps")
                                      : tr("apps of team %1").arg(m_proxy->team()))
                             .arg(total));
    else if (shown == 0)
        m_empty->setText(tr("No app name contains “%1”.\n\nClear the filter to see all %2 apps.")
                             .arg(m_filter->text().trimmed())
                             .arg(total));
    m_stack->setCurrentWidget(shown > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

void AppListView::selectApp(const QString &name)
{
    if (!m_model)
        return;
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, AppListModel::NameColumn));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QString AppListView::currentApp() const
{
    return m_current;
}

void AppListView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void AppListView::onCurrentChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    // A model reset or a filter that hides the app clears the current index; the
    // details keep showing the app the user picked until they pick another.
    if (!current.isValid())
        return;
    const QString name = current.data(AppListModel::AppNameRole).toString();
    if (name == m_current)
        return;
    m_current = name;
    Q_EMIT currentAppChanged(name);
}

bool AppListView::eventFilter(QObject *watched, QEvent *event)
{
    // Down or Enter in the filter box moves to the list, on the first match, so
    // "filter, pick, read" never needs the mouse.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) &&
            m_proxy->rowCount() > 0) {
            m_view->selectionModel()->setCurrentIndex(
                m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    if (!m_paintReported && watched == m_view->viewport() && event->type() == QEvent::Paint &&
        m_proxy->rowCount() > 0) {
        m_paintReported = true;
        // Report after this paint event has been handled, i.e. once the rows are drawn.
        const int count = m_proxy->rowCount();
        QTimer::singleShot(0, this, [this, count] { Q_EMIT firstAppsPainted(count); });
    }
    return QWidget::eventFilter(watched, event);
}
