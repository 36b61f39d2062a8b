// SPDX-License-Identifier: MIT
#include "CtlProcess.h"

#include "SimProcess.h"
#include "TestConfig.h"

#include <QProcess>

CtlProcess::CtlProcess(SimProcess &sim) : m_sim(sim), m_env(QProcessEnvironment::systemEnvironment())
{
    m_env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    m_env.remove(QStringLiteral("CLEARDBCTL_TIMEOUT_MS"));
    m_env.remove(QStringLiteral("CLEARDBCTL_POLL_MS"));
    // The Heroku CLI's login.json is found through these (HerokuCliLoginState): never the developer's.
    m_env.remove(QStringLiteral("XDG_DATA_HOME"));
    m_env.remove(QStringLiteral("XDG_CONFIG_HOME")); // accounts.json then lives in the private HOME
    m_env.remove(QStringLiteral("HEROKU_DATA_DIR"));
    m_env.insert(QStringLiteral("HOME"), m_home.path());
    m_env.insert(QStringLiteral("HEROKU_HOST"), sim.baseUrl());
    m_env.insert(QStringLiteral("HEROKU_API_KEY"), sim.token());
}

CtlProcess::Run CtlProcess::run(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(QStringLiteral(CLEARDB_BIN_DIR "/cleardbctl"), args);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    if (result.out.contains(m_sim.token()) || result.err.contains(m_sim.token()))
        ++m_tokenLeaks;
    return result;
}
