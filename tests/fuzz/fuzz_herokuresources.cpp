// SPDX-License-Identifier: MIT
// libFuzzer: the readers that turn Platform API JSON into HerokuApp, HerokuAddon, HerokuPlan and HerokuTeam.
// Whatever the API (or a server posing as it) sends, they must not crash, and what they return
// must be consistent with the input: one add-on per array element, isClearDb() exactly when the
// service is "cleardb", short plan names taken from the full name, a price text of one of the
// shapes the console shows, an app's team exactly the `team` object's name (personal without one),
// and one team per array element.
#include "heroku/HerokuResources.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "heroku resource reader broken: %s\n", what);
        std::abort();
    }
}

void checkObject(const QJsonObject &object)
{
    const HerokuApp app = HerokuApp::fromJson(object);
    require(app.name == object.value(QLatin1String("name")).toString(), "app name differs from the JSON");
    const QJsonObject team = object.value(QLatin1String("team")).toObject();
    require(app.teamName == team.value(QLatin1String("name")).toString(), "app team differs from the JSON");
    require(app.isPersonal() == (app.teamName.isEmpty() && app.teamId.isEmpty()), "isPersonal() disagrees");
    if (!object.value(QLatin1String("team")).isObject())
        require(app.isPersonal(), "an app without a team object is not personal");
    require(HerokuTeam::fromJson(object).name == object.value(QLatin1String("name")).toString(),
            "team name differs from the JSON");

    const HerokuAddon addon = HerokuAddon::fromJson(object);
    require(addon.isClearDb() == (addon.serviceName == QLatin1String("cleardb")), "isClearDb() disagrees");
    require(addon.planName.contains(addon.planShortName()), "planShortName() is not part of the plan name");
    require(addon.configVars.size() <= object.value(QLatin1String("config_vars")).toArray().size(),
            "more config vars than the JSON holds");
    if (!addon.configVars.isEmpty())
        require(ownerOfConfigVar({addon}, addon.configVars.first()) == addon.name,
                "owner of a var not found");

    const HerokuPlan plan = HerokuPlan::fromJson(object);
    static const QRegularExpression price(QStringLiteral(R"(^(free|price unknown|\$\d+\.\d\d/.*)$)"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const QString text = plan.priceText();
    require(price.match(text).hasMatch(), "priceText() has an unexpected shape");
    require(plan.shortName() == plan.name.section(QLatin1Char(':'), 1), "shortName() differs");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (document.isObject()) {
        checkObject(document.object());
    } else if (document.isArray()) {
        const QJsonArray array = document.array();
        const QList<HerokuAddon> addons = HerokuAddon::listFromJson(array);
        require(addons.size() == array.size(), "listFromJson() lost or invented an add-on");
        require(HerokuTeam::listFromJson(array).size() == array.size(),
                "listFromJson() lost or invented a team");
        for (const QJsonValue &value : array)
            checkObject(value.toObject());
        ownerOfConfigVar(addons, QStringLiteral("CLEARDB_DATABASE_URL"));
    }
    return 0;
}
