// SPDX-License-Identifier: MIT
#include "heroku/ClearDbAddonPicker.h"

#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QTimer>

ClearDbAddonPicker::ClearDbAddonPicker(HerokuClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

void ClearDbAddonPicker::pick(const QString &app, const QString &named)
{
    if (!named.isEmpty()) {
        // Emitted from the event loop, like every other outcome, so callers may connect after pick().
        QTimer::singleShot(0, this, [this, named] { Q_EMIT picked(named); });
        return;
    }
    connect(
        m_client->addonsForApp(app), &HerokuRequest::finished, this, [this, app](const HerokuResult &result) {
            if (!result.ok())
                return Q_EMIT failed(result.error);
            QStringList names;
            for (const HerokuAddon &addon : HerokuAddon::listFromJson(result.array())) {
                if (addon.isClearDb())
                    names << addon.name;
            }
            if (names.size() == 1)
                return Q_EMIT picked(names.first());
            if (names.size() > 1)
                return Q_EMIT chooseOne(names);
            HerokuError none;
            none.kind = HerokuError::Kind::Api;
            none.id = QStringLiteral("not_found");
            none.message =
                QStringLiteral("%1 has no ClearDB add-on; create one with `cleardbctl provision --app %1`")
                    .arg(app);
            Q_EMIT failed(none);
        });
}
