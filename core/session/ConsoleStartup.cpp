// SPDX-License-Identifier: MIT
#include "session/ConsoleStartup.h"

#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxSession.h"

#include "credentials/CredentialResolver.h"
#include "credentials/HerokuCliStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/SecretRedactor.h"
#include <QDir>
#include <QFile>
#include <QProcess>

namespace {
// Core's messages are one line each, lower-case and without a full stop; in a
// paragraph of several they read as sentences.
QString asSentence(const QString &text)
{
    QString sentence = text.trimmed();
    if (sentence.isEmpty())
        return sentence;
    sentence[0] = sentence.at(0).toUpper();
    const QChar last = sentence.back();
    if (last != QLatin1Char('.') && last != QLatin1Char('!') && last != QLatin1Char('?'))
        sentence += QLatin1Char('.');
    return sentence;
}
} // namespace

ConsoleStartup::ConsoleStartup(QObject *parent) : QObject(parent) {}

ConsoleStartup::~ConsoleStartup()
{
    // Explicit, so heroku-sim is gone before anything else of ours goes away.
    delete m_sandbox;
    // Without an orderly stop() the databases, if this was their last owner, still go with us, but
    // nobody waits for them: the script stops them after we have exited.
    if (m_clusterIsOurs && !m_stopped && isLastOwnerLeaving())
        QProcess::startDetached(m_clusterScript,
                                {QStringLiteral("stop"), QStringLiteral("--dir"), m_clusterRuntimeDir});
}

bool ConsoleStartup::isLastOwnerLeaving()
{
    // Not joined (the owners folder could not be written): the old rule, we started it, we stop it.
    return !m_owners || !m_owners->isJoined() || m_owners->leave();
}

void ConsoleStartup::stop()
{
    if (m_stopped) {
        Q_EMIT stopped();
        return;
    }
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_sandbox)
        return stopCluster();
    connect(m_sandbox, &SandboxSession::stopped, this, &ConsoleStartup::stopCluster,
            Qt::SingleShotConnection);
    m_sandbox->stop();
}

void ConsoleStartup::stopCluster()
{
    // Other consoles still use the databases: they stay up for them.
    if (!m_clusterIsOurs || !m_cluster || !isLastOwnerLeaving())
        return finishStop();
    // Queued behind a start still running, so a quit during start-up stops what that start brought up.
    connect(m_cluster, &SandboxCluster::stopped, this, &ConsoleStartup::finishStop, Qt::SingleShotConnection);
    m_cluster->stop();
}

void ConsoleStartup::finishStop()
{
    m_stopping = false;
    m_stopped = true;
    Q_EMIT stopped();
}

void ConsoleStartup::start()
{
    if (m_forceSandbox) {
        startSandbox();
        return;
    }
    // HEROKU_HOST, as ApiEndpoint::fromEnvironment() reads it, from the injected environment.
    m_endpoint = ApiEndpoint::fromSetting(m_environment.value(QStringLiteral("HEROKU_HOST")));
    if (!m_endpoint.isValid()) {
        Q_EMIT failed(m_endpoint.error().message);
        return;
    }
    Q_EMIT progress(tr("Looking for Heroku credentials…"));
    m_resolver = new CredentialResolver(m_store ? m_store : new KeychainCredentialStore(this), this);
    m_resolver->setEnvironment(m_environment);
    m_resolver->setHerokuCliStore(m_herokuCliStoreSet ? m_herokuCliStore
                                                      : HerokuCliStore::create(m_resolver));
    m_resolver->setApiHost(m_endpoint.host());
    m_resolver->setNetrcMachine(m_endpoint.netrcMachine());
    connect(m_resolver, &CredentialResolver::resolved, this, &ConsoleStartup::onResolved);
    m_resolver->resolve();
}

void ConsoleStartup::onResolved(const CredentialResolution &resolution)
{
    // The bar shows one message at a time, so the warnings and the reason for the
    // sandbox become one notice, one sentence each.
    QStringList sentences;
    for (const QString &warning : resolution.warnings)
        sentences << asSentence(warning);
    const bool warned = !sentences.isEmpty();
    if (!resolution.hasToken()) {
        // The resolver's description (its error line) already says how to log in and that a sandbox follows.
        sentences << asSentence(resolution.description)
                  << tr("Nothing in the sandbox touches your Heroku account.");
        Q_EMIT notice(sentences.join(QLatin1Char(' ')), warned);
        startSandbox();
        return;
    }
    if (warned)
        Q_EMIT notice(sentences.join(QLatin1Char(' ')), true);
    Q_EMIT ready(ConsoleConnection::resolved(m_endpoint, resolution));
}

