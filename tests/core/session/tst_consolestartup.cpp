// SPDX-License-Identifier: MIT
// ConsoleStartup: which API and token the console ends up with, and what it says
// about it, for each way credentials can (not) be found. The environment and the
// keychain are injected; heroku-sim is the real binary.
#include "SimProcess.h"
#include "TestConfig.h"
#include "TestProcesses.h"
#include "credentials/InMemoryCredentialStore.h"
#include "heroku/HerokuClient.h"
#include "sandbox/SandboxSession.h"
#include "session/ConsoleStartup.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <memory>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {
const QString SandboxNote = QStringLiteral("Nothing in the sandbox touches your Heroku account.");
} // namespace

class TestConsoleStartup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void apiKeyConnectsToHerokuHost();
    void netrcWarningIsOneWarningNotice();
    void noCredentialsStartSandbox();
    void forcedSandboxIgnoresCredentials();
    void badHerokuHostFails();
    void sandboxKeepsItsStateAcrossRuns();

private:
    ConsoleStartup *newStartup();

    SimProcess m_sim;
    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
    InMemoryCredentialStore m_store;
};

void TestConsoleStartup::initTestCase()
{
    qRegisterMetaType<ConsoleConnection>();
    QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
}

void TestConsoleStartup::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_env = QProcessEnvironment();
    m_env.insert(QStringLiteral("HOME"), m_home->path());
}

ConsoleStartup *TestConsoleStartup::newStartup()
{
    auto *startup = new ConsoleStartup(this);
    startup->setEnvironment(m_env);
    startup->setCredentialStore(&m_store);
    startup->setSandboxProgram(QStringLiteral(CLEARDB_BIN_DIR "/heroku-sim"));
    return startup;
}

void TestConsoleStartup::apiKeyConnectsToHerokuHost()
{
    m_env.insert(QStringLiteral("HEROKU_HOST"), m_sim.baseUrl());
    m_env.insert(QStringLiteral("HEROKU_API_KEY"), m_sim.token());
    QScopedPointer<ConsoleStartup> startup(newStartup());
    QSignalSpy ready(startup.data(), &ConsoleStartup::ready);
    QSignalSpy notice(startup.data(), &ConsoleStartup::notice);
    startup->start();
    QVERIFY(ready.wait(5000));
    const auto connection = ready.first().first().value<ConsoleConnection>();
    QVERIFY(!connection.sandbox);
    QCOMPARE(connection.endpoint.baseUrl().toString(), m_sim.baseUrl());
    QCOMPARE(connection.token.reveal(), m_sim.token());
    QCOMPARE(connection.credentialSource, QStringLiteral("from HEROKU_API_KEY"));
    QVERIFY(!connection.credentialSource.contains(m_sim.token()));
    QCOMPARE(notice.count(), 0);
    QVERIFY(!startup->sandbox());
}

void TestConsoleStartup::netrcWarningIsOneWarningNotice()
{
    // A world-readable ~/.netrc still works, with a warning the window shows.
    QFile netrc(m_home->filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::WriteOnly));
    netrc.write("machine 127.0.0.1 login dev@example.com password " + m_sim.token().toUtf8() + "\n");
    netrc.close();
    QVERIFY(netrc.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    m_env.insert(QStringLiteral("HEROKU_HOST"), m_sim.baseUrl());
    QScopedPointer<ConsoleStartup> startup(newStartup());
    QSignalSpy ready(startup.data(), &ConsoleStartup::ready);
    QSignalSpy notice(startup.data(), &ConsoleStartup::notice);
    startup->start();
    QVERIFY(ready.wait(5000));
    QVERIFY(!ready.first().first().value<ConsoleConnection>().sandbox);
    QCOMPARE(notice.count(), 1);
    const QString text = notice.first().first().toString();
    QVERIFY2(text.contains(QStringLiteral("chmod 600")) && text.endsWith(QLatin1Char('.')), qPrintable(text));
    QVERIFY(!text.contains(m_sim.token()));
    QCOMPARE(notice.first().at(1).toBool(), true); // a warning, not information
}

void TestConsoleStartup::noCredentialsStartSandbox()
{
    QScopedPointer<ConsoleStartup> startup(newStartup());
    QSignalSpy ready(startup.data(), &ConsoleStartup::ready);
    QSignalSpy notice(startup.data(), &ConsoleStartup::notice);
    startup->start();
    QVERIFY(ready.wait(SandboxSession::StartTimeoutMs + 2000));
    const auto connection = ready.first().first().value<ConsoleConnection>();
    QVERIFY(connection.sandbox);
    QVERIFY(connection.endpoint.isLoopback());
    QCOMPARE(connection.token, startup->sandbox()->token());
    QCOMPARE(notice.count(), 1);
    const QString text = notice.first().first().toString();
    QVERIFY2(text.startsWith(QStringLiteral("No Heroku credentials found for api.heroku.com")),
             qPrintable(text));
    QVERIFY2(text.endsWith(SandboxNote), qPrintable(text));
    QCOMPARE(notice.first().at(1).toBool(), false);
    // The startup owns the sandbox: destroying it stops heroku-sim.
    const qint64 pid = startup->sandbox()->processId();
    QVERIFY(!TestProcesses::isGone(pid));
    startup.reset();
    QVERIFY(TestProcesses::isGone(pid));
}

