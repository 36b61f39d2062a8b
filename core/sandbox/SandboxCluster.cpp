// SPDX-License-Identifier: MIT
#include "sandbox/SandboxCluster.h"
#include "sandbox/DaemonEnvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

namespace {
// Cold start initialises two data directories and a CA: a few seconds; stop waits for clean shutdown.
constexpr int kActionTimeoutMs = 180000;

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last()).trimmed();
}
} // namespace

SandboxCluster::SandboxCluster(const QString &scriptPath, const QString &runtimeDir, quint16 basePort,
                               QObject *parent)
    : QObject(parent), m_scriptPath(scriptPath), m_runtimeDir(runtimeDir), m_basePort(basePort)
{
}

SandboxCluster::~SandboxCluster()
{
    if (m_current) {
        m_current->disconnect(this);
        m_current->kill();
    }
}

QString SandboxCluster::defaultRuntimeDir()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        return runtime + QStringLiteral("/cleardb-sandbox");
    return QDir::homePath() + QStringLiteral("/.local/state/cleardb-sandbox");
}

QString SandboxCluster::sandboxDir(const QProcessEnvironment &environment)
{
    const QString dir = environment.value(QStringLiteral("CLEARDB_SANDBOX_DIR"));
    return dir.isEmpty() ? defaultRuntimeDir() : QDir(dir).absolutePath();
}

QString SandboxCluster::locateScript()
{
    const QString fromEnv = qEnvironmentVariable("CLEARDB_SANDBOX_SCRIPT");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    const QString installed = QCoreApplication::applicationDirPath() +
                              QStringLiteral("/../share/cleardb-console/sandbox/cluster.sh");
    return QFileInfo(installed).isExecutable() ? QFileInfo(installed).canonicalFilePath() : QString();
}

QStringList SandboxCluster::commonArguments() const
{
    QStringList args;
    if (!m_runtimeDir.isEmpty())
        args << QStringLiteral("--dir") << m_runtimeDir;
    if (m_basePort != 0)
        args << QStringLiteral("--base-port") << QString::number(m_basePort);
    return args;
}

void SandboxCluster::start()
{
    enqueue({Action::Start, {QStringLiteral("start")}, {}, {}});
}

void SandboxCluster::startDedicated()
{
    enqueue({Action::StartDedicated,
             {QStringLiteral("start"), QStringLiteral("--server"), QStringLiteral("dedicated")},
             {},
             {}});
}

void SandboxCluster::startAll()
{
    enqueue({Action::StartAll,
             {QStringLiteral("start"), QStringLiteral("--server"), QStringLiteral("all")},
             {},
             {}});
}

void SandboxCluster::stop()
{
    enqueue({Action::Stop, {QStringLiteral("stop")}, {}, {}});
}

void SandboxCluster::refreshStatus()
{
    enqueue({Action::Status, {}, {}, {}});
}

void SandboxCluster::createDatabase(const QString &name, const QString &user, const QString &password,
                                    int maxUserConnections)
{
    // "-" makes the script read the password from stdin, so it never shows up in `ps`.
    QStringList arguments{QStringLiteral("provision-db"), name, user, QStringLiteral("-")};
    if (maxUserConnections > 0)
        arguments << QStringLiteral("--max-user-connections") << QString::number(maxUserConnections);
    enqueue({Action::CreateDatabase, arguments, password.toUtf8() + '\n', name});
}

void SandboxCluster::fillDatabase(const QString &name, qint64 bytes)
{
    enqueue({Action::FillDatabase, {QStringLiteral("fill-db"), name, QString::number(bytes)}, {}, name});
}

void SandboxCluster::createDedicatedDatabase(const QString &name, const QString &user,
                                             const QString &password)
{
    enqueue({Action::CreateDedicatedDatabase,
             {QStringLiteral("provision-db"), name, user, QStringLiteral("-"), QStringLiteral("--server"),
              QStringLiteral("dedicated")},
             password.toUtf8() + '\n',
             name});
}

void SandboxCluster::enqueue(Job job)
{
    m_queue.enqueue(std::move(job));
    if (!m_busy)
        runNext();
}

void SandboxCluster::runNext()
{
    m_busy = !m_queue.isEmpty();
    if (!m_busy)
        return;
    m_currentJob = m_queue.dequeue();
    m_pending = SandboxResult();
    m_pending.database = m_currentJob.database;
    m_statusPhase = m_currentJob.action == Action::Status;
    if (m_statusPhase)
        launch({QStringLiteral("status"), QStringLiteral("--json")}, {});
    else
        launch(m_currentJob.arguments, m_currentJob.input);
}

