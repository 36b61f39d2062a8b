// SPDX-License-Identifier: MIT
#include "connection/UsageTab.h"

#include "connection/TableSizeModel.h"
#include "connection/UsageFiguresView.h"
#include "probe/UrlProbeTarget.h"
#include "transfer/DatabaseSpec.h"
#include "transfer/PlanQuotaLookup.h"
#include "transfer/PreflightRules.h"
#include "usage/UsageReader.h"
#include "widgets/BusyIndicator.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

UsageTab::UsageTab(QWidget *parent)
    : QWidget(parent), m_reader(new UsageReader(this)), m_source(new QLabel(this)),
      m_plan(new QComboBox(this)), m_readButton(new QPushButton(this)), m_busy(new BusyIndicator(this)),
      m_message(new MessageBar(this)), m_summary(new QLabel(this)), m_figures(new UsageFiguresView(this)),
      m_tableModel(new TableSizeModel(this)), m_tables(new QTableView(this))
{
    setObjectName(QStringLiteral("usageTab"));
    setAccessibleName(tr("Usage"));
    m_source->setObjectName(QStringLiteral("usageSource"));
    m_source->setTextFormat(Qt::PlainText);
    m_source->setWordWrap(true);

    m_plan->setObjectName(QStringLiteral("usagePlan"));
    m_plan->setAccessibleName(tr("ClearDB plan"));
    m_plan->addItem(tr("No ClearDB plan"), QString());
    for (const ClearDbPlan &plan : ClearDbPlans::all())
        m_plan->addItem(tr("%1 (%2, %3)")
                            .arg(plan.humanName, PreflightRules::bytesText(plan.storageBytes()),
                                 UsageRules::priceText(plan)),
                        plan.name);
    m_plan->setToolTip(tr("The plan the limits come from: the app's ClearDB add-on's, or your choice "
                          "for a pasted URL."));
    connect(m_plan, qOverload<int>(&QComboBox::activated), this, [this] {
        m_planFromAddon = false;
        render();
    });
    auto *planLabel = new QLabel(tr("&Plan:"), this);
    planLabel->setBuddy(m_plan);

    m_readAction = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Read usage"), this);
    m_readAction->setObjectName(QStringLiteral("readUsageAction"));
    m_readAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    // Window-wide while this tab is on screen, like the Connection tab's Test connection.
    m_readAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_readAction);
    connect(m_readAction, &QAction::triggered, this, &UsageTab::readUsage);
    m_readButton->setObjectName(QStringLiteral("readUsageButton"));
    m_readButton->setText(m_readAction->text());
    m_readButton->setIcon(m_readAction->icon());
    m_readButton->setAccessibleName(m_readAction->text());
    m_readButton->setToolTip(tr("Read the database's size and connections again (%1); one connection, "
                                "read-only")
                                 .arg(m_readAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_readButton, &QPushButton::clicked, this, &UsageTab::readUsage);

    m_message->setObjectName(QStringLiteral("usageMessage"));
    m_message->hideMessage();
    connect(m_message, &MessageBar::actionTriggered, this, &UsageTab::readUsage);
    m_summary->setObjectName(QStringLiteral("usageSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_tables->setObjectName(QStringLiteral("usageTables"));
    m_tables->setAccessibleName(tr("Tables by size"));
    m_tables->setModel(m_tableModel);
    m_tables->verticalHeader()->hide();
    m_tables->horizontalHeader()->setSectionResizeMode(TableSizeModel::Name, QHeaderView::Stretch);
    m_tables->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tables->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    auto *row = new QHBoxLayout;
    row->addWidget(planLabel);
    row->addWidget(m_plan, 1);
    row->addWidget(m_busy);
    row->addWidget(m_readButton);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_figures);
    layout->addWidget(m_tables, 1);

    connect(m_reader, &UsageReader::finished, this, &UsageTab::onRead);
    m_source->setText(tr("Database (select an app, or paste a URL in the Connection tab):"));
    clearFigures(tr("Select an app with ClearDB on the left to see its database against its plan's limits."));
}

UsageTab::~UsageTab() = default;

void UsageTab::setClient(HerokuClient *client)
{
    m_client = client;
    delete m_lookup;
    m_lookup = nullptr;
    if (client) {
        m_lookup = new PlanQuotaLookup(client, this);
        connect(m_lookup, &PlanQuotaLookup::found, this,
                [this](qint64, const QString &plan) { onPlanFound(plan); });
    }
    m_app.clear();
    m_planLookedUp = false;
}

void UsageTab::setApp(const QString &app)
{
    if (app == m_app)
        return;
    m_app = app;
    m_planFromAddon = false;
    m_planLookedUp = false;
    m_plan->setCurrentIndex(0);
    if (isVisible())
        lookUpPlan();
}

void UsageTab::lookUpPlan()
{
    // Browsing apps costs no API call: the add-ons are read once the tab is on screen.
    if (m_planLookedUp || !m_lookup || m_app.isEmpty())
        return;
    m_planLookedUp = true;
    m_lookup->lookUp(DatabaseSpec::appVariable(m_app));
}

void UsageTab::onPlanFound(const QString &plan)
{
    const std::optional<ClearDbPlan> found = ClearDbPlans::find(plan);
    m_planFromAddon = found.has_value();
    m_plan->setCurrentIndex(found ? qMax(0, m_plan->findData(found->name)) : 0);
    render();
    Q_EMIT planLookedUp();
}

void UsageTab::setDatabaseUrl(const Secret &url, const QString &source)
{
    m_source->setText(source);
    if (url.reveal() == m_url.reveal())
        return;
    m_url = url;
    m_reader->abort();
    m_busy->setRunning(false);
    m_readAction->setEnabled(true);
    m_readButton->setEnabled(true);
    m_reading.reset();
    const Result<ProbeTarget> target = UrlProbeTarget::fromText(url.reveal());
    m_host = target ? target->host : QString();
    m_needsRead = !url.isEmpty();
    clearFigures(url.isEmpty()
                     ? tr("No database URL to read.")
                     : tr("Reading happens when this tab is shown; press Read usage (%1) to read again.")
                           .arg(m_readAction->shortcut().toString(QKeySequence::NativeText)));
    if (isVisible() && m_needsRead)
        readUsage();
}

void UsageTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    lookUpPlan();
    if (m_needsRead && !isReading())
        readUsage();
}