void TestConsoleStartup::forcedSandboxIgnoresCredentials()
{
    m_env.insert(QStringLiteral("HEROKU_API_KEY"), QStringLiteral("a-real-looking-heroku-token"));
    QScopedPointer<ConsoleStartup> startup(newStartup());
    startup->setForceSandbox(true);
    QSignalSpy ready(startup.data(), &ConsoleStartup::ready);
    startup->start();
    QVERIFY(ready.wait(SandboxSession::StartTimeoutMs + 2000));
    const auto connection = ready.first().first().value<ConsoleConnection>();
    QVERIFY(connection.sandbox);
    QVERIFY(connection.token.reveal() != QStringLiteral("a-real-looking-heroku-token"));
}

void TestConsoleStartup::badHerokuHostFails()
{
    m_env.insert(QStringLiteral("HEROKU_HOST"), QStringLiteral("http://api.example.com"));
    m_env.insert(QStringLiteral("HEROKU_API_KEY"), m_sim.token());
    QScopedPointer<ConsoleStartup> startup(newStartup());
    QSignalSpy ready(startup.data(), &ConsoleStartup::ready);
    QSignalSpy failed(startup.data(), &ConsoleStartup::failed);
    startup->start();
    QVERIFY(failed.count() == 1 || failed.wait(5000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("https://")));
    QTest::qWait(50);
    QCOMPARE(ready.count(), 0);
    // Never a sandbox instead of the API the user asked for by name.
    QVERIFY(!startup->sandbox());
}

// What the user did in the sandbox (a config var, an add-on) is still there when
// the console starts again: heroku-sim keeps its state in a file (--state).
void TestConsoleStartup::sandboxKeepsItsStateAcrossRuns()
{
    QNetworkAccessManager network;
    const QString app = QStringLiteral("sandbox-app-0002");
    const auto connect = [&](ConsoleStartup *startup) {
        QSignalSpy ready(startup, &ConsoleStartup::ready);
        startup->setForceSandbox(true);
        startup->start();
        if (!ready.wait(SandboxSession::StartTimeoutMs + 2000))
            return std::make_unique<HerokuClient>(&network, ApiEndpoint());
        const auto connection = ready.first().first().value<ConsoleConnection>();
        auto client = std::make_unique<HerokuClient>(&network, connection.endpoint);
        client->setToken(connection.token.reveal());
        return client;
    };
    const auto call = [](HerokuRequest *request) {
        QSignalSpy finished(request, &HerokuRequest::finished);
        return finished.wait(10000) ? finished.first().first().value<HerokuResult>() : HerokuResult();
    };

    QString addonId;
    {
        QScopedPointer<ConsoleStartup> first(newStartup());
        const auto client = connect(first.data());
        QVERIFY(client->endpoint().isValid());
        const HerokuResult set =
            call(client->updateConfigVars(app, QJsonObject{{QStringLiteral("KEPT"), QStringLiteral("yes")}}));
        QVERIFY2(set.ok(), qPrintable(set.error.oneLine()));
        const HerokuResult added = call(client->createAddon(app, QStringLiteral("cleardb:punch")));
        QVERIFY2(added.ok(), qPrintable(added.error.oneLine()));
        addonId = added.object().value(QStringLiteral("id")).toString();
        QVERIFY(!addonId.isEmpty());
        QSignalSpy stopped(first.data(), &ConsoleStartup::stopped);
        first->stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(SandboxSession::StopTimeoutMs + 2000));
    }

    QScopedPointer<ConsoleStartup> second(newStartup());
    const auto client = connect(second.data());
    QVERIFY(client->endpoint().isValid());
    const HerokuResult vars = call(client->configVars(app));
    QVERIFY2(vars.ok(), qPrintable(vars.error.oneLine()));
    QCOMPARE(vars.object().value(QStringLiteral("KEPT")).toString(), QStringLiteral("yes"));
    const HerokuResult addons = call(client->addonsForApp(app));
    QVERIFY(addons.ok());
    bool kept = false;
    for (const QJsonValue &addon : addons.array())
        kept = kept || addon.toObject().value(QStringLiteral("id")).toString() == addonId;
    QVERIFY2(kept, "the add-on created in the first run is gone");
}

QTEST_GUILESS_MAIN(TestConsoleStartup)
#include "tst_consolestartup.moc"
