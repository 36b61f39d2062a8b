// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "heroku/ApiEndpoint.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

// A private heroku-sim for the console's sandbox mode: when no Heroku
// credentials exist (or --sandbox is given) the console starts one as a child
// process with a random token and a few seeded apps, and talks to it instead of
// api.heroku.com. Nothing here touches widgets; the window only shows a badge.
//
//     auto *session = new SandboxSession(this);
//     connect(session, &SandboxSession::started, this, [](const ApiEndpoint &e, const Secret &t) { ... });
//     connect(session, &SandboxSession::failed, this, [](const QString &message) { ... });
//     session->start();
//
// heroku-sim is looked up next to the running binary first (the build tree and
// the installed bin/ keep them together), then on PATH. It prints its base URL
// as the first line of stdout; that line is the only thing read from it.
// stop() never waits: it sends SIGTERM (heroku-sim saves its --state file on it),
// kills the child if it is still there after StopTimeoutMs, and emits stopped()
// once it is gone. The destructor kills a child that is still running. On Linux
// the child also gets SIGTERM if the console dies without running its
// destructors, so no heroku-sim is left behind.
class SandboxSession : public QObject
{
    Q_OBJECT
public:
    // heroku-sim listens on loopback only and binds in milliseconds; 10 s covers a
    // loaded CI machine without leaving the user staring at "Starting…".
    static constexpr int StartTimeoutMs = 10000;
    // heroku-sim writes its state and exits in milliseconds on SIGTERM; one that
    // has not after 2 s is stuck, and is killed.
    static constexpr int StopTimeoutMs = 2000;

    explicit SandboxSession(QObject *parent = nullptr);
    ~SandboxSession() override;

    // Defaults to findProgram(); tests point it at a build-tree binary.
    void setProgram(const QString &program) { m_program = program; }
    // Every seeded app gets a ClearDB add-on laid out to show each usage situation (heroku-sim
    // --cleardb-apps): a database near its quota, one over it, promoted and unpromoted DATABASE_URLs.
    void setAppCount(int count) { m_appCount = count; }
    // Provision ClearDB add-ons as real databases on this running sandbox cluster
    // (heroku-sim --sandbox-cluster); unset, their URLs are placeholders.
    void setDatabaseCluster(const QString &runtimeDir, const QString &script)
    {
        m_clusterDir = runtimeDir;
        m_clusterScript = script;
    }
    // heroku-sim loads its apps and add-ons from this file and saves every change to
    // it (--state), so the sandbox keeps what the user did; unset, each start seeds afresh.
    void setStateFile(const QString &path) { m_stateFile = path; }
    void start();
    // Asynchronous: returns at once; stopped() follows (at once when nothing runs).
    void stop();

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }
    const ApiEndpoint &endpoint() const { return m_endpoint; }
    const Secret &token() const { return m_token; }

    // applicationDirPath()/heroku-sim if executable there, else heroku-sim on PATH,
    // else an empty string.
    static QString findProgram();

Q_SIGNALS:
    void started(const ApiEndpoint &endpoint, const Secret &token);
    // One line saying what went wrong and what to do; the child is being stopped.
    void failed(const QString &message);
    // After stop(): the child is gone.
    void stopped();
    // heroku-sim exited while the console was still using it.
    void stoppedUnexpectedly(const QString &message);

private:
    void onReadyRead();
    void onProcessError(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &message);
    QString redacted(QString text) const;

    QProcess m_process;
    QTimer m_startTimer;
    QTimer m_killTimer;
    QString m_program;
    QString m_lastErrorLine;
    int m_appCount = 3;
    QString m_clusterDir;
    QString m_clusterScript;
    QString m_stateFile;
    ApiEndpoint m_endpoint;
    Secret m_token;
    bool m_ready = false;
    bool m_stopping = false;
};
