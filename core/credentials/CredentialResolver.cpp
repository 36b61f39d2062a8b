// SPDX-License-Identifier: MIT
#include "CredentialResolver.h"

#include "AccountChoice.h"
#include "CredentialStore.h"
#include "HerokuCliLoginState.h"
#include "HerokuCliStore.h"
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
    m_warnings.clear();
    // The Heroku CLI treats an empty HEROKU_API_KEY as unset; so do we (ctest
    // sets it empty on purpose so that a developer's real key cannot leak in).
    const QString fromEnvironment = m_environment.value(QStringLiteral("HEROKU_API_KEY")).trimmed();
    if (!fromEnvironment.isEmpty()) {
        CredentialResolution resolution;
        resolution.source = CredentialResolution::Source::Environment;
        resolution.token = Secret(fromEnvironment);
        resolution.description = QStringLiteral("from HEROKU_API_KEY");
        resolution.outcome = Status();
        QTimer::singleShot(0, this, [this, resolution, generation] { finish(resolution, generation); });
        return;
    }
    // An account picked with `cleardbctl accounts use`, or by signing in here, wins over the one the CLI's
    // login.json names; when it is our own login's account, our own store holds its token.
    const AccountChoice::ForHost accounts = AccountChoice::forHost(m_environment, m_apiHost);
    const QString chosen = accounts.chosen;
    m_ownAccount = accounts.own;
    if (!chosen.isEmpty() && chosen == m_ownAccount)
        return readOwnStore(generation);
    const Result<QString> cliAccount =
        chosen.isEmpty() ? HerokuCliLoginState::read(m_environment) : Result<QString>(chosen);
    if (!cliAccount) {
        // No login.json is the common case (no CLI, or a CLI writing ~/.netrc); a broken one is worth a line.
        if (cliAccount.error().kind != Error::Kind::NotFound)
            m_warnings << cliAccount.error().oneLine();
        return readOwnStore(generation);
    }
    if (!m_herokuCliStore) {
        const QString reason = HerokuCliStore::unsupportedReason();
        m_warnings << (reason.isEmpty()
                           ? QStringLiteral("the Heroku CLI's login (%1) was not read").arg(*cliAccount)
                           : reason);
        return readOwnStore(generation);
    }
    const QString account = *cliAccount;
    const bool isChoice = !chosen.isEmpty();
    m_herokuCliStore->read(HerokuCliStore::serviceName(), account, this,
                           [this, account, isChoice, generation](const CredentialStoreResult &result) {
                               continueWithHerokuCli(result, account, isChoice, generation);
                           });
}

void CredentialResolver::continueWithHerokuCli(const CredentialStoreResult &result, const QString &account,
                                               bool isChoice, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (result.isOk() && !result.secret.isEmpty()) {
        CredentialResolution resolution;
        resolution.source = CredentialResolution::Source::HerokuCli;
        resolution.token = result.secret;
        resolution.login = account;
        resolution.description = QStringLiteral("from the Heroku CLI's login (%1, %2)")
                                     .arg(HerokuCliStore::displayName(), account);
        resolution.outcome = Status();
        finish(resolution, generation);
        return;
    }
    const QString why = result.status == CredentialStoreResult::Status::NotFound
                            ? QStringLiteral("%1 holds no token for it").arg(HerokuCliStore::displayName())
                            : SecretRedactor::redact(result.errorMessage);
    m_warnings << (isChoice ? QStringLiteral("the account you chose, %1, has no readable token: %2; "
                                             "`cleardbctl accounts` lists the others")
                            : QStringLiteral("the Heroku CLI is signed in as %1, but its token could not be "
                                             "read: %2"))
                      .arg(account, why);
    readOwnStore(generation);
}

void CredentialResolver::readOwnStore(quint64 generation)
{
    if (!m_store) {
        QTimer::singleShot(0, this, [this, generation] {
            CredentialStoreResult none;
            none.status = CredentialStoreResult::Status::NotFound; // no store: nothing to report about it
            finishWithNetrc(none, generation);
        });
        return;
    }
    m_store->read(KeychainCredentialStore::serviceName(), m_apiHost, this,
                  [this, generation](const CredentialStoreResult &result) {
                      continueWithKeychain(result, generation);
                  });
}

