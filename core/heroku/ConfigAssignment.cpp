// SPDX-License-Identifier: MIT
#include "ConfigAssignment.h"

#include "HerokuClient.h"
#include "HerokuResources.h"

#include <QTimer>

namespace {
QString serviceText(const HerokuAddon &addon)
{
    if (addon.serviceTitle.isEmpty() || addon.serviceTitle == addon.serviceName)
        return addon.serviceName;
    return QStringLiteral("%1, %2").arg(addon.serviceTitle, addon.serviceName);
}
} // namespace

ConfigAssignment::ConfigAssignment(HerokuClient *client, QObject *parent) : QObject(parent), m_client(client)
{
}

Status ConfigAssignment::checkVarName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return makeError(Error::Kind::InvalidInput, QStringLiteral("a config var name is needed"));
    for (const QChar c : name) {
        // Config vars become environment variables: `NAME=value`, one per line.
        if (c == QLatin1Char('=') || c.isSpace())
            return makeError(
                Error::Kind::InvalidInput,
                QStringLiteral("the config var name \"%1\" contains '=' or a space; use letters, "
                               "digits and underscores")
                    .arg(name));
    }
    return {};
}

void ConfigAssignment::preparePromote(const QString &app, const QString &sourceVar, const QString &targetVar)
{
    ConfigAssignmentPlan plan;
    plan.app = app;
    plan.sourceVar = sourceVar;
    plan.targetVar = targetVar;
    Status checked = checkVarName(sourceVar);
    if (checked)
        checked = checkVarName(targetVar);
    if (checked && sourceVar == targetVar)
        checked = makeError(
            Error::Kind::InvalidInput,
            QStringLiteral("the source and the target are both %1; nothing to copy").arg(targetVar));
    prepare(plan, checked);
}

void ConfigAssignment::prepareAssign(const QString &app, const QString &targetVar, const Secret &value)
{
    ConfigAssignmentPlan plan;
    plan.app = app;
    plan.targetVar = targetVar;
    plan.newValue = value;
    Status checked = checkVarName(targetVar);
    if (checked && value.isEmpty())
        checked = makeError(Error::Kind::InvalidInput,
                            QStringLiteral("the value for %1 is empty; build the URL first").arg(targetVar));
    prepare(plan, checked);
}

void ConfigAssignment::prepare(ConfigAssignmentPlan plan, const Status &checked)
{
    cancel();
    if (!checked) {
        plan.status = ConfigAssignmentPlan::Status::InvalidVar;
        plan.message = checked.error().message;
        // Results always arrive from the event loop, as the network ones do.
        QTimer::singleShot(0, this, [this, plan] { Q_EMIT prepared(plan); });
        return;
    }
    m_plan = plan;
    m_pending = 2;
    m_varsRequest = m_client->configVars(plan.app);
    connect(m_varsRequest, &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok())
            return failPrepare(QStringLiteral("could not read the config vars of %1").arg(m_plan.app),
                               result.error);
        m_vars = result.object();
        if (--m_pending == 0)
            onLoaded();
    });
    m_addonsRequest = m_client->addonsForApp(plan.app);
    connect(m_addonsRequest, &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok())
            return failPrepare(QStringLiteral("could not read the add-ons of %1").arg(m_plan.app),
                               result.error);
        m_addons = result.array();
        if (--m_pending == 0)
            onLoaded();
    });
}

