// SPDX-License-Identifier: MIT
#include "UsageCommand.h"

#include "probe/SqlWorkerThread.h"
#include "transfer/DatabaseSpec.h"
#include "transfer/PlanQuotaLookup.h"
#include "transfer/PreflightRules.h"
#include "usage/UsageReader.h"
#include "usage/UsageReport.h"

#include <QCommandLineParser>

namespace {
QString levelTag(UsageFinding::Level level)
{
    switch (level) {
    case UsageFinding::Level::Alert:
        return QStringLiteral("ALERT  ");
    case UsageFinding::Level::Warning:
        return QStringLiteral("warning");
    case UsageFinding::Level::Fine:
        break;
    }
    return QStringLiteral("note   ");
}
} // namespace

UsageCommand::~UsageCommand()
{
    // Its worker thread ends before main() unloads the driver (see SqlWorkerThread).
    delete m_reader;
    SqlWorkerThread::waitForFinishedThreads(5000);
}

QString UsageCommand::details() const
{
    return QStringLiteral(
        "Arguments: --app APP reads the app's CLEARDB_DATABASE_URL (--var another config var) and the plan "
        "of\n"
        "the ClearDB add-on that owns it; or a mysql:// URL as - (stdin) or env:NAME, with --plan PLAN\n"
        "when it is a ClearDB database. Warnings start at 80 % of a limit, alerts at 95 %.\n"
        "  cleardbctl usage --app my-app\n"
        "  cleardbctl usage env:CLEARDB_DATABASE_URL --plan punch --json\n"
        "Exit codes: 0 read (whatever it found), 1 the database could not be read, 2 usage.");
}

void UsageCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("The database URL: - (stdin) or env:NAME."),
                                 QStringLiteral("[URL]"));
    parser.addOptions(DatabaseTargetArgument::options());
    parser.addOption(
        {QStringLiteral("plan"),
         QStringLiteral("The ClearDB plan the URL's database is on (ignite, punch, drift, scream)."),
         QStringLiteral("PLAN")});
    parser.addOption({QStringLiteral("tables"),
                      QStringLiteral("How many of the largest tables to list (default 10; 0 for none)."),
                      QStringLiteral("N")});
}

Status UsageCommand::prepare(const QCommandLineParser &parser)
{
    const Status where = m_where.prepare(parser, out());
    if (!where)
        return where;
    if (parser.isSet(QStringLiteral("plan"))) {
        m_plan = ClearDbPlans::find(parser.value(QStringLiteral("plan")).trimmed());
        if (!m_plan) {
            QStringList names;
            for (const ClearDbPlan &plan : ClearDbPlans::all())
                names << plan.name;
            return usage(QStringLiteral("--plan must be one of %1").arg(names.join(QStringLiteral(", "))));
        }
        m_planGiven = true;
    }
    if (parser.isSet(QStringLiteral("tables"))) {
        bool ok = false;
        m_tables = parser.value(QStringLiteral("tables")).toInt(&ok);
        if (!ok || m_tables < 0 || m_tables > 100000)
            return usage(QStringLiteral("--tables must be a whole number from 0 to 100000"));
    }
    return {};
}

void UsageCommand::start()
{
    m_where.resolve(client(), this, [this](const Result<ProbeTarget> &target) {
        if (!target)
            return context()->fail(target.error());
        m_target = target.value();
        m_target.label = QStringLiteral("usage");
        m_clearDbRouter = UsageReport::isClearDbHost(m_target.host);
        if (m_where.app().isEmpty() || m_planGiven)
            return read(m_target);
        // The plan is the one of the ClearDB add-on whose attachment owns the var.
        m_lookup = new PlanQuotaLookup(client(), this);
        connect(m_lookup, &PlanQuotaLookup::found, this, [this](qint64, const QString &plan) {
            if (!m_lookup->reason().isEmpty())
                out().warning(QStringLiteral("no plan limits to weigh against: %1").arg(m_lookup->reason()));
            m_plan = ClearDbPlans::find(plan);
            // The var belongs to a ClearDB add-on: its URL is the routed one, whatever the host is called.
            m_clearDbRouter = m_clearDbRouter || !plan.isEmpty();
            read(m_target);
        });
        m_lookup->lookUp(DatabaseSpec::appVariable(m_where.app(), m_where.variable()));
    });
}

