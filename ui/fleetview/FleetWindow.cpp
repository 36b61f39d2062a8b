// SPDX-License-Identifier: MIT
#include "fleetview/FleetWindow.h"

#include "fleet/FleetExport.h"
#include "fleet/FleetLoader.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetSummary.h"
#include "fleetview/FleetFilterModel.h"
#include "heroku/PriceText.h"
#include "widgets/BusyIndicator.h"
#include "widgets/MessageBar.h"
#include "widgets/ShortcutAction.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

FleetWindow::FleetWindow(HerokuClient *client, QWidget *parent)
    : QDialog(parent), m_loader(new FleetLoader(client, this)), m_model(new FleetModel(this)),
      m_filter(new FleetFilterModel(this)), m_totals(new QLabel(this)), m_budget(new QLabel(this)),
      m_busy(new BusyIndicator(this)), m_refresh(new QPushButton(tr("&Refresh"), this)),
      m_export(new QPushButton(tr("&Export"), this)), m_probe(new QCheckBox(tr("Read the &databases"), this)),
      m_filterEdit(new QLineEdit(this)), m_onlyProblems(new QCheckBox(tr("Only &problems"), this)),
      m_message(new MessageBar(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("fleetWindow"));
    setWindowTitle(tr("Fleet: every ClearDB database of the account"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_model->track(m_loader);
    m_filter->setSourceModel(m_model);

    m_totals->setObjectName(QStringLiteral("fleetTotals"));
    m_totals->setTextFormat(Qt::PlainText);
    m_budget->setObjectName(QStringLiteral("fleetBudget"));
    m_budget->setTextFormat(Qt::PlainText);
    m_budget->setToolTip(tr("Heroku's API allows a budget of requests that refills over time; the fleet "
                            "holds back when it runs low instead of being refused."));
    m_refresh->setObjectName(QStringLiteral("fleetRefreshButton"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(
        shortcutTip(tr("List the add-ons and read the databases again"), QKeySequence::Refresh));
    connect(m_refresh, &QPushButton::clicked, this, &FleetWindow::refresh);
    m_export->setObjectName(QStringLiteral("fleetExportButton"));
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("As &CSV…"), this, [this] { exportWithDialog(Format::Csv); });
    exportMenu->addAction(tr("As &JSON…"), this, [this] { exportWithDialog(Format::Json); });
    m_export->setMenu(exportMenu);
    m_export->setToolTip(tr("Save the table as CSV or JSON (no URLs, no passwords)"));
    m_probe->setObjectName(QStringLiteral("fleetProbeCheck"));
    m_probe->setChecked(true);
    m_probe->setToolTip(tr("Connect to each database (one connection at a time each, at most %1 at once) "
                           "for its size and connections; off: the API's data only")
                            .arg(8));
    m_filterEdit->setObjectName(QStringLiteral("fleetFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by app, add-on, plan or finding"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter the fleet"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &FleetFilterModel::setText);
    m_onlyProblems->setObjectName(QStringLiteral("fleetOnlyProblems"));
    m_onlyProblems->setToolTip(tr("Rows with a warning, an alert or an unreachable database"));
    connect(m_onlyProblems, &QCheckBox::toggled, m_filter, &FleetFilterModel::setOnlyProblems);
    m_message->setObjectName(QStringLiteral("fleetMessage"));
    m_message->hideMessage();
    connect(m_message, &MessageBar::actionTriggered, this, &FleetWindow::refresh);

    m_table->setObjectName(QStringLiteral("fleetTable"));
    m_table->setAccessibleName(tr("ClearDB add-ons"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetModel::AppColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(FleetModel::FindingsColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(FleetModel::StorageColumn,
                                                      QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_totals, 1);
    top->addWidget(m_budget);
    top->addWidget(m_busy);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_onlyProblems);
    filterRow->addWidget(m_probe);
    filterRow->addWidget(m_refresh);
    filterRow->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    resize(1100, 560);

    connect(m_loader, &FleetLoader::rowsAdded, this, [this] {
        // Once per listing, not per change: measuring every row again on each update would stall.
        for (int column : {FleetModel::AppColumn, FleetModel::AddonColumn, FleetModel::PlanColumn})
            m_table->resizeColumnToContents(column);
        updateTotals();
    });
    connect(m_loader, &FleetLoader::rowChanged, this, &FleetWindow::updateTotals);
    connect(m_loader, &FleetLoader::rateLimitChanged, this, &FleetWindow::updateBudget);
    connect(m_loader, &FleetLoader::finished, this, &FleetWindow::onFinished);
    updateTotals();
    updateBudget(-1);
}

FleetWindow::~FleetWindow()
{
    m_loader->cancel();
}

void FleetWindow::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        refresh();
    }
}

void FleetWindow::closeEvent(QCloseEvent *event)
{
    // Nothing to wait for: requests are aborted and readers abandoned, their threads end on their own.
    m_loader->cancel();
    m_busy->setRunning(false);
    QDialog::closeEvent(event);
}

bool FleetWindow::isLoading() const
{
    return m_loader->isRunning();
}

void FleetWindow::refresh()
{
    m_message->hideMessage();
    m_loader->setProbesEnabled(m_probe->isChecked());
    m_busy->setRunning(true);
    m_totals->setText(tr("Listing the account's ClearDB add-ons…"));
    m_loader->start();
}

void FleetWindow::updateTotals()
{
    const FleetSummary s = m_loader->summary();
    if (s.addons == 0 && isLoading())
        return;
    QString text = tr("%1 on %2, %3/month in all")
                       .arg(s.addons == 1 ? tr("1 ClearDB add-on") : tr("%1 ClearDB add-ons").arg(s.addons),
                            s.apps == 1 ? tr("1 app") : tr("%1 apps").arg(s.apps),
                            dollarsText(m_model->totalMonthlyCents()));
    if (m_probe->isChecked() && s.addons > 0)
        text += tr("; %1 of %2 databases read").arg(s.read).arg(s.addons) +
                (s.unreachable ? tr(", %1 unreachable").arg(s.unreachable) : QString());
    m_totals->setText(text);
}

void FleetWindow::updateBudget(int remaining)
{
    m_budget->setText(remaining < 0 ? tr("API budget: not known yet")
                                    : tr("API budget: %1 requests left%2")
                                          .arg(remaining)
                                          .arg(m_loader->isPaused() ? tr(" (holding back)") : QString()));
}

void FleetWindow::onFinished(const FleetSummary &summary)
{
    m_busy->setRunning(false);
    updateTotals();
    updateBudget(summary.rateLimitRemaining);
    if (!summary.listed)
        m_message->showMessage(
            tr("Could not list the account's add-ons: %1").arg(summary.listingError.oneLine()),
            MessageBar::Error, tr("Retry"));
    else if (summary.configFailed > 0)
        m_message->showMessage(
            tr("The config vars of %1 could not be read; their rows say why. "
               "Refresh to try again.")
                .arg(summary.configFailed == 1 ? tr("1 app") : tr("%1 apps").arg(summary.configFailed)),
            MessageBar::Warning, tr("Refresh"));
    Q_EMIT loaded(summary);
}

QString FleetWindow::exportTo(const QString &path, Format format) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(path, file.errorString());
    const QByteArray data =
        format == Format::Csv
            ? FleetExport::csv(m_model->rows())
            : QJsonDocument(FleetExport::json(m_model->rows(), m_loader->rateLimitRemaining())).toJson();
    if (file.write(data) != data.size() || !file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

void FleetWindow::exportWithDialog(Format format)
{
    const bool csv = format == Format::Csv;
    auto *dialog =
        new QFileDialog(this, csv ? tr("Export the fleet as CSV") : tr("Export the fleet as JSON"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->selectFile(csv ? QStringLiteral("cleardb-fleet.csv") : QStringLiteral("cleardb-fleet.json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        const QString error = exportTo(path, format);
        if (error.isEmpty())
            m_message->showMessage(tr("Saved %1.").arg(path), MessageBar::Positive);
        else
            m_message->showMessage(error, MessageBar::Error);
    });
    dialog->open();
}