void SandboxCluster::launch(const QStringList &arguments, const QByteArray &input)
{
    if (m_scriptPath.isEmpty()) {
        m_pending.outcome = makeError(Error::Kind::NotFound,
                                      QStringLiteral("the sandbox script cluster.sh was not found; set "
                                                     "CLEARDB_SANDBOX_SCRIPT to scripts/sandbox/cluster.sh"));
        QTimer::singleShot(0, this, [this] {
            const SandboxResult result = m_pending;
            deliver(m_currentJob.action, result);
            runNext();
        });
        return;
    }
    m_current = new QProcess(this);
    m_current->setProgram(m_scriptPath);
    m_current->setArguments(arguments + commonArguments());
    // The script starts mariadbd and HAProxy, which would keep our credentials for their lifetime.
    m_current->setProcessEnvironment(
        DaemonEnvironment::withoutCredentials(QProcessEnvironment::systemEnvironment()));
    connect(m_current, &QProcess::finished, this, &SandboxCluster::onProcessFinished);
    connect(m_current, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_pending.outcome =
            makeError(Error::Kind::Io, QStringLiteral("cannot run %1: %2; check the installation")
                                           .arg(m_scriptPath, m_current->errorString()));
        onProcessFinished(-1);
    });
    QTimer::singleShot(kActionTimeoutMs, m_current, [process = m_current] { process->kill(); });
    m_current->start();
    if (!input.isEmpty())
        m_current->write(input);
    m_current->closeWriteChannel();
}

void SandboxCluster::onProcessFinished(int exitCode)
{
    QProcess *process = m_current;
    process->disconnect(this);
    process->deleteLater();
    m_current = nullptr;
    const QByteArray out = process->readAllStandardOutput();
    const QByteArray err = process->readAllStandardError();
    const bool crashed = process->exitStatus() == QProcess::CrashExit || exitCode < 0;

    if (!m_statusPhase) {
        if ((crashed || exitCode != 0) && m_pending.ok()) {
            const QString reason = lastLine(err);
            m_pending.outcome = makeError(
                Error::Kind::Remote,
                reason.isEmpty() ? QStringLiteral("cluster.sh failed (exit %1)").arg(exitCode) : reason);
        }
        if (!m_pending.ok()) {
            deliver(m_currentJob.action, m_pending);
            runNext();
            return;
        }
        // The action succeeded: every action ends by reading the status, so callers get fresh ports and pids.
        m_statusPhase = true;
        launch({QStringLiteral("status"), QStringLiteral("--json")}, {});
        return;
    }

    // Status exits 3 when not everything runs; that is an answer, not a failure.
    const Result<SandboxStatus> parsed =
        crashed ? Result<SandboxStatus>(
                      makeError(Error::Kind::Remote, QStringLiteral("cluster.sh status did not finish")))
                : SandboxStatus::fromJson(out);
    if (parsed)
        m_pending.status = parsed.value();
    else if (m_pending.ok())
        m_pending.outcome = parsed.error();
    const bool expectRunning =
        m_currentJob.action == Action::Start || m_currentJob.action == Action::StartAll ||
        m_currentJob.action == Action::CreateDatabase || m_currentJob.action == Action::FillDatabase;
    const bool expectDedicated = m_currentJob.action == Action::StartDedicated ||
                                 m_currentJob.action == Action::StartAll ||
                                 m_currentJob.action == Action::CreateDedicatedDatabase;
    if (m_pending.ok() && expectDedicated && !m_pending.status.dedicatedRunning)
        m_pending.outcome = makeError(
            Error::Kind::Conflict,
            QStringLiteral(
                "the sandbox's dedicated server is not running; run 'cluster.sh status' for details"));
    if (m_pending.ok() && expectRunning && !m_pending.status.isRunning())
        m_pending.outcome =
            makeError(Error::Kind::Conflict,
                      QStringLiteral("the sandbox is %1 after start; run 'cluster.sh status' for details")
                          .arg(m_pending.status.state));
    if (m_pending.ok() && m_currentJob.action == Action::Stop &&
        (m_pending.status.state != QStringLiteral("stopped") || m_pending.status.dedicatedRunning))
        m_pending.outcome =
            makeError(Error::Kind::Conflict,
                      QStringLiteral("the sandbox is still %1 after stop").arg(m_pending.status.state));
    deliver(m_currentJob.action, m_pending);
    runNext();
}

void SandboxCluster::deliver(Action action, const SandboxResult &result)
{
    switch (action) {
    case Action::Start:
    case Action::StartDedicated:
    case Action::StartAll:
        Q_EMIT started(result);
        break;
    case Action::Stop:
        Q_EMIT stopped(result);
        break;
    case Action::Status:
        Q_EMIT statusRefreshed(result);
        break;
    case Action::CreateDatabase:
    case Action::CreateDedicatedDatabase:
        Q_EMIT databaseCreated(result);
        break;
    case Action::FillDatabase:
        Q_EMIT databaseFilled(result);
        break;
    }
}
