// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class CredentialStore;
class QObject;

// Where this platform keeps the Heroku CLI's token, and the CredentialStore that reads it there. The CLI
// (credential-manager-core) uses service "heroku-cli", account = the e-mail, in:
//  - Linux: the Secret Service through secret-tool (attributes service/account) → SecretServiceStore;
//  - macOS: the login Keychain, a generic password (-s heroku-cli -a <email>) → KeychainCredentialStore,
//    since QtKeychain's Keychain Services backend names items exactly that way;
//  - Windows: PasswordVault (WinRT), which QtKeychain's Credential Manager backend cannot see: unsupported,
//    create() gives null and unsupportedReason() says so.
class HerokuCliStore
{
public:
    static QString serviceName() { return QStringLiteral("heroku-cli"); }
    // A new store for this platform, owned by `parent`; null where the CLI's store cannot be read here.
    static CredentialStore *create(QObject *parent);
    // "GNOME Keyring / Secret Service", "macOS Keychain".
    static QString displayName();
    // Why create() gives null here, in one line; empty where it does not.
    static QString unsupportedReason();
};
