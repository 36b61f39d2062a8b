// SPDX-License-Identifier: MIT
// SandboxSession against the real heroku-sim binary: it starts the child with a
// fresh random token, finds its URL, and never leaves a heroku-sim behind.
#include "TestConfig.h"
#include "TestProcesses.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"
#include "sandbox/SandboxSession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {
const QString SimProgram = QStringLiteral(CLEARDB_BIN_DIR "/heroku-sim");

HerokuResult call(HerokuRequest *request)
{
    QSignalSpy finished(request, &HerokuRequest::finished);
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<HerokuResult>();
}
} // namespace

class TestSandboxSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void startsWithRandomTokenAndStops();
    void destructorStopsChild();
    void missingProgramFailsClearly();
    void earlyExitReportsStderr();
    void otherProgramFailsWithoutLeakingToken();
    void tokenNotInArguments();
    void noCredentialsInEnvironment();
    void crashWhileRunningIsReported();
    void stopNeverBlocks();

private:
    QNetworkAccessManager m_network;
};

void TestSandboxSession::initTestCase()
{
    qRegisterMetaType<HerokuResult>();
    QVERIFY2(QFileInfo(SimProgram).isExecutable(), "build heroku-sim first");
}

void TestSandboxSession::startsWithRandomTokenAndStops()
{
    SandboxSession session;
    session.setProgram(SimProgram);
    session.setAppCount(2);
    QSignalSpy started(&session, &SandboxSession::started);
    QSignalSpy failed(&session, &SandboxSession::failed);
    session.start();
    QVERIFY(started.wait(SandboxSession::StartTimeoutMs + 2000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(session.isRunning());
    QVERIFY(session.endpoint().isLoopback());
    QCOMPARE(session.endpoint().baseUrl().scheme(), QStringLiteral("http"));
    QCOMPARE(session.token().reveal().size(), 64);
    const qint64 pid = session.processId();
    QVERIFY(pid > 0);

    // The sim accepts this session's token and seeded the requested apps, the
    // first with a ClearDB add-on.
    HerokuClient client(&m_network, session.endpoint());
    client.setToken(session.token().reveal());
    const HerokuResult apps = call(client.apps());
    QVERIFY2(apps.ok(), qPrintable(apps.error.oneLine()));
    QCOMPARE(apps.array().size(), 2);
    const QString first = HerokuApp::fromJson(apps.array().first().toObject()).name;
    const HerokuResult addons = call(client.addonsForApp(first));
    QVERIFY(addons.ok());
    bool hasClearDb = false;
    for (const HerokuAddon &addon : HerokuAddon::listFromJson(addons.array()))
        hasClearDb = hasClearDb || addon.isClearDb();
    QVERIFY(hasClearDb);

    // Any other token is refused: the sandbox is not open to other local programs.
    HerokuClient stranger(&m_network, session.endpoint());
    stranger.setToken(QStringLiteral("not-the-sandbox-token"));
    QCOMPARE(call(stranger.apps()).httpStatus, 401);

    // A second sandbox gets its own token.
    SandboxSession other;
    other.setProgram(SimProgram);
    QSignalSpy otherStarted(&other, &SandboxSession::started);
    other.start();
    QVERIFY(otherStarted.wait(SandboxSession::StartTimeoutMs + 2000));
    QVERIFY(other.token() != session.token());
    QVERIFY(other.endpoint().baseUrl() != session.endpoint().baseUrl());
    const qint64 otherPid = other.processId();
    QSignalSpy otherStopped(&other, &SandboxSession::stopped);
    other.stop();
    QVERIFY(otherStopped.wait(SandboxSession::StopTimeoutMs + 2000));
    QVERIFY(TestProcesses::isGone(otherPid));

    QSignalSpy stopped(&session, &SandboxSession::stopped);
    session.stop();
    QVERIFY(stopped.wait(SandboxSession::StopTimeoutMs + 2000));
    QVERIFY(!session.isRunning());
    QVERIFY(TestProcesses::isGone(pid));
}

void TestSandboxSession::destructorStopsChild()
{
    auto *session = new SandboxSession;
    session->setProgram(SimProgram);
    QSignalSpy started(session, &SandboxSession::started);
    session->start();
    QVERIFY(started.wait(SandboxSession::StartTimeoutMs + 2000));
    const qint64 pid = session->processId();
    QVERIFY(!TestProcesses::isGone(pid));
    delete session;
    QVERIFY(TestProcesses::isGone(pid));
}

void TestSandboxSession::missingProgramFailsClearly()
{
    SandboxSession session;
    session.setProgram(QStringLiteral("/nonexistent/heroku-sim"));
    QSignalSpy failed(&session, &SandboxSession::failed);
    session.start();
    QVERIFY(failed.count() == 1 || failed.wait(5000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("/nonexistent/heroku-sim")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
    QVERIFY(!session.isRunning());
}

void TestSandboxSession::earlyExitReportsStderr()
{
    // /bin/sh rejects heroku-sim's options on stderr and exits before any URL.
    SandboxSession session;
    session.setProgram(QStringLiteral("/bin/sh"));
    QSignalSpy failed(&session, &SandboxSession::failed);
    QSignalSpy started(&session, &SandboxSession::started);
    session.start();
    QVERIFY(failed.wait(5000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("heroku-sim exited with code")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("option")), qPrintable(message));
    QCOMPARE(started.count(), 0);
}

void TestSandboxSession::otherProgramFailsWithoutLeakingToken()
{
    // A program that prints the token it was handed (through HEROKU_SIM_TOKEN) where a URL was expected.
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("echo-token"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho \"token=$HEROKU_SIM_TOKEN\"\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    SandboxSession session;
    session.setProgram(script);
    QSignalSpy failed(&session, &SandboxSession::failed);
    QSignalSpy stopped(&session, &SandboxSession::stopped);
    session.start();
    QVERIFY(failed.wait(5000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("instead of its loopback URL")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("<token>")), qPrintable(message));
    QVERIFY(!message.contains(session.token().reveal()));
    // The failure stops the child without waiting for it; stopped() says it is gone.
    QVERIFY(stopped.count() == 1 || stopped.wait(SandboxSession::StopTimeoutMs + 2000));
    QVERIFY(!session.isRunning());
}

void TestSandboxSession::tokenNotInArguments()
{
    // Other local users can read argv with ps; the token travels in the environment.
    SandboxSession session;
    session.setProgram(SimProgram);
    QSignalSpy started(&session, &SandboxSession::started);
    session.start();
    QVERIFY(started.wait(10000));
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(session.processId()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY(!cmdline.readAll().contains(session.token().reveal().toUtf8()));
    session.stop();
}

void TestSandboxSession::noCredentialsInEnvironment()
{
    // heroku-sim lives as long as the console, its environment readable in /proc/PID/environ: it gets
    // its own token, never the user's Heroku API key or database URLs.
    qputenv("HEROKU_API_KEY", "fake-api-key-9e8d");
    qputenv("CLEARDB_DATABASE_URL", "mysql://u:fake-db-password@h/db");
    SandboxSession session;
    session.setProgram(SimProgram);
    QSignalSpy started(&session, &SandboxSession::started);
    session.start();
    const bool ok = started.wait(SandboxSession::StartTimeoutMs + 2000);
    qunsetenv("HEROKU_API_KEY");
    qunsetenv("CLEARDB_DATABASE_URL");
    QVERIFY(ok);
    QFile environ(QStringLiteral("/proc/%1/environ").arg(session.processId()));
    QVERIFY(environ.open(QIODevice::ReadOnly));
    const QByteArray env = environ.readAll();
    // Premise: this is heroku-sim's environment, the one its token came in.
    const QByteArray tokenEntry = "HEROKU_SIM_TOKEN=" + session.token().reveal().toUtf8();
    QVERIFY(env.contains(tokenEntry));
    QVERIFY(!env.contains("fake-api-key"));
    QVERIFY(!env.contains("fake-db-password"));
    session.stop();
}

void TestSandboxSession::crashWhileRunningIsReported()
{
    SandboxSession session;
    session.setProgram(SimProgram);
    QSignalSpy started(&session, &SandboxSession::started);
    QSignalSpy stopped(&session, &SandboxSession::stoppedUnexpectedly);
    session.start();
    QVERIFY(started.wait(SandboxSession::StartTimeoutMs + 2000));
    ::kill(pid_t(session.processId()), SIGKILL);
    QVERIFY(stopped.wait(5000));
    const QString message = stopped.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("crashed")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("restart the console")));
}

// stop() is reached from the GUI thread (a failed start, quitting): it returns at
// once, and a child that ignores SIGTERM is killed after StopTimeoutMs while the
// event loop keeps running.
void TestSandboxSession::stopNeverBlocks()
{
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("stubborn-sim"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\ntrap '' TERM\necho http://127.0.0.1:9/\nwhile :; do sleep 0.1; done\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    SandboxSession session;
    session.setProgram(script);
    QSignalSpy started(&session, &SandboxSession::started);
    QSignalSpy stopped(&session, &SandboxSession::stopped);
    session.start();
    QVERIFY(started.wait(5000));
    const qint64 pid = session.processId();
    // Premise: the child ignores SIGTERM, so only the kill ends it.
    ::kill(pid_t(pid), SIGTERM);
    QTest::qWait(200);
    QVERIFY(!TestProcesses::isGone(pid));

    QElapsedTimer clock;
    clock.start();
    session.stop();
    QVERIFY2(clock.elapsed() < 200, qPrintable(QStringLiteral("stop() blocked %1 ms").arg(clock.elapsed())));
    QVERIFY(!TestProcesses::isGone(pid));
    QCOMPARE(stopped.count(), 0);
    QVERIFY(stopped.wait(SandboxSession::StopTimeoutMs + 3000));
    QVERIFY(clock.elapsed() >= SandboxSession::StopTimeoutMs - 100);
    QCOMPARE(stopped.count(), 1);
    QVERIFY(TestProcesses::isGone(pid));
    QVERIFY(!session.isRunning());

    // Nothing running: stopped() at once.
    session.stop();
    QCOMPARE(stopped.count(), 2);
}

QTEST_GUILESS_MAIN(TestSandboxSession)
#include "tst_sandboxsession.moc"
