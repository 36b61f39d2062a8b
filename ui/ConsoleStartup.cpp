// SPDX-License-Identifier: MIT
#include "ConsoleStartup.h"

#include "SandboxSession.h"
#include "credentials/CredentialResolver.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/SecretRedactor.h"

ConsoleStartup::ConsoleStartup(QObject *parent) : QObject(parent) {}

ConsoleStartup::~ConsoleStartup()
{
    // Explicit, so heroku-sim is stopped before anything else of ours goes away.
    delete m_sandbox;
}

void ConsoleStartup::start()
{
    if (m_forceSandbox) {
        startSandbox();
        return;
    }
    m_endpoint = ApiEndpoint::fromEnvironment();
    if (!m_endpoint.isValid()) {
        Q_EMIT failed(m_endpoint.error().message);
        return;
    }
    Q_EMIT progress(tr("Looking for Heroku credentials…"));
    m_resolver = new CredentialResolver(new KeychainCredentialStore(this), this);
    m_resolver->setApiHost(m_endpoint.host());
    connect(m_resolver, &CredentialResolver::resolved, this, &ConsoleStartup::onResolved);
    m_resolver->resolve();
}

void ConsoleStartup::onResolved(const CredentialResolution &resolution)
{
    // The bar shows one message at a time, so the warnings and the reason for the
    // sandbox become one notice.
    const QString warnings = resolution.warnings.join(QLatin1Char(' '));
    if (!resolution.hasToken()) {
        // The resolver's message already says how to log in and that a sandbox follows.
        const QString why = resolution.message + tr(" Nothing in the sandbox touches your Heroku account.");
        Q_EMIT notice(warnings.isEmpty() ? why : warnings + QLatin1Char(' ') + why, !warnings.isEmpty());
        startSandbox();
        return;
    }
    if (!warnings.isEmpty())
        Q_EMIT notice(warnings, true);
    ConsoleConnection connection;
    connection.endpoint = m_endpoint;
    connection.token = resolution.token;
    connection.credentialSource = resolution.description;
    Q_EMIT ready(connection);
}

void ConsoleStartup::startSandbox()
{
    Q_EMIT progress(tr("Starting the sandbox (heroku-sim)…"));
    m_sandbox = new SandboxSession(this);
    m_sandbox->setProgram(m_sandboxProgram);
    m_sandbox->setAppCount(m_sandboxAppCount);
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
                connection.sandbox = true;
                Q_EMIT ready(connection);
            });
    m_sandbox->start();
}