void CredentialResolver::continueWithKeychain(const CredentialStoreResult &result, quint64 generation)
{
    if (result.isOk() && !result.secret.isEmpty()) {
        CredentialResolution resolution;
        resolution.source = CredentialResolution::Source::Keychain;
        resolution.token = result.secret;
        resolution.login = m_ownAccount;
        resolution.description = m_ownAccount.isEmpty()
                                     ? QStringLiteral("from the system keychain")
                                     : QStringLiteral("from the system keychain (%1)").arg(m_ownAccount);
        resolution.outcome = Status();
        finish(resolution, generation);
        return;
    }
    finishWithNetrc(result, generation);
}

QStringList CredentialResolver::netrcMachines() const
{
    // The Heroku CLI's machine first (host:port for a HEROKU_HOST with a port),
    // then the bare host, the way curl names machines and older logins wrote them.
    QStringList machines;
    if (!m_netrcMachine.isEmpty())
        machines << m_netrcMachine;
    if (!machines.contains(m_apiHost))
        machines << m_apiHost;
    return machines;
}

void CredentialResolver::finishWithNetrc(const CredentialStoreResult &keychain, quint64 generation)
{
    using Status = CredentialStoreResult::Status;
    const NetrcFile file(m_netrcPath.isEmpty() ? NetrcFile::defaultPath(homeDir()) : m_netrcPath, homeDir());
    const NetrcFile::Loaded loaded = file.load();
    CredentialResolution resolution;
    if (!loaded.permissionWarning.isEmpty())
        resolution.warnings << loaded.permissionWarning;
    // Why the keychain gave nothing, in the store's plain words; said once, and
    // only where it matters (see below).
    const QString keychainProblem = keychain.status == Status::Ok || keychain.status == Status::NotFound
                                        ? QString()
                                        : SecretRedactor::redact(keychain.errorMessage);

    const NetrcEntry *entry = nullptr;
    QString machine = netrcMachines().constFirst();
    if (!loaded.error.isError()) {
        for (const QString &candidate : netrcMachines()) {
            if ((entry = loaded.netrc.find(candidate))) {
                machine = candidate;
                break;
            }
        }
    }
    if (loaded.error.isError()) {
        resolution.outcome =
            makeError(Error::Kind::InvalidInput, loaded.error.describe(file.displayPath()) +
                                                     QStringLiteral("; fix the file, or ") + howToLogIn());
    } else if (entry && (!entry->hasPassword || entry->password.isEmpty())) {
        // curl would prompt for the missing password; we have no terminal to ask on.
        resolution.outcome =
            makeError(Error::Kind::InvalidInput,
                      QStringLiteral("%1 line %2: machine %3 has no password; ")
                              .arg(file.displayPath(), QString::number(entry->line), machine) +
                          howToLogIn());
    } else if (entry) {
        resolution.source = CredentialResolution::Source::Netrc;
        resolution.token = entry->password;
        resolution.login = entry->login;
        resolution.outcome = ::Status();
        resolution.description =
            QStringLiteral("from %1 (line %2)").arg(file.displayPath(), QString::number(entry->line));
        // No keychain at all is the normal state of a server: nothing to say. A
        // keychain that exists but did not answer or refused may hold a newer
        // token, so the user learns which one is used.
        if (!keychainProblem.isEmpty() && keychain.status != Status::Unavailable)
            resolution.warnings << keychainProblem + QStringLiteral("; using the token ") +
                                       resolution.description + QStringLiteral(" instead");
    } else {
        const QString found = keychainProblem.isEmpty()
                                  ? QStringLiteral("No Heroku credentials found for %1: ").arg(machine)
                                  : QStringLiteral("No Heroku credentials found for %1, and %2: ")
                                        .arg(machine, keychainProblem);
        resolution.outcome = makeError(Error::Kind::Unauthorized, found + howToLogIn());
    }
    if (!resolution.outcome)
        resolution.description = resolution.outcome.error().oneLine();
    finish(resolution, generation);
}

void CredentialResolver::finish(CredentialResolution resolution, quint64 generation)
{
    if (generation != m_generation)
        return; // a newer resolve() superseded this one
    resolution.warnings = m_warnings + resolution.warnings;
    if (resolution.hasToken())
        SecretRedactor::registerSecret(resolution.token);
    Q_EMIT resolved(resolution);
}
