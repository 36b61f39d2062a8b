// SPDX-License-Identifier: MIT
#include "sandbox/SandboxSession.h"
#include "sandbox/DaemonEnvironment.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {
const QString ProgramName = QStringLiteral("heroku-sim");

// 32 random bytes from the OS generator, hex: a throwaway token that only this
// console and its own heroku-sim know.
Secret randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return Secret(QString::fromLatin1(bytes.toHex()));
}
} // namespace

SandboxSession::SandboxSession(QObject *parent) : QObject(parent)
{
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(StartTimeoutMs);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        fail(tr("heroku-sim did not report its address within %1 s; run `heroku-sim --port 0` in a terminal "
                "to see why")
                 .arg(StartTimeoutMs / 1000));
    });
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(StopTimeoutMs);
    connect(&m_killTimer, &QTimer::timeout, &m_process, &QProcess::kill);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SandboxSession::onReadyRead);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        // Only the last line is ever shown (as the reason heroku-sim stopped);
        // reading as we go keeps a chatty child from filling our memory.
        const QStringList lines =
            QString::fromUtf8(m_process.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!lines.isEmpty())
            m_lastErrorLine = lines.constLast().trimmed();
    });
    connect(&m_process, &QProcess::errorOccurred, this, &SandboxSession::onProcessError);
    connect(&m_process, &QProcess::finished, this, &SandboxSession::onFinished);
#ifdef Q_OS_LINUX
    // If the console is killed (SIGKILL, a crash) its destructors never run; the
    // kernel then sends the sandbox SIGTERM so it does not outlive us.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
}

SandboxSession::~SandboxSession()
{
    // The orderly way is stop() and waiting for stopped(); here there is no time
    // left for SIGTERM. QProcess's destructor reaps the killed child.
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

QString SandboxSession::findProgram()
{
    const QString besideUs = QCoreApplication::applicationDirPath() + QLatin1Char('/') + ProgramName;
    const QFileInfo info(besideUs);
    if (info.isFile() && info.isExecutable())
        return besideUs;
    return QStandardPaths::findExecutable(ProgramName);
}

void SandboxSession::start()
{
    if (isRunning())
        return;
    const QString program = m_program.isEmpty() ? findProgram() : m_program;
    if (program.isEmpty()) {
        Q_EMIT failed(tr("heroku-sim was not found next to %1 or on PATH; install it, or set HEROKU_API_KEY "
                         "to use your Heroku account")
                          .arg(QCoreApplication::applicationFilePath()));
        return;
    }
    m_ready = false;
    m_stopping = false;
    m_lastErrorLine.clear();
    m_token = randomToken();
    // The token goes through the environment, not argv, where other local users
    // could read it with ps. It is the only secret heroku-sim gets: the user's Heroku
    // API key or database URLs would sit in its /proc/PID/environ for as long as it runs.
    QProcessEnvironment environment =
        DaemonEnvironment::withoutCredentials(QProcessEnvironment::systemEnvironment());
    environment.insert(QStringLiteral("HEROKU_SIM_TOKEN"), m_token.reveal());
    QStringList arguments{QStringLiteral("--port"),         QStringLiteral("0"),
                          QStringLiteral("--apps"),         QString::number(m_appCount),
                          QStringLiteral("--cleardb-apps"), QString::number(m_appCount)};
    if (!m_stateFile.isEmpty())
        arguments << QStringLiteral("--state") << m_stateFile;
    if (!m_clusterDir.isEmpty()) {
        arguments << QStringLiteral("--sandbox-cluster") << m_clusterDir;
        environment.insert(QStringLiteral("CLEARDB_SANDBOX_SCRIPT"), m_clusterScript);
    }
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_startTimer.start();
    m_process.start(QIODevice::ReadOnly);
}

void SandboxSession::onReadyRead()
{
    if (m_ready) {
        // Later output is heroku-sim's own log; nobody reads it, so keep the pipe empty.
        m_process.readAllStandardOutput();
        return;
    }
    if (!m_process.canReadLine())
        return;
    const QString line = redacted(QString::fromUtf8(m_process.readLine()).trimmed());
    const ApiEndpoint endpoint = ApiEndpoint::fromSetting(line);
    // The token travels over plain http to it, which only a loopback address allows.
    if (!endpoint.isValid() || !endpoint.isLoopback()) {
        fail(tr("heroku-sim printed \"%1\" instead of its loopback URL; check that %2 is heroku-sim")
                 .arg(line.left(80), m_process.program()));
        return;
    }
    m_startTimer.stop();
    m_endpoint = endpoint;
    m_ready = true;
    Q_EMIT started(m_endpoint, m_token);
}

void SandboxSession::onProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return;
    if (m_stopping) {
        // stop() came while the program was still being started: nothing runs.
        m_stopping = false;
        m_killTimer.stop();
        Q_EMIT stopped();
        return;
    }
    fail(tr("could not start %1 (%2)").arg(m_process.program(), m_process.errorString()));
}

QString SandboxSession::redacted(QString text) const
{
    // heroku-sim has no reason to echo its token, but a wrong program might (and
    // its output ends up in a message); the token is our secret to keep.
    if (!m_token.isEmpty())
        text.replace(m_token.reveal(), QStringLiteral("<token>"));
    return text;
}

void SandboxSession::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping) {
        m_stopping = false;
        m_killTimer.stop();
        Q_EMIT stopped();
        return;
    }
    const QString rest = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
    if (!rest.isEmpty())
        m_lastErrorLine = rest.section(QLatin1Char('\n'), -1).trimmed();
    const QString why = redacted(m_lastErrorLine);
    const QString how =
        status == QProcess::CrashExit ? tr("crashed") : tr("exited with code %1").arg(exitCode);
    const QString message =
        why.isEmpty() ? tr("heroku-sim %1").arg(how) : tr("heroku-sim %1: %2").arg(how, why);
    if (!m_ready) {
        fail(message);
        return;
    }
    m_ready = false;
    Q_EMIT stoppedUnexpectedly(message + tr("; restart the console to start a new sandbox"));
}

void SandboxSession::fail(const QString &message)
{
    m_startTimer.stop();
    stop();
    Q_EMIT failed(message);
}

void SandboxSession::stop()
{
    m_startTimer.stop();
    m_ready = false;
    if (m_process.state() == QProcess::NotRunning) {
        Q_EMIT stopped();
        return;
    }
    if (m_stopping)
        return; // stopped() follows from onFinished()
    m_stopping = true;
    // SIGTERM lets heroku-sim save its --state file; the kill timer bounds the
    // wait without blocking the event loop.
    m_process.terminate();
    m_killTimer.start();
}
