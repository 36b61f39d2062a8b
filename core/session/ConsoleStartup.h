// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/SandboxOwners.h"
#include "session/ConsoleConnection.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

class CredentialResolver;
class CredentialStore;
class SandboxCluster;
class SandboxSession;
struct SandboxResult;
struct CredentialResolution;

// How the console finds its API at start: the endpoint from HEROKU_HOST, then a
// token through CredentialResolver (HEROKU_API_KEY, the Heroku CLI's login, the keychain,
// ~/.netrc). If
// there is none, or --sandbox was given, it starts a private heroku-sim
// (SandboxSession) and connects to that instead, marked as a sandbox.
//
//     ConsoleStartup startup;
//     connect(&startup, &ConsoleStartup::ready, &window, &MainWindow::open);
//     connect(&startup, &ConsoleStartup::failed, &window, &MainWindow::showStartupError);
//     startup.start();
//
// In the sandbox it first brings up the sandbox databases (two MariaDB masters
// behind HAProxy, core/sandbox) when they can run here, so provisioned add-ons
// are real databases the Connection and Monitor tabs can reach; without them the
// sandbox still works, with placeholder database URLs, and says so.
// CLEARDB_SANDBOX_DATABASES=0 skips them (tests do), CLEARDB_SANDBOX_DIR moves them.
// The sandbox's apps and add-ons persist across starts in sandbox-state.json (beside
// the databases, or in $XDG_DATA_HOME/cleardb-console without them).
//
// The databases are shared: every console on one sandbox directory is an owner
// (SandboxOwners), and the last live one stops them, so closing one console
// never stops them under another, and a console that finds them orphaned by a
// crash adopts them. A cluster started by hand (cluster.sh start, no owners) is
// used and left running.
//
// stop() ends the sandbox in order without blocking: heroku-sim first (SIGTERM,
// so it saves its state), then the databases if this was their last owner;
// stopped() follows. Destroyed without stop(), it kills heroku-sim and leaves the
// databases' stop to a detached cluster.sh.
// It has no widgets; everything it says is a signal.
class ConsoleStartup : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleStartup(QObject *parent = nullptr);
    ~ConsoleStartup() override;

    // Defaults: the process environment (HEROKU_HOST, HEROKU_API_KEY, HOME) and the
    // OS keychain. Tests inject both; the store is not owned.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void setCredentialStore(CredentialStore *store) { m_store = store; }
    // Where the Heroku CLI's token is read; default HerokuCliStore::create(). Null skips the CLI's login.
    void setHerokuCliStore(CredentialStore *store)
    {
        m_herokuCliStore = store;
        m_herokuCliStoreSet = true;
    }
    // Use a sandbox even when credentials exist.
    void setForceSandbox(bool force) { m_forceSandbox = force; }
    // For tests: where heroku-sim is and how many apps it seeds.
    void setSandboxProgram(const QString &program) { m_sandboxProgram = program; }
    void setSandboxAppCount(int count) { m_sandboxAppCount = count; }
    void start();
    // Asynchronous; stopped() follows, at once when nothing runs. Idempotent.
    void stop();
    // Something would be stopped: heroku-sim or the databases of this run.
    bool hasSandbox() const { return m_sandbox != nullptr || m_cluster != nullptr; }

    SandboxSession *sandbox() const { return m_sandbox; }

Q_SIGNALS:
    void progress(const QString &what);
    void ready(const ConsoleConnection &connection);
    // Worth showing beside a successful start: keychain warnings, "no credentials, sandbox instead".
    void notice(const QString &message, bool isWarning);
    void failed(const QString &message);
    // The sandbox died while the window was using it.
    void sandboxStopped(const QString &message);
    // After stop(): heroku-sim is gone, and so are the databases if they were ours.
    void stopped();

private:
    void onResolved(const CredentialResolution &resolution);
    void startSandbox();
    void onClusterStatus(const SandboxResult &result);
    void onClusterStarted(const SandboxResult &result);
    void startSimulator();
    QString sandboxStateFile() const;
    void stopCluster();
    void finishStop();
    bool isLastOwnerLeaving();

    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    CredentialStore *m_store = nullptr;
    CredentialStore *m_herokuCliStore = nullptr;
    bool m_herokuCliStoreSet = false;
    ApiEndpoint m_endpoint;
    CredentialResolver *m_resolver = nullptr;
    SandboxSession *m_sandbox = nullptr;
    SandboxCluster *m_cluster = nullptr;
    QString m_clusterScript;
    QString m_clusterDir;         // set once the databases are up
    QString m_clusterRuntimeDir;  // where they are, from the moment we look for them
    bool m_clusterIsOurs = false; // we are among its owners (or started it without an owners record)
    std::optional<SandboxOwners> m_owners;
    QString m_sandboxProgram;
    int m_sandboxAppCount = 3;
    bool m_forceSandbox = false;
    bool m_stopping = false;
    bool m_stopped = false;
};
