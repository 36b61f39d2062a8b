// SPDX-License-Identifier: MIT
#pragma once
// A heroku-sim whose ClearDB add-ons have real databases on the fixture cluster (--sandbox-cluster):
// the two seeded ones (app 1 ignite, app 2 punch beside Heroku Postgres) and one provisioned on app 3,
// whose URL is then pointed at a closed port on 127.0.0.1 by editing the saved state (the API refuses
// writes to an add-on's own var, as Heroku does). Test-only: it blocks while it sets up.
#include "../heroku/HerokuClientTestSupport.h"
#include "../sandbox/SandboxTestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>

class FleetSandboxSim
{
public:
    SimProcess sim;
    QStringList passwords; // of every database URL, to prove none is printed
    QString unreachableApp = SimProcess::appName(2);
    QString error;

    // Seeds, provisions and rewrites app 3's URL, then runs the sim on that state with `extra` arguments.
    bool start(const QStringList &extra = {})
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary directory"));
        if (!sim.start(base()))
            return fail(sim.errorString());
        QNetworkAccessManager network;
        auto client = simClient(&network, sim, fastRetryPolicy());
        if (!waitFor(client->createAddon(unreachableApp, QStringLiteral("cleardb:ignite"))).ok())
            return fail(QStringLiteral("could not provision on %1").arg(unreachableApp));
        QElapsedTimer timer;
        timer.start();
        for (bool all = false; !all; QTest::qWait(200)) {
            if (timer.elapsed() > 120000)
                return fail(QStringLiteral("the add-ons were not provisioned within 120 s"));
            const HerokuResult addons = waitFor(client->addons());
            all = addons.ok() && addons.array().size() == 4;
            for (const QJsonValue &a : addons.array())
                all = all &&
                      a.toObject().value(QStringLiteral("state")).toString() == QStringLiteral("provisioned");
        }
        for (int i = 0; i < 3; ++i) {
            const QString url = waitFor(client->configVars(SimProcess::appName(i)))
                                    .object()
                                    .value(QStringLiteral("CLEARDB_DATABASE_URL"))
                                    .toString();
            if (!url.startsWith(QStringLiteral("mysql://127.0.0.1")) &&
                !url.contains(QStringLiteral("@127.0.0.1:")))
                return fail(QStringLiteral("app %1 has no sandbox URL").arg(i + 1));
            passwords << QUrl(url).password();
        }
        client.reset();
        sim.stop();
        if (!pointAtClosedPort())
            return false;
        return restart(extra);
    }

    // The same state again, with other arguments (faults).
    bool restart(const QStringList &extra = {})
    {
        sim.stop();
        return sim.start(base() + QStringList{QStringLiteral("--log")} + extra) || fail(sim.errorString());
    }

private:
    QTemporaryDir m_dir;

    QString statePath() const { return m_dir.filePath(QStringLiteral("state.json")); }
    QStringList base() const
    {
        return {QStringLiteral("--apps"),
                QStringLiteral("3"),
                QStringLiteral("--provision-delay"),
                QStringLiteral("0"),
                QStringLiteral("--sandbox-cluster"),
                SandboxTestEnv::dir(),
                QStringLiteral("--state"),
                statePath()};
    }
    bool fail(const QString &message)
    {
        error = message;
        return false;
    }

    bool pointAtClosedPort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost))
            return fail(QStringLiteral("no free port"));
        const quint16 port = probe.serverPort();
        probe.close(); // closed: nothing listens there now
        const QString closed =
            QStringLiteral("mysql://closeduser:closedpass@127.0.0.1:%1/heroku_closed").arg(port);
        QFile file(statePath());
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("no state file"));
        QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QString old;
        QJsonArray apps = state.value(QStringLiteral("apps")).toArray();
        for (int i = 0; i < apps.size(); ++i) {
            QJsonObject app = apps.at(i).toObject();
            if (app.value(QStringLiteral("name")).toString() != unreachableApp)
                continue;
            QJsonObject config = app.value(QStringLiteral("config")).toObject();
            old = config.value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
            config.insert(QStringLiteral("CLEARDB_DATABASE_URL"), closed);
            app.insert(QStringLiteral("config"), config);
            apps.replace(i, app);
        }
        QJsonArray addons = state.value(QStringLiteral("addons")).toArray();
        for (int i = 0; i < addons.size(); ++i) {
            QJsonObject addon = addons.at(i).toObject();
            if (!old.isEmpty() && addon.value(QStringLiteral("databaseUrl")).toString() == old) {
                addon.insert(QStringLiteral("databaseUrl"), closed);
                addons.replace(i, addon);
            }
        }
        if (old.isEmpty())
            return fail(QStringLiteral("the state has no URL for %1").arg(unreachableApp));
        state.insert(QStringLiteral("apps"), apps);
        state.insert(QStringLiteral("addons"), addons);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(QStringLiteral("cannot rewrite the state"));
        file.write(QJsonDocument(state).toJson());
        return true;
    }
};