bool UsageTab::isReading() const
{
    return m_reader->isRunning();
}

void UsageTab::readUsage()
{
    if (isReading())
        return;
    const Result<ProbeTarget> target = UrlProbeTarget::fromText(m_url.reveal(), QStringLiteral("usage"));
    if (m_url.isEmpty() || !target) {
        m_message->showMessage(m_url.isEmpty()
                                   ? tr("There is no database URL to read; select an app with ClearDB.")
                                   : tr("The database URL is not valid: %1").arg(target.error().message),
                               MessageBar::Error);
        return;
    }
    m_needsRead = false;
    m_message->hideMessage();
    m_busy->setRunning(true);
    m_readAction->setEnabled(false);
    m_readButton->setEnabled(false);
    m_summary->setText(tr("Reading the database's size and connections…"));
    m_reader->start(target.value());
}

void UsageTab::onRead(const UsageReading &reading)
{
    m_busy->setRunning(false);
    m_readAction->setEnabled(true);
    m_readButton->setEnabled(true);
    if (!reading.ok()) {
        m_reading.reset();
        clearFigures(QString());
        m_message->showMessage(tr("Could not read the usage: %1").arg(reading.error.toString()),
                               MessageBar::Error, tr("Retry"));
    } else {
        m_reading = reading;
        render();
    }
    Q_EMIT usageRead(reading);
}

std::optional<ClearDbPlan> UsageTab::chosenPlan() const
{
    return ClearDbPlans::find(m_plan->currentData().toString());
}

bool UsageTab::routedByClearDb() const
{
    return m_planFromAddon || UsageReport::isClearDbHost(m_host);
}

std::optional<UsageReport> UsageTab::report() const
{
    if (!m_reading)
        return std::nullopt;
    return UsageReport(m_reading->usage, chosenPlan(), routedByClearDb());
}

void UsageTab::clearFigures(const QString &idleText)
{
    m_summary->setText(idleText);
    m_figures->clear();
    m_tableModel->setTables({});
}

void UsageTab::render()
{
    const std::optional<UsageReport> r = report();
    if (!r)
        return;
    const DatabaseUsage &u = r->usage();
    const std::optional<ClearDbPlan> &plan = r->plan();
    const QString tablesText = u.tables.size() == 1 ? tr("1 table") : tr("%1 tables").arg(u.tables.size());
    m_summary->setText(
        plan ? tr("%1 on %2, %3.").arg(tablesText, plan->humanName, UsageRules::priceText(*plan))
             : tr("%1; choose the plan to weigh it against its limits.").arg(tablesText));
    m_figures->setReport(*r);
    m_tableModel->setTables(u.tables);
}
