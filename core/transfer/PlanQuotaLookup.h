// SPDX-License-Identifier: MIT
#pragma once

#include "transfer/DatabaseSpec.h"

#include <QObject>
#include <QPointer>
#include <QString>

class HerokuClient;
class HerokuRequest;

// The storage quota of the ClearDB plan behind an app:APP[/VAR] spec, for the pre-flight's size check:
// GET /apps/{app}/addons, the ClearDB add-on whose attachments own the config var, and its plan's
// storage (ClearDbPlans). Anything else leaves the quota unknown (0) rather than failing the transfer:
// a spec that is not app:, a var no ClearDB add-on owns (a dedicated cluster's URL: no plan, no
// quota), and, with reason() saying which for a warning, a plan we do not know or a failed request.
//
//     auto *lookup = new PlanQuotaLookup(client, this);
//     connect(lookup, &PlanQuotaLookup::found, this, [=](qint64 bytes, const QString &plan) { … });
//     lookup->lookUp(targetSpec);
//
// found() always comes later, from the event loop, exactly once per lookUp().
class PlanQuotaLookup : public QObject
{
    Q_OBJECT
public:
    explicit PlanQuotaLookup(HerokuClient *client, QObject *parent = nullptr);
    ~PlanQuotaLookup() override;

    void lookUp(const DatabaseSpec &spec);
    // Stops waiting for the API; no found() follows.
    void cancel();
    // Why a quota that should be known is not (empty when there is none to know).
    const QString &reason() const { return m_reason; }

Q_SIGNALS:
    // `bytes` 0: not known. `plan`: "cleardb:ignite" when found.
    void found(qint64 bytes, const QString &plan);

private:
    void deliverLater(qint64 bytes, const QString &plan, const QString &reason);

    QPointer<HerokuClient> m_client;
    QPointer<HerokuRequest> m_request;
    QString m_reason;
    int m_generation = 0;
};
