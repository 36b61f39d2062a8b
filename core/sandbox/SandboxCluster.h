// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "sandbox/SandboxStatus.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QQueue>
#include <QString>
#include <QStringList>

class QProcess;

// The local sandbox ClearDB cluster (two MariaDB masters with TLS behind HAProxy, and on request a
// separate standalone MariaDB server standing for a dedicated cluster or a local MySQL), driven through
// scripts/sandbox/cluster.sh so the GUI, the CLI and the tests start it exactly the same way.
// Every action is asynchronous (QProcess, no waiting): call start(), stop(), refreshStatus(),
// createDatabase() or fillDatabase() and receive the matching past-tense signal with a SandboxResult. Actions
// queue up and run one at a time. Database passwords go to the script on stdin, never on its command line.
//
//     auto *cluster = new SandboxCluster(scriptPath, SandboxCluster::defaultRuntimeDir(), 0, this);
//     connect(cluster, &SandboxCluster::started, this, [](const SandboxResult &r) { ... r.status.routedPort
//     ... }); cluster->start();
// A failed action may still carry a readable status (e.g. "degraded"), so the status sits beside the
// outcome rather than inside a Result.
struct SandboxResult
{
    Status outcome;       // success, or what went wrong and what to do
    SandboxStatus status; // what `cluster.sh status` said after the action, when it said anything
    QString database;     // for createDatabase() and fillDatabase()

    bool ok() const { return outcome.ok(); }
    const Error &error() const { return outcome.error(); }
};
Q_DECLARE_METATYPE(SandboxResult)

class SandboxCluster : public QObject
{
    Q_OBJECT
public:
    // basePort 0 = the script's default (or the port a running cluster already uses).
    SandboxCluster(const QString &scriptPath, const QString &runtimeDir, quint16 basePort = 0,
                   QObject *parent = nullptr);
    ~SandboxCluster() override;

    // $XDG_RUNTIME_DIR/cleardb-sandbox, else ~/.local/state/cleardb-sandbox (never a system path).
    static QString defaultRuntimeDir();
    // The sandbox directory the console, its drill and cleardbctl all use: CLEARDB_SANDBOX_DIR of
    // `environment` when set (made absolute), else defaultRuntimeDir().
    static QString
    sandboxDir(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // $CLEARDB_SANDBOX_SCRIPT if set, else the installed <prefix>/share/cleardb-console/sandbox/cluster.sh
    // next to the running program; empty when neither exists.
    static QString locateScript();

    // Starts the pair and HAProxy (what the console's sandbox needs).
    void start();
    // Starts the dedicated server only (base port + 4); reported by started().
    void startDedicated();
    // Starts both: the pair with HAProxy, and the dedicated server; reported by one started().
    void startAll();
    // Stops everything, the dedicated server included.
    void stop();
    void refreshStatus();
    // Creates database `name` and user `user` (all privileges on it) on both masters. A
    // `maxUserConnections` above 0 becomes the user's MAX_USER_CONNECTIONS, as a ClearDB plan's limit.
    void createDatabase(const QString &name, const QString &user, const QString &password,
                        int maxUserConnections = 0);
    // Gives database `name` on the pair sample tables (orders, order_items) so that it holds about
    // `bytes` as information_schema reports it, replacing earlier sample tables; reported by
    // databaseFilled() once both masters have the rows.
    void fillDatabase(const QString &name, qint64 bytes);
    // The same on the dedicated server alone; reported by databaseCreated().
    void createDedicatedDatabase(const QString &name, const QString &user, const QString &password);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void started(const SandboxResult &result);
    void stopped(const SandboxResult &result);
    void statusRefreshed(const SandboxResult &result);
    void databaseCreated(const SandboxResult &result);
    void databaseFilled(const SandboxResult &result);

private:
    enum class Action
    {
        Start,
        StartDedicated,
        StartAll,
        Stop,
        Status,
        CreateDatabase,
        CreateDedicatedDatabase,
        FillDatabase,
    };
    struct Job
    {
        Action action;
        QStringList arguments;
        QByteArray input;
        QString database;
    };

    void enqueue(Job job);
    void runNext();
    void launch(const QStringList &arguments, const QByteArray &input);
    void onProcessFinished(int exitCode);
    void deliver(Action action, const SandboxResult &result);
    QStringList commonArguments() const;

    QString m_scriptPath;
    QString m_runtimeDir;
    quint16 m_basePort = 0;
    QQueue<Job> m_queue;
    QProcess *m_current = nullptr;
    bool m_busy = false; // a job runs (its process, or its error on the way)
    Job m_currentJob{};
    bool m_statusPhase = false; // the action ran; now reading its status
    SandboxResult m_pending;
};
