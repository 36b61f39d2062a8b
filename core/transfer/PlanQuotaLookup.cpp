// SPDX-License-Identifier: MIT
#include "transfer/PlanQuotaLookup.h"

#include "heroku/ClearDbPlans.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QTimer>

#include <utility>

PlanQuotaLookup::PlanQuotaLookup(HerokuClient *client, QObject *parent) : QObject(parent), m_client(client) {}

PlanQuotaLookup::~PlanQuotaLookup()
{
    cancel();
}

void PlanQuotaLookup::cancel()
{
    ++m_generation; // a result already queued is dropped too
    const QPointer<HerokuRequest> request = std::exchange(m_request, nullptr);
    if (request)
        request->cancel();
}

void PlanQuotaLookup::deliverLater(qint64 bytes, const QString &plan, const QString &reason)
{
    const int generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, bytes, plan, reason] {
        if (generation != m_generation)
            return;
        m_reason = reason;
        Q_EMIT found(bytes, plan);
    });
}

void PlanQuotaLookup::lookUp(const DatabaseSpec &spec)
{
    cancel();
    if (spec.kind != DatabaseSpec::Kind::App || !m_client)
        return deliverLater(0, {}, {});
    HerokuRequest *request = m_client->addonsForApp(spec.app);
    m_request = request;
    const int generation = m_generation;
    connect(request, &HerokuRequest::finished, this,
            [this, request, spec, generation](const HerokuResult &result) {
                if (generation != m_generation || m_request != request)
                    return;
                m_request.clear();
                if (!result.ok())
                    return deliverLater(0, {},
                                        QStringLiteral("the add-ons of app %1 could not be read: %2")
                                            .arg(spec.app, result.error.toError().oneLine()));
                for (const HerokuAddon &addon : HerokuAddon::listFromJson(result.array())) {
                    if (!addon.isClearDb() || !addon.configVars.contains(spec.variable))
                        continue;
                    const std::optional<ClearDbPlan> plan = ClearDbPlans::find(addon.planShortName());
                    if (!plan || plan->storageBytes() <= 0)
                        return deliverLater(
                            0, addon.planName,
                            QStringLiteral("the storage of plan %1 is not known").arg(addon.planName));
                    return deliverLater(plan->storageBytes(), addon.planName, {});
                }
                deliverLater(0, {}, {}); // not a ClearDB database (a dedicated cluster's URL, say): no plan
            });
}