void ConfigAssignment::onLoaded()
{
    ConfigAssignmentPlan plan = m_plan;
    const QList<HerokuAddon> addons = HerokuAddon::listFromJson(m_addons);
    const QString owner = ownerOfConfigVar(addons, plan.targetVar);
    if (!owner.isEmpty()) {
        for (const HerokuAddon &addon : addons) {
            if (addon.name == owner)
                plan.ownerService = serviceText(addon);
        }
        plan.ownerAddon = owner;
        plan.status = ConfigAssignmentPlan::Status::Refused;
        // Heroku manages attachment vars itself: a hand-written value is replaced on the
        // add-on's next credential rotation and detaches the app from its database.
        plan.message =
            QStringLiteral("%1 on %2 belongs to the add-on %3%4, and Heroku would break that add-on's link "
                           "if it were overwritten; nothing was changed. %5")
                .arg(plan.targetVar, plan.app, owner,
                     plan.ownerService.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(plan.ownerService),
                     plan.sourceVar.isEmpty()
                         ? QStringLiteral("Write the URL into another var instead")
                         : QStringLiteral("Point your app at %1 instead, or promote into another var")
                               .arg(plan.sourceVar));
        return finishPrepare(plan);
    }
    if (!plan.sourceVar.isEmpty()) {
        const QString source = m_vars.value(plan.sourceVar).toString();
        if (source.isEmpty()) {
            plan.status = ConfigAssignmentPlan::Status::NoSource;
            plan.message = QStringLiteral("%1 has no config var %2; add ClearDB to the app first or choose "
                                          "another source var")
                               .arg(plan.app, plan.sourceVar);
            return finishPrepare(plan);
        }
        plan.newValue = Secret(source);
    }
    plan.config = m_vars;
    plan.targetWasSet = m_vars.value(plan.targetVar).isString();
    plan.oldValue = Secret(m_vars.value(plan.targetVar).toString());
    if (plan.targetWasSet && plan.oldValue == plan.newValue) {
        plan.status = ConfigAssignmentPlan::Status::Unchanged;
        plan.message = plan.sourceVar.isEmpty()
                           ? QStringLiteral("%1 on %2 already holds this value; nothing changed")
                                 .arg(plan.targetVar, plan.app)
                           : QStringLiteral("%1 already equals %2 on %3; nothing changed")
                                 .arg(plan.targetVar, plan.sourceVar, plan.app);
        return finishPrepare(plan);
    }
    plan.status = ConfigAssignmentPlan::Status::Ready;
    plan.message.clear();
    finishPrepare(plan);
}

void ConfigAssignment::failPrepare(const QString &what, const HerokuError &error)
{
    ConfigAssignmentPlan plan = m_plan;
    plan.status = ConfigAssignmentPlan::Status::Failed;
    plan.error = error;
    // HerokuError::oneLine() never holds a secret; it carries the Request-Id support asks for.
    plan.message = QStringLiteral("%1: %2").arg(what, error.oneLine());
    finishPrepare(plan);
}

void ConfigAssignment::finishPrepare(ConfigAssignmentPlan plan)
{
    // The other GET may still be in flight (one failed first): let it finish unheard rather than
    // abort a reply whose answer may already be queued.
    forget(false);
    Q_EMIT prepared(plan);
}

void ConfigAssignment::cancel()
{
    forget(true);
}

void ConfigAssignment::forget(bool abort)
{
    m_pending = 0;
    m_vars = QJsonObject();
    m_addons = QJsonArray();
    // Disconnect before cancelling: a cancelled request still emits finished().
    for (QPointer<HerokuRequest> *request : {&m_varsRequest, &m_addonsRequest}) {
        if (*request) {
            disconnect(*request, nullptr, this, nullptr);
            if (abort)
                (*request)->cancel();
        }
        *request = nullptr;
    }
}

void ConfigAssignment::apply(const ConfigAssignmentPlan &plan, bool restartDynos)
{
    ConfigAssignmentOutcome outcome;
    outcome.plan = plan;
    outcome.restartRequested = restartDynos;
    if (!plan.isReady() || m_applying) {
        outcome.patch.error = HerokuError::configuration(
            m_applying ? QStringLiteral("another config change is still being sent; wait for it to finish")
                       : QStringLiteral("there is no change to send for %1").arg(plan.targetVar));
        QTimer::singleShot(0, this, [this, outcome] { Q_EMIT applied(outcome); });
        return;
    }
    m_applying = true;
    // One PATCH with only the target var: the others stay as they are (Platform API
    // config-vars update merges; null would unset, which we never send here).
    const QJsonObject change{{plan.targetVar, plan.newValue.reveal()}};
    connect(m_client->updateConfigVars(plan.app, change), &HerokuRequest::finished, this,
            [this, outcome](const HerokuResult &result) { onPatched(outcome, result); });
}

void ConfigAssignment::onPatched(ConfigAssignmentOutcome outcome, const HerokuResult &result)
{
    outcome.patch = result;
    if (!result.ok() || !outcome.restartRequested)
        return finishApply(outcome);
    if (!m_client) {
        // The client went with the console's session (another sign-in) while the PATCH was answered.
        outcome.restartError = HerokuError::configuration(
            QStringLiteral("the session ended before the restart was sent; restart the dynos yourself"));
        return finishApply(outcome);
    }
    connect(m_client->restartAllDynos(outcome.plan.app), &HerokuRequest::finished, this,
            [this, outcome](const HerokuResult &restart) mutable {
                outcome.restarted = restart.ok();
                outcome.restartError = restart.error;
                finishApply(outcome);
            });
}

void ConfigAssignment::finishApply(const ConfigAssignmentOutcome &outcome)
{
    m_applying = false;
    Q_EMIT applied(outcome);
}
