// SPDX-License-Identifier: MIT
#include "CredentialWriter.h"

#include "AccountChoice.h"
#include "CredentialResolver.h"
#include "CredentialStore.h"
#include "KeychainCredentialStore.h"
#include "NetrcEditor.h"
#include "NetrcFile.h"
#include "SecretRedactor.h"

#include <QTimer>

using StoreStatus = CredentialStoreResult::Status;

namespace {

CredentialStoreResult noStore(CredentialStoreResult::Operation operation)
{
    CredentialStoreResult result;
    result.operation = operation;
    result.status = StoreStatus::Unavailable;
    result.errorMessage = QStringLiteral("no keychain is configured");
    return result;
}

} // namespace

CredentialWriter::CredentialWriter(CredentialStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_apiHost(CredentialResolver::defaultApiHost())
{
}

QStringList CredentialWriter::netrcMachinesFor(const QString &apiHost)
{
    // The Heroku CLI writes api.<host> and git.<host> (HEROKU_HOST=example.com
    // gives api.example.com and git.example.com).
    QStringList machines{apiHost};
    if (apiHost.startsWith(QStringLiteral("api."), Qt::CaseInsensitive))
        machines << QStringLiteral("git.") + apiHost.mid(4);
    return machines;
}

QString CredentialWriter::netrcMachine() const
{
    return m_netrcMachine.isEmpty() ? m_apiHost : m_netrcMachine;
}

QString CredentialWriter::netrcPath() const
{
    return m_netrcPath.isEmpty() ? NetrcFile::defaultPath(m_homeDir) : m_netrcPath;
}

void CredentialWriter::login(const QString &email, const Secret &token)
{
    SecretRedactor::registerSecret(token);
    if (!m_store) {
        QTimer::singleShot(0, this, [this, email, token] {
            loginToNetrc(email, token, noStore(CredentialStoreResult::Operation::Write));
        });
        return;
    }
    m_store->write(KeychainCredentialStore::serviceName(), m_apiHost, token, this,
                   [this, email, token](const CredentialStoreResult &keychain) {
                       if (!keychain.isOk()) {
                           loginToNetrc(email, token, keychain);
                           return;
                       }
                       CredentialWriteResult result;
                       result.ok = true;
                       result.keychain = true;
                       result.description = QStringLiteral("stored in the system keychain");
                       finishLogin(result, email);
                   });
}

void CredentialWriter::loginToNetrc(const QString &email, const Secret &token,
                                    const CredentialStoreResult &keychain)
{
    const NetrcFile file(netrcPath(), m_homeDir);
    const QString keychainProblem = SecretRedactor::redact(keychain.errorMessage);
    CredentialWriteResult result;
    const NetrcFile::Loaded loaded = file.load();
    NetrcError error = loaded.error;
    if (!error.isError()) {
        Netrc netrc = loaded.netrc;
        const QStringList machines = netrcMachinesFor(netrcMachine());
        for (const QString &machine : machines)
            netrc = Netrc::parse(NetrcEditor::withCredentials(netrc, machine, email, token.reveal()));
        error = file.save(netrc.bytes());
        if (!error.isError())
            result.netrcMachines = machines;
    }
    if (error.isError()) {
        result.error = QStringLiteral("could not store the token: %1, and %2")
                           .arg(keychainProblem, error.describe(file.displayPath()));
        Q_EMIT finished(result);
        return;
    }
    result.ok = true;
    result.description =
        QStringLiteral("stored in %1 (%2) because %3")
            .arg(file.displayPath(), result.netrcMachines.join(QStringLiteral(", ")), keychainProblem);
    // The old mode would have been replaced by 0600 on save; say so rather than silently change it.
    if (!loaded.permissionWarning.isEmpty())
        result.warnings
            << QStringLiteral("%1 was readable by other users; it is now 0600").arg(file.displayPath());
    finishLogin(result, email);
}

void CredentialWriter::finishLogin(CredentialWriteResult result, const QString &email)
{
    if (!email.isEmpty()) {
        const Status remembered = AccountChoice::signedInHere(m_environment, m_apiHost, email);
        if (!remembered)
            result.warnings
                << remembered.error().oneLine() +
                       QStringLiteral("; `cleardbctl accounts use %1` picks this account").arg(email);
    }
    Q_EMIT finished(result);
}

void CredentialWriter::logout()
{
    if (!m_store) {
        QTimer::singleShot(0, this,
                           [this] { logoutFromNetrc(noStore(CredentialStoreResult::Operation::Remove)); });
        return;
    }
    m_store->remove(KeychainCredentialStore::serviceName(), m_apiHost, this,
                    [this](const CredentialStoreResult &keychain) { logoutFromNetrc(keychain); });
}

void CredentialWriter::logoutFromNetrc(const CredentialStoreResult &keychain)
{
    CredentialWriteResult result;
    result.operation = CredentialWriteResult::Operation::Logout;
    result.keychain = keychain.isOk();
    QStringList problems;
    if (keychain.status == StoreStatus::AccessDenied || keychain.status == StoreStatus::Failed) {
        problems << QStringLiteral("the system keychain refused to remove the token (%1); remove the "
                                   "\"%2\" entry with your keychain manager")
                        .arg(SecretRedactor::redact(keychain.errorMessage),
                             KeychainCredentialStore::serviceName());
    } else if (keychain.status == StoreStatus::TimedOut) {
        // The removal may still happen, or not: a token may sit in the keychain,
        // and the next start would find it there. Never report that as logged out.
        problems << QStringLiteral(
                        "could not confirm removal from the system keychain: %1; unlock it and log "
                        "out again")
                        .arg(SecretRedactor::redact(keychain.errorMessage));
    }

    const NetrcFile file(netrcPath(), m_homeDir);
    const NetrcFile::Loaded loaded = file.load();
    if (loaded.error.isError()) {
        problems << loaded.error.describe(file.displayPath()) +
                        QStringLiteral("; fix the file and log out again");
    } else {
        Netrc netrc = loaded.netrc;
        QStringList removed;
        // Everything CredentialResolver would find: the Heroku CLI's machine name
        // (with its git host) and the bare API host.
        QStringList machines = netrcMachinesFor(netrcMachine());
        if (!machines.contains(m_apiHost))
            machines << m_apiHost;
        for (const QString &machine : machines) {
            if (!netrc.find(machine))
                continue;
            netrc = Netrc::parse(NetrcEditor::withoutMachine(netrc, machine));
            removed << machine;
        }
        if (!removed.isEmpty()) {
            const NetrcError saved = file.save(netrc.bytes());
            if (saved.isError())
                problems << saved.describe(file.displayPath());
            else
                result.netrcMachines = removed;
        }
    }

    QStringList places;
    if (result.keychain)
        places << QStringLiteral("the system keychain");
    if (!result.netrcMachines.isEmpty())
        places << QStringLiteral("%1 (%2)").arg(file.displayPath(),
                                                result.netrcMachines.join(QStringLiteral(", ")));
    result.description = places.isEmpty()
                             ? QStringLiteral("no stored credentials to remove")
                             : QStringLiteral("removed from ") + places.join(QStringLiteral(" and "));
    const Status forgotten = AccountChoice::signedOutHere(m_environment, m_apiHost);
    if (!forgotten)
        problems << forgotten.error().oneLine();
    result.ok = problems.isEmpty();
    result.error = problems.join(QStringLiteral("; "));
    Q_EMIT finished(result);
}
