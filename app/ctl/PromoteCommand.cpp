// SPDX-License-Identifier: MIT
#include "PromoteCommand.h"

#include "CommandOptions.h"
#include "DynoRestarter.h"
#include "heroku/ConfigAssignment.h"
#include "heroku/ConfigVarMasker.h"

#include <QCommandLineParser>

void PromoteCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
    parser.addOption({QStringLiteral("from"), QStringLiteral("Var to copy (default CLEARDB_DATABASE_URL)."),
                      QStringLiteral("VAR")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Var to set (default DATABASE_URL)."), QStringLiteral("VAR")});
    parser.addOption(CommandOptions::restart());
}

Status PromoteCommand::prepare(const QCommandLineParser &parser)
{
    const Result<QString> app = CommandOptions::requiredApp(parser);
    if (!app)
        return app.error();
    m_app = app.value();
    if (parser.isSet(QStringLiteral("from")))
        m_from = parser.value(QStringLiteral("from")).trimmed();
    if (parser.isSet(QStringLiteral("to")))
        m_to = parser.value(QStringLiteral("to")).trimmed();
    if (m_from.isEmpty() || m_to.isEmpty())
        return usage(QStringLiteral("--from and --to need a config var name"));
    if (m_from == m_to)
        return usage(QStringLiteral("--from and --to are both %1; nothing to copy").arg(m_from));
    m_restart = parser.isSet(QStringLiteral("restart"));
    return CommandOptions::tooManyArguments(parser, 0);
}

void PromoteCommand::start()
{
    m_assignment = new ConfigAssignment(client(), this);
    connect(m_assignment, &ConfigAssignment::prepared, this, &PromoteCommand::onPrepared);
    connect(m_assignment, &ConfigAssignment::applied, this, &PromoteCommand::onApplied);
    m_assignment->preparePromote(m_app, m_from, m_to);
}

void PromoteCommand::onPrepared(const ConfigAssignmentPlan &plan)
{
    if (context()->hasExited())
        return;
    switch (plan.status) {
    case ConfigAssignmentPlan::Status::Ready:
        // The restart stays with DynoRestarter so its progress line shows between the steps.
        return m_assignment->apply(plan, false);
    case ConfigAssignmentPlan::Status::Unchanged:
        if (json())
            out().json(ConfigVarMasker::masked(plan.config));
        else
            out().line(plan.message);
        return context()->succeed();
    case ConfigAssignmentPlan::Status::Failed:
        return context()->fail(plan.error);
    case ConfigAssignmentPlan::Status::Refused:
        return context()->fail(makeError(Error::Kind::Conflict, plan.message + QStringLiteral(" with --to")));
    case ConfigAssignmentPlan::Status::NoSource:
        return context()->fail(
            makeError(Error::Kind::NotFound,
                      QStringLiteral("%1 has no config var %2; create a ClearDB add-on with "
                                     "`cleardbctl provision --app %1` or name another var with --from")
                          .arg(m_app, m_from)));
    case ConfigAssignmentPlan::Status::InvalidVar:
        return context()->fail(makeError(Error::Kind::InvalidInput, plan.message));
    }
}

void PromoteCommand::onApplied(const ConfigAssignmentOutcome &outcome)
{
    if (!outcome.patch.ok())
        return context()->fail(outcome.patch.error);
    if (json()) {
        out().json(ConfigVarMasker::masked(outcome.patch.object()));
    } else {
        out().dataLine(outcome.plan.maskedDiff());
        out().line(
            QStringLiteral("Heroku restarts %1's dynos with the new config (a new release).").arg(m_app));
    }
    if (!m_restart)
        return context()->succeed();
    DynoRestarter::restart(context(), m_app, this);
}