void UsageCommand::read(const ProbeTarget &target)
{
    m_reader = new UsageReader;
    connect(m_reader, &UsageReader::finished, this, &UsageCommand::onRead);
    m_reader->start(target);
}

void UsageCommand::onRead(const UsageReading &reading)
{
    if (!reading.ok()) {
        Error e = reading.error.toError();
        e.message =
            QStringLiteral("could not read the usage of %1: %2").arg(m_where.description(), e.message);
        return context()->fail(e);
    }
    const UsageReport report(reading.usage, m_plan, m_clearDbRouter);
    if (json()) {
        QJsonObject object = report.toJson(m_tables);
        object.insert(QStringLiteral("database"), m_target.database);
        object.insert(QStringLiteral("url"), m_target.redacted());
        if (!m_where.app().isEmpty())
            object.insert(QStringLiteral("app"), m_where.app());
        out().json(object);
    } else {
        print(report);
    }
    context()->succeed();
}

void UsageCommand::print(const UsageReport &report) const
{
    const DatabaseUsage &u = report.usage();
    const std::optional<ClearDbPlan> &plan = report.plan();
    QList<QPair<QString, QString>> facts;
    facts << qMakePair(QStringLiteral("Database"),
                       QStringLiteral("%1 (%2)").arg(m_target.database, m_target.redacted()));
    facts << qMakePair(QStringLiteral("Plan"), plan ? QStringLiteral("%1, %2").arg(
                                                          plan->qualifiedName(), UsageRules::priceText(*plan))
                                                    : QStringLiteral("none known (give --plan PLAN)"));
    facts << qMakePair(QStringLiteral("Storage"), report.storageText());
    facts << qMakePair(QStringLiteral("Connections"), QStringLiteral("%1; the server allows %2 in all")
                                                          .arg(report.connectionsText())
                                                          .arg(u.maxConnections));
    facts << qMakePair(
        QStringLiteral("Idle timeout"),
        report.clearDbRouter()
            ? QStringLiteral("wait_timeout %1 s; ClearDB's router closes idle connections after "
                             "about %2 s")
                  .arg(u.waitTimeoutSeconds)
                  .arg(UsageReport::RouterIdleSeconds)
            : QStringLiteral("wait_timeout %1 s").arg(u.waitTimeoutSeconds));
    facts << qMakePair(QStringLiteral("Server"),
                       QStringLiteral("%1, read_only %2")
                           .arg(u.serverVersion, u.readOnly ? QStringLiteral("ON") : QStringLiteral("OFF")));
    out().keyValues(facts);
    if (m_tables > 0) {
        QList<QStringList> rows;
        for (const DatabaseUsage::Table &t : u.tables) {
            if (rows.size() >= m_tables)
                break;
            rows << QStringList{t.name, PreflightRules::bytesText(t.bytes()),
                                PreflightRules::bytesText(t.dataBytes),
                                PreflightRules::bytesText(t.indexBytes), QString::number(t.rowsEstimate)};
        }
        out().line();
        out().table({QStringLiteral("TABLE"), QStringLiteral("SIZE"), QStringLiteral("DATA"),
                     QStringLiteral("INDEX"), QStringLiteral("ROWS (ESTIMATE)")},
                    rows, QStringLiteral("No tables."));
        if (u.tables.size() > m_tables)
            out().line(QStringLiteral("… and %1 more tables (--tables N shows more)")
                           .arg(u.tables.size() - m_tables));
    }
    out().line();
    for (const UsageFinding &f : report.findings())
        out().line(QStringLiteral("%1  %2").arg(levelTag(f.level), f.line));
}
