// SPDX-License-Identifier: MIT
#include "CredentialResolver.h"

#include "CredentialStore.h"
#include "KeychainCredentialStore.h"
#include "NetrcFile.h"
#include "SecretRedactor.h"

#include <QDir>
#include <QTimer>

namespace {

QString howToLogIn()
{
    return QStringLiteral(
        "run `cleardbctl login` or set HEROKU_API_KEY; without credentials `cleardb-console` "
        "opens the local sandbox (heroku-sim)");
}

} // namespace

CredentialResolver::CredentialResolver(CredentialStore *store, QObject *parent)
    : QObject(parent), m_store(store)
{
}

QString CredentialResolver::homeDir() const
{
    const QString home = m_environment.value(QStringLiteral("HOME"));
    return home.isEmpty() ? QDir::homePath() : home;
}

void CredentialResolver::resolve()
{
    const quint64 generation = ++m_generation;
    // The Heroku CLI treats an empty HEROKU_API_KEY as unset; so do we (ctest
    // sets it empty on purpose so that a developer's real key cannot leak in).
    const QString fromEnvironment = m_environment.value(QStringLiteral("HEROKU_API_KEY")).trimmed();
    if (!fromEnvironment.isEmpty()) {
        CredentialResolution resolution;
        resolution.source = CredentialResolution::Source::Environment;
        resolution.token = Secret(fromEnvironment);
        resolution.description = QStringLiteral("from HEROKU_API_KEY");
        QTimer::singleShot(0, this, [this, resolution, generation] { finish(resolution, generation); });
        return;
    }
    if (!m_store) {
        QTimer::singleShot(0, this, [this, generation] { finishWithNetrc({}, generation); });
        return;
    }
    m_store->read(KeychainCredentialStore::serviceName(), m_apiHost, this,
                  [this, generation](const CredentialStoreResult &result) {
                      continueWithKeychain(result, generation);
                  });
}

void CredentialResolver::continueWithKeychain(const CredentialStoreResult &result, quint64 generation)
{
    using Status = CredentialStoreResult::Status;
    if (result.isOk() && !result.secret.isEmpty()) {
        CredentialResolution resolution;
        resolution.source = CredentialResolution::Source::Keychain;
        resolution.token = result.secret;
        resolution.description = QStringLiteral("from the system keychain");
        finish(resolution, generation);
        return;
    }
    QStringList warnings;
    if (result.status == Status::Unavailable || result.status == Status::AccessDenied ||
        result.status == Status::Failed) {
        warnings << QStringLiteral("system keychain not used: %1")
                        .arg(SecretRedactor::redact(result.errorMessage));
    }
    finishWithNetrc(warnings, generation);
}

void CredentialResolver::finishWithNetrc(const QStringList &warnings, quint64 generation)
{
    const NetrcFile file(m_netrcPath.isEmpty() ? NetrcFile::defaultPath(homeDir()) : m_netrcPath, homeDir());
    const NetrcFile::Loaded loaded = file.load();
    CredentialResolution resolution;
    resolution.warnings = warnings;
    if (!loaded.permissionWarning.isEmpty())
        resolution.warnings << loaded.permissionWarning;

    const NetrcEntry *entry = loaded.error.isError() ? nullptr : loaded.netrc.find(m_apiHost);
    if (loaded.error.isError()) {
        resolution.message =
            loaded.error.describe(file.displayPath()) + QStringLiteral("; fix the file, or ") + howToLogIn();
    } else if (entry && (!entry->hasPassword || entry->password.isEmpty())) {
        // curl would prompt for the missing password; we have no terminal to ask on.
        resolution.message = QStringLiteral("%1 line %2: machine %3 has no password; ")
                                 .arg(file.displayPath(), QString::number(entry->line), m_apiHost) +
                             howToLogIn();
    } else if (entry) {
        resolution.source = CredentialResolution::Source::Netrc;
        resolution.token = entry->password;
        resolution.login = entry->login;
        resolution.description =
            QStringLiteral("from %1 (line %2)").arg(file.displayPath(), QString::number(entry->line));
    } else {
        resolution.message =
            QStringLiteral("No Heroku credentials found for %1: ").arg(m_apiHost) + howToLogIn();
    }
    if (resolution.source == CredentialResolution::Source::None)
        resolution.description = resolution.message;
    finish(resolution, generation);
}

void CredentialResolver::finish(CredentialResolution resolution, quint64 generation)
{
    if (generation != m_generation)
        return; // a newer resolve() superseded this one
    if (resolution.hasToken())
        SecretRedactor::registerSecret(resolution.token);
    Q_EMIT resolved(resolution);
}
