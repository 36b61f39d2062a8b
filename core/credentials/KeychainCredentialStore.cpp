// SPDX-License-Identifier: MIT
#include "KeychainCredentialStore.h"

#include <QLibrary>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

using Status = CredentialStoreResult::Status;
using Operation = CredentialStoreResult::Operation;

namespace {

Status statusFor(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        return Status::NotFound;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Status::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what the libsecret backend reports when D-Bus itself is
        // missing; from the user's side the keychain simply is not there.
        return Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return Status::Failed;
}

bool libsecretMissing()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // QtKeychain dlopens libsecret (QLibrary("secret-1", 0)) and, without it,
    // answers every job with "Unknown error"; Debian's package only recommends it.
    static const bool missing = !QLibrary(QStringLiteral("secret-1"), 0).load();
    return missing;
#else
    return false;
#endif
}

bool saysNothing(const QString &backendText)
{
    return backendText.isEmpty() ||
           backendText.compare(QStringLiteral("Unknown error"), Qt::CaseInsensitive) == 0;
}

// What the user reads, in plain words: never the backend's bare "Unknown error".
QString plainWords(Status status, const QString &backendText)
{
    switch (status) {
    case Status::Unavailable:
        if (libsecretMissing())
            return QStringLiteral(
                "no system keychain is available (install libsecret-1-0, and gnome-keyring or "
                "KWallet, to use one)");
        return QStringLiteral(
            "no system keychain is available (install gnome-keyring or KWallet and log in to "
            "a desktop session to use one)");
    case Status::AccessDenied:
        return QStringLiteral("the system keychain refused access (it is locked, or access was denied)");
    case Status::Failed:
        return QStringLiteral("the system keychain failed: %1")
            .arg(saysNothing(backendText) ? QStringLiteral("it gave no reason") : backendText);
    case Status::Ok:
    case Status::NotFound:
    case Status::TimedOut:
        break;
    }
    return backendText;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QObject *parent) : CredentialStore(parent) {}

QString KeychainCredentialStore::serviceName()
{
    return QStringLiteral("cleardb-console");
}

void KeychainCredentialStore::read(const QString &service, const QString &account, QObject *context,
                                   Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(account);
    run(job, Operation::Read, account, context, std::move(done));
}

void KeychainCredentialStore::write(const QString &service, const QString &account, const Secret &secret,
                                    QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(account);
    job->setTextData(secret.reveal());
    run(job, Operation::Write, account, context, std::move(done));
}

void KeychainCredentialStore::remove(const QString &service, const QString &account, QObject *context,
                                     Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setKey(account);
    run(job, Operation::Remove, account, context, std::move(done));
}

void KeychainCredentialStore::run(QKeychain::Job *job, Operation operation, const QString &account,
                                  QObject *context, Callback done)
{
    if (!context)
        context = this; // a connection needs a context; the store outlives its requests
    // Never store the token in a plain file behind the user's back: ~/.netrc is
    // our visible fallback, QSettings is not.
    job->setInsecureFallback(false);
    // Jobs delete themselves when finished. They are deliberately not children
    // of this store: a backend callback may still be pending when we go away.
    job->setAutoDelete(true);

    // Whichever comes first, the job or the timeout, delivers; the other is ignored.
    auto delivered = std::make_shared<bool>(false);
    auto deliver = [delivered, done = std::move(done)](const CredentialStoreResult &result) {
        if (*delivered)
            return;
        *delivered = true;
        done(result);
    };
    const QString service = job->service();

    QObject::connect(job, &QKeychain::Job::finished, context, [=](QKeychain::Job *finished) {
        CredentialStoreResult result{operation, statusFor(finished->error()), service, account, {}, {}, {}};
        if (result.isOk() && operation == Operation::Read)
            result.secret = Secret(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
        // Removing what is not there is not a failure for logout.
        if (operation == Operation::Remove && finished->error() == QKeychain::EntryNotFound)
            result.status = Status::NotFound;
        if (!result.isOk())
            result.errorMessage = plainWords(result.status, finished->errorString().simplified());
        deliver(result);
    });
    const QString timeoutMessage =
        QStringLiteral("the system keychain did not answer within %1 s (it may be locked and waiting for an "
                       "unlock prompt)")
            .arg(QString::number(static_cast<double>(m_timeout.count()) / 1000.0, 'g', 3));
    QTimer::singleShot(m_timeout, context, [=] {
        deliver({operation, Status::TimedOut, service, account, {}, timeoutMessage, {}});
    });
    job->start();
}
