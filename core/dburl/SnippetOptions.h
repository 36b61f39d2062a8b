// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// How FrameworkSnippet::generate() treats secrets (see FrameworkSnippet for the policy).
struct SnippetOptions
{
    // Embed the literal password instead of an environment-variable reference.
    bool reveal = false;
    QString passwordEnvVar = QStringLiteral("DB_PASSWORD");
    // The client key is passphrase-protected (DedicatedClusterSpec finds out): drivers that take a
    // passphrase read it from keyPassphraseEnvVar, the others get a note to decrypt the key.
    bool keyIsEncrypted = false;
    QString keyPassphraseEnvVar = QStringLiteral("DB_KEY_PASSPHRASE");
};
