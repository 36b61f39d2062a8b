// SPDX-License-Identifier: MIT
#include "activity/ActivityLogDock.h"

#include "activity/ActivityLogModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

ActivityLogDock::ActivityLogDock(QWidget *parent)
    : QDockWidget(tr("Activity log"), parent), m_model(new ActivityLogModel(this)),
      m_table(new QTreeView(this)), m_empty(new QLabel(this)), m_lastError(new QLabel(this))
{
    setObjectName(QStringLiteral("activityLogDock"));
    setAccessibleName(tr("Activity log"));
    toggleViewAction()->setObjectName(QStringLiteral("activityLogAction"));
    toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    toggleViewAction()->setToolTip(
        tr("Show the API calls, backups, restores and errors (%1)")
            .arg(toggleViewAction()->shortcut().toString(QKeySequence::NativeText)));

    m_table->setObjectName(QStringLiteral("activityLogTable"));
    m_table->setAccessibleName(tr("API calls"));
    m_table->setModel(m_model);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(true);

    m_empty->setObjectName(QStringLiteral("activityLogEmpty"));
    m_empty->setText(tr("Nothing yet. Every request the console sends to Heroku appears here, and every "
                        "backup and restore."));
    m_empty->setWordWrap(true);
    m_lastError->setObjectName(QStringLiteral("activityLogLastError"));
    m_lastError->setTextFormat(Qt::PlainText);
    m_lastError->setWordWrap(true);
    m_lastError->hide();

    auto *copy = new QAction(tr("Copy for support"), this);
    copy->setObjectName(QStringLiteral("activityLogCopyAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(copy);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copy, &QAction::triggered, this, &ActivityLogDock::copySelection);

    auto *copyButton = new QPushButton(tr("&Copy for support"), this);
    copyButton->setObjectName(QStringLiteral("activityLogCopyButton"));
    copyButton->setToolTip(tr("Copy the selected calls with their Request-Id, for a Heroku support ticket"));
    connect(copyButton, &QPushButton::clicked, this, &ActivityLogDock::copySelection);
    auto *clearButton = new QPushButton(tr("C&lear"), this);
    clearButton->setObjectName(QStringLiteral("activityLogClearButton"));
    connect(clearButton, &QPushButton::clicked, m_model, &ActivityLogModel::clear);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_lastError);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(copyButton);
    buttons->addWidget(clearButton);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateEmptyState();
        m_table->scrollToBottom();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_lastError->hide();
        updateEmptyState();
    });
    connect(m_model, &ActivityLogModel::errorAppended, this, [this](const QString &text) {
        m_lastError->setText(tr("Last error: %1").arg(text));
        m_lastError->show();
    });
    updateEmptyState();
}

QString ActivityLogDock::selectedSupportText() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : std::as_const(rows))
        lines << m_model->supportText(row);
    return lines.join(QLatin1Char('\n'));
}

void ActivityLogDock::copySelection()
{
    const QString text = selectedSupportText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ActivityLogDock::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
}
