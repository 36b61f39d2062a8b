// SPDX-License-Identifier: MIT
#pragma once

#include "ConfigAssignmentOutcome.h"
#include "ConfigAssignmentPlan.h"
#include "common/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class HerokuClient;
class HerokuRequest;

// Writes one config var safely: the guide's step 3 ("copy CLEARDB_DATABASE_URL
// into DATABASE_URL", promote) and the dedicated-cluster step (write a URL built
// by hand into DATABASE_URL, assign). Used by `cleardbctl promote` and by the
// console's Promote and "Assign to DATABASE_URL…" actions.
//
//     auto *assignment = new ConfigAssignment(client, this);
//     connect(assignment, &ConfigAssignment::prepared, this, [](const ConfigAssignmentPlan &plan) {
//         if (plan.isReady()) askUser(plan.maskedDiff());   // then assignment->apply(plan)
//     });
//     assignment->preparePromote(app, QStringLiteral("CLEARDB_DATABASE_URL"),
//     QStringLiteral("DATABASE_URL"));
//
// prepare*() reads the app's config vars and add-ons (two GETs in parallel) and
// yields a plan: Ready with the old and new values, Unchanged when they are
// equal, or Refused when the target var belongs to an add-on attachment — Heroku
// Postgres owns DATABASE_URL, and overwriting an attachment's var by hand breaks
// that add-on's link to the app. apply() sends exactly one PATCH /config-vars
// with the one var (Heroku makes a new release and restarts the dynos on every
// config change) and, when asked, DELETE /dynos for an explicit restart.
// It never retries the PATCH and never shows UI; starting a new prepare or
// calling cancel() drops the answers of the previous one.
class ConfigAssignment : public QObject
{
    Q_OBJECT
public:
    explicit ConfigAssignment(HerokuClient *client, QObject *parent = nullptr);

    void preparePromote(const QString &app, const QString &sourceVar, const QString &targetVar);
    void prepareAssign(const QString &app, const QString &targetVar, const Secret &value);
    void apply(const ConfigAssignmentPlan &plan, bool restartDynos = false);
    void cancel();
    bool isBusy() const { return m_pending > 0 || m_applying; }

    // Heroku config var names are non-empty and hold no '=' or whitespace (they become
    // environment variables); an InvalidInput error with the reason otherwise.
    static Status checkVarName(const QString &name);

Q_SIGNALS:
    void prepared(const ConfigAssignmentPlan &plan);
    void applied(const ConfigAssignmentOutcome &outcome);

private:
    // `checked` is the names' and the value's check: a failed one ends the plan as InvalidVar at once.
    void prepare(ConfigAssignmentPlan plan, const Status &checked);
    void onLoaded();
    void failPrepare(const QString &what, const HerokuError &error);
    void finishPrepare(ConfigAssignmentPlan plan);
    void forget(bool abort);
    void onPatched(ConfigAssignmentOutcome outcome, const HerokuResult &result);
    void finishApply(const ConfigAssignmentOutcome &outcome);

    QPointer<HerokuClient> m_client; // the console's session may end between PATCH and restart
    ConfigAssignmentPlan m_plan;     // being prepared
    QJsonObject m_vars;
    QJsonArray m_addons;
    QPointer<HerokuRequest> m_varsRequest;
    QPointer<HerokuRequest> m_addonsRequest;
    int m_pending = 0;
    bool m_applying = false;
};