void ConsoleStartup::startSandbox()
{
    m_clusterScript = SandboxCluster::locateScript();
    if (m_environment.value(QStringLiteral("CLEARDB_SANDBOX_DATABASES")) == QLatin1String("0") ||
        m_clusterScript.isEmpty())
        return startSimulator();
    const QString dir = SandboxCluster::sandboxDir(m_environment);
    m_clusterRuntimeDir = dir;
    m_owners.emplace(dir);
    m_cluster = new SandboxCluster(m_clusterScript, dir, 0, this);
    connect(m_cluster, &SandboxCluster::statusRefreshed, this, &ConsoleStartup::onClusterStatus);
    connect(m_cluster, &SandboxCluster::started, this, &ConsoleStartup::onClusterStarted);
    // A cluster the user already runs is used and left running; one we start, we stop.
    m_cluster->refreshStatus();
}

void ConsoleStartup::onClusterStatus(const SandboxResult &result)
{
    if (m_stopping || m_stopped)
        return;
    const bool running = result.ok() && result.status.state == QLatin1String("running");
    // Running without owners: the user started it by hand; use it and leave it running.
    if (running && !m_owners->isManaged())
        return onClusterStarted(result);
    const Status joined = m_owners->join();
    if (!joined && running)
        return onClusterStarted(result); // shared without a record: never ours to stop
    // Started even when running: the script's start is idempotent, restarts a part that died, and
    // waits behind a stop another console's quit may have begun.
    Q_EMIT progress(tr("Starting the sandbox databases (two MariaDB servers behind HAProxy)…"));
    m_clusterIsOurs = true;
    m_cluster->start();
}

void ConsoleStartup::onClusterStarted(const SandboxResult &result)
{
    if (m_stopping || m_stopped)
        return;
    if (result.ok()) {
        m_clusterDir = result.status.dir;
    } else {
        if (m_owners && m_owners->isJoined())
            m_owners->leave();
        m_clusterIsOurs = false;
        Q_EMIT notice(tr("The sandbox databases did not start (%1); sandbox add-ons get placeholder URLs.")
                          .arg(result.error().oneLine()),
                      true);
    }
    startSimulator();
}

QString ConsoleStartup::sandboxStateFile() const
{
    // With databases, the state lives beside them: its add-on URLs (and their passwords) name
    // databases in that directory, and both go together when it is removed. Without, in the
    // user's data directory ($XDG_DATA_HOME, as QStandardPaths::GenericDataLocation), private.
    QString dir = m_clusterDir;
    if (dir.isEmpty()) {
        QString data = m_environment.value(QStringLiteral("XDG_DATA_HOME"));
        const QString home = m_environment.value(QStringLiteral("HOME"));
        if (data.isEmpty() && !home.isEmpty())
            data = home + QStringLiteral("/.local/share");
        if (data.isEmpty())
            return {}; // nowhere to keep it: every start seeds afresh
        dir = data + QStringLiteral("/cleardb-console");
    }
    if (!QDir().mkpath(dir))
        return {};
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return dir + QStringLiteral("/sandbox-state.json");
}

void ConsoleStartup::startSimulator()
{
    Q_EMIT progress(tr("Starting the sandbox (heroku-sim)…"));
    m_sandbox = new SandboxSession(this);
    m_sandbox->setProgram(m_sandboxProgram);
    m_sandbox->setAppCount(m_sandboxAppCount);
    if (!m_clusterDir.isEmpty())
        m_sandbox->setDatabaseCluster(m_clusterDir, m_clusterScript);
    m_sandbox->setStateFile(sandboxStateFile());
    connect(m_sandbox, &SandboxSession::failed, this, &ConsoleStartup::failed);
    connect(m_sandbox, &SandboxSession::stoppedUnexpectedly, this, &ConsoleStartup::sandboxStopped);
    connect(m_sandbox, &SandboxSession::started, this,
            [this](const ApiEndpoint &endpoint, const Secret &token) {
                // Throwaway, but still a token: keep it out of any log line.
                SecretRedactor::registerSecret(token);
                ConsoleConnection connection;
                connection.endpoint = endpoint;
                connection.token = token;
                connection.credentialSource = CredentialResolution::sandbox(token).description;
                connection.credentialKind = CredentialResolution::Source::Sandbox;
                connection.sandbox = true;
                Q_EMIT ready(connection);
            });
    m_sandbox->start();
}
