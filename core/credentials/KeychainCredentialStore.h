// SPDX-License-Identifier: MIT
#pragma once

#include "CredentialStore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

// The OS keychain through QtKeychain: Secret Service (GNOME Keyring, KWallet
// 5.97+) over D-Bus on Linux, Keychain Services on macOS, Credential Manager on
// Windows.
//
// Naming: service "cleardb-console" (serviceName()), account = the API host
// ("api.heroku.com"). The Heroku CLI keys its netrc entry by API host with the
// e-mail as login; keying ours by host rather than e-mail means the token can be
// found before we know who is logged in, and a heroku-sim token (account
// "127.0.0.1") never overwrites the real one. The service is ours, not
// "heroku", so that logging out here never deletes another tool's secret.
//
// Failure mapping: without a session bus (CI, ssh, containers) QtKeychain's
// libsecret backend fails at once with OtherError ("Cannot autolaunch D-Bus
// without X11 $DISPLAY"); without libsecret itself (QtKeychain dlopens
// libsecret-1.so.0, which Debian's package only recommends) every job fails
// with "Unknown error"; with no backend it reports NoBackendAvailable. All of
// these, and NotImplemented, become Status::Unavailable so callers fall back to
// ~/.netrc, and errorMessage says so in plain words, naming what to install;
// the backend's bare "Unknown error" never reaches the user. A keychain that
// never answers (a locked collection waiting for an unlock prompt nobody sees)
// is cut off after timeout() as Status::TimedOut: never a hang, and never taken
// for "nothing stored" (logout reports it).
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(QObject *parent = nullptr);

    static QString serviceName();

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void read(const QString &service, const QString &account, QObject *context, Callback done) override;
    void write(const QString &service, const QString &account, const Secret &secret, QObject *context,
               Callback done) override;
    void remove(const QString &service, const QString &account, QObject *context, Callback done) override;

private:
    void run(QKeychain::Job *job, CredentialStoreResult::Operation operation, const QString &account,
             QObject *context, Callback done);

    std::chrono::milliseconds m_timeout{15000};
};
