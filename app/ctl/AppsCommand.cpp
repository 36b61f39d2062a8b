// SPDX-License-Identifier: MIT
#include "AppsCommand.h"

#include "CommandOptions.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

namespace {
const QString TeamOption = QStringLiteral("team");
const QString PersonalOption = QStringLiteral("personal");
} // namespace

void AppsCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
        TeamOption, QStringLiteral("Only the apps of team NAME (name or id)."), QStringLiteral("NAME")));
    parser.addOption(
        QCommandLineOption(PersonalOption, QStringLiteral("Only the apps that belong to no team.")));
}

Status AppsCommand::prepare(const QCommandLineParser &parser)
{
    m_team = parser.value(TeamOption).trimmed();
    m_personal = parser.isSet(PersonalOption);
    if (parser.isSet(TeamOption) && m_team.isEmpty())
        return usage(QStringLiteral("--team needs a team name"));
    if (m_personal && !m_team.isEmpty())
        return usage(QStringLiteral("--team and --personal exclude each other"));
    return CommandOptions::tooManyArguments(parser, 0);
}

void AppsCommand::start()
{
    m_waiting = m_team.isEmpty() ? 1 : 2;
    connect(client()->apps(), &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        m_apps = result;
        finish();
    });
    if (!m_team.isEmpty())
        connect(client()->teams(), &HerokuRequest::finished, this, [this](const HerokuResult &result) {
            m_teams = result;
            finish();
        });
}

void AppsCommand::finish()
{
    if (--m_waiting > 0)
        return;
    if (!m_apps.ok())
        return context()->fail(m_apps.error);
    QString teamName;
    if (!m_team.isEmpty()) {
        if (!m_teams.ok())
            return context()->fail(m_teams.error);
        QStringList names;
        for (const HerokuTeam &team : HerokuTeam::listFromJson(m_teams.array())) {
            names << team.name;
            if (team.name.compare(m_team, Qt::CaseInsensitive) == 0 || team.id == m_team)
                teamName = team.name;
        }
        if (teamName.isEmpty())
            return context()->fail(makeError(
                Error::Kind::NotFound,
                names.isEmpty() ? QStringLiteral("This account is in no team, so it has no team “%1”; "
                                                 "use --personal or no filter")
                                      .arg(m_team)
                                : QStringLiteral("This account is in no team called “%1”; its teams: %2")
                                      .arg(m_team, names.join(QStringLiteral(", ")))));
    }
    QJsonArray kept;
    for (const QJsonValue &value : m_apps.array()) {
        const HerokuApp app = HerokuApp::fromJson(value.toObject());
        if ((m_personal && !app.isPersonal()) || (!teamName.isEmpty() && app.teamName != teamName))
            continue;
        kept.append(value);
    }
    HerokuResult filtered = m_apps;
    filtered.data = kept;
    const QString empty = m_personal ? QStringLiteral("You have no personal apps.")
                          : teamName.isEmpty()
                              ? QStringLiteral("You have no apps.")
                              : QStringLiteral("Team %1 has no apps you can see.").arg(teamName);
    const auto rowsOf = [](const QJsonArray &apps) {
        QList<QStringList> rows;
        rows.reserve(apps.size());
        for (const QJsonValue &value : apps) {
            const HerokuApp app = HerokuApp::fromJson(value.toObject());
            rows << QStringList{app.name, app.region, app.ownerEmail, app.teamName};
        }
        return rows;
    };
    context()->finishList(
        filtered,
        {QStringLiteral("NAME"), QStringLiteral("REGION"), QStringLiteral("OWNER"), QStringLiteral("TEAM")},
        rowsOf, empty);
}
