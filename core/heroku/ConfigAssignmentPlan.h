// SPDX-License-Identifier: MIT
#pragma once

#include "HerokuError.h"
#include "credentials/Secret.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// What ConfigAssignment::prepare() found out about writing one config var: the
// change to make (old → new), or why nothing will be written. The CLI prints it,
// the console shows it in a confirmation dialog; both use the masked forms, and
// only ConfigAssignment::apply() ever sends newValue.
//
//     if (plan.status == ConfigAssignmentPlan::Ready)
//         label->setText(plan.maskedDiff());  // "DATABASE_URL: (unset) → mysql://u:•••@h/db"
//
// Values are Secrets: a database URL carries its password, so they print as a
// mask by accident and only reveal() gives them out.
struct ConfigAssignmentPlan
{
    enum class Status
    {
        Ready,      // apply() would change the var
        Unchanged,  // the var already holds the new value: nothing to send
        Refused,    // the var belongs to an add-on attachment; `message` says which
        NoSource,   // promote: the source var is missing or empty
        InvalidVar, // the target (or source) name is empty or not a config var name
        Failed,     // loading the config vars or add-ons failed: see `error`
    };

    Status status = Status::Failed;
    QString app;
    QString targetVar;
    QString sourceVar; // promote only; empty for a literal value (assign)
    Secret oldValue;   // empty when the var is unset
    Secret newValue;
    bool targetWasSet = false;
    // Every var as prepare() read it (what `cleardbctl --json promote` prints when nothing
    // changes); values in the clear, so show it only through ConfigVarMasker.
    QJsonObject config;
    QString ownerAddon;   // Refused: the add-on that owns targetVar
    QString ownerService; // Refused: "Heroku Postgres (heroku-postgresql)" or the service name
    // One line for the user when status is not Ready; never contains a value.
    QString message;
    HerokuError error;

    bool isReady() const { return status == Status::Ready; }
    QString maskedOldValue() const; // "(unset)" when the var was not set
    QString maskedNewValue() const;
    // "DATABASE_URL: (unset) → mysql://user:•••@host/db", masked by ConfigVarMasker.
    QString maskedDiff() const;
};
Q_DECLARE_METATYPE(ConfigAssignmentPlan)
