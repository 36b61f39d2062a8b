// SPDX-License-Identifier: MIT
#include "HerokuCliStore.h"

#include "KeychainCredentialStore.h"
#include "SecretServiceStore.h"

CredentialStore *HerokuCliStore::create(QObject *parent)
{
#if defined(Q_OS_DARWIN)
    return new KeychainCredentialStore(parent);
#elif defined(CLEARDB_HAVE_LIBSECRET)
    return new SecretServiceStore(parent);
#else
    Q_UNUSED(parent)
    return nullptr;
#endif
}

QString HerokuCliStore::displayName()
{
#if defined(Q_OS_DARWIN)
    return QStringLiteral("macOS Keychain");
#else
    return QStringLiteral("GNOME Keyring / Secret Service");
#endif
}

QString HerokuCliStore::unsupportedReason()
{
#if defined(Q_OS_WIN)
    // The CLI keeps it in Windows' PasswordVault (WinRT); QtKeychain reads Credential Manager only.
    return QStringLiteral("the Heroku CLI's login (Windows PasswordVault) cannot be read on Windows yet");
#elif defined(Q_OS_DARWIN) || defined(CLEARDB_HAVE_LIBSECRET)
    return {};
#else
    return QStringLiteral("this build cannot read the Heroku CLI's login (built without libsecret-1)");
#endif
}
