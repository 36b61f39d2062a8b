// SPDX-License-Identifier: MIT
#include "FleetCommand.h"

#include "fleet/FleetExport.h"
#include "fleet/FleetLoader.h"
#include "fleet/FleetModel.h"
#include "heroku/PriceText.h"
#include "probe/SqlWorkerThread.h"

#include <QCommandLineParser>
#include <QSaveFile>

#include <algorithm>

namespace {
// The loader keeps the API's order; people and diffs read the fleet best by app, then add-on.
QList<FleetRow> sortedRows(QList<FleetRow> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const FleetRow &a, const FleetRow &b) {
        return a.app != b.app ? a.app < b.app : a.addonName < b.addonName;
    });
    return rows;
}
} // namespace

FleetCommand::~FleetCommand()
{
    // The readers' threads end before main() unloads the driver (see SqlWorkerThread).
    delete m_loader;
    SqlWorkerThread::waitForFinishedThreads(5000);
}

QString FleetCommand::details() const
{
    return QStringLiteral(
        "One listing of the account's add-ons, one config-vars read per app, then each database read as\n"
        "its own user (one connection, closed at once; at most N at a time). DATABASE_URL says whether\n"
        "the app's DATABASE_URL is this add-on's database (promoted), another one (elsewhere) or unset.\n"
        "  cleardbctl fleet\n"
        "  cleardbctl fleet --no-probe --csv fleet.csv\n"
        "Exit codes: 0 listed (unreachable databases are shown as such), 1 the account's add-ons could\n"
        "not be listed, 2 usage.");
}

void FleetCommand::configure(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("no-probe"),
                      QStringLiteral("Do not connect to the databases: API data only (plan, price, "
                                     "DATABASE_URL).")});
    parser.addOption({QStringLiteral("concurrency"),
                      QStringLiteral("How many databases to read at once, 1 to 8 (default 8)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("csv"),
                      QStringLiteral("Also write the table to FILE as CSV (no URLs or passwords)."),
                      QStringLiteral("FILE")});
}

Status FleetCommand::prepare(const QCommandLineParser &parser)
{
    const Status arguments = CommandOptions::tooManyArguments(parser, 0);
    if (!arguments)
        return arguments;
    m_probes = !parser.isSet(QStringLiteral("no-probe"));
    if (parser.isSet(QStringLiteral("concurrency"))) {
        bool ok = false;
        m_concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
        if (!ok || m_concurrency < 1 || m_concurrency > FleetProber::MaxConcurrency)
            return usage(QStringLiteral("--concurrency must be a whole number from 1 to %1")
                             .arg(FleetProber::MaxConcurrency));
    }
    m_csvPath = parser.value(QStringLiteral("csv"));
    if (parser.isSet(QStringLiteral("csv")) && m_csvPath.isEmpty())
        return usage(QStringLiteral("--csv needs a file name"));
    return {};
}

void FleetCommand::start()
{
    m_loader = new FleetLoader(client());
    m_loader->setProbesEnabled(m_probes);
    m_loader->setProbeConcurrency(m_concurrency);
    connect(m_loader, &FleetLoader::rowChanged, this, [this] {
        if (json())
            return; // terminalStatus() would drop it anyway
        const FleetSummary s = m_loader->summary();
        out().terminalStatus(
            QStringLiteral("%1 of %2 add-ons settled").arg(s.read + s.unreachable + s.skipped).arg(s.addons));
    });
    connect(m_loader, &FleetLoader::finished, this, &FleetCommand::onFinished);
    m_loader->start();
}

void FleetCommand::onFinished(const FleetSummary &summary)
{
    out().terminalStatus(QString());
    if (!summary.listed) {
        Error e = summary.listingError;
        e.message = QStringLiteral("could not list the account's add-ons: %1").arg(e.message);
        return context()->fail(e);
    }
    const QList<FleetRow> rows = sortedRows(m_loader->rows());
    if (!m_csvPath.isEmpty()) {
        QSaveFile file(m_csvPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(FleetExport::csv(rows)) < 0 || !file.commit())
            return context()->fail(
                makeError(Error::Kind::Io,
                          QStringLiteral("could not write %1: %2").arg(m_csvPath, file.errorString())));
    }
    if (json()) {
        QJsonObject object = FleetExport::json(rows, summary.rateLimitRemaining);
        object.insert(QStringLiteral("apps"), summary.apps);
        object.insert(QStringLiteral("read"), summary.read);
        object.insert(QStringLiteral("unreachable"), summary.unreachable);
        object.insert(QStringLiteral("skipped"), summary.skipped);
        object.insert(QStringLiteral("config_failed"), summary.configFailed);
        object.insert(QStringLiteral("rate_limit_pauses"), summary.rateLimitPauses);
        out().json(object);
    } else {
        print(rows, summary);
    }
    context()->succeed();
}

void FleetCommand::print(const QList<FleetRow> &rows, const FleetSummary &summary) const
{
    // The console's columns, in capitals as cleardbctl's tables have them.
    QStringList headers;
    for (int column = 0; column < FleetModel::ColumnCount; ++column)
        headers << FleetModel::columnTitle(column).toUpper();
    QList<QStringList> cells;
    for (const FleetRow &row : rows) {
        QStringList line;
        for (int column = 0; column < FleetModel::ColumnCount; ++column)
            line << FleetModel::text(row, column);
        cells << line;
    }
    out().table(headers, cells, QStringLiteral("No ClearDB add-ons on this account."));
    const qint64 cents = FleetExport::totalMonthlyCents(rows);
    out().line();
    out().line(QStringLiteral("%1 ClearDB add-on%2 on %3 app%4, %5/month in all; API rate limit remaining %6")
                   .arg(summary.addons)
                   .arg(summary.addons == 1 ? QString() : QStringLiteral("s"))
                   .arg(summary.apps)
                   .arg(summary.apps == 1 ? QString() : QStringLiteral("s"))
                   .arg(dollarsText(cents))
                   .arg(summary.rateLimitRemaining >= 0 ? QString::number(summary.rateLimitRemaining)
                                                        : QStringLiteral("unknown")));
}
