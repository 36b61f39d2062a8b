// SPDX-License-Identifier: MIT
#pragma once

#include "Secret.h"

#include <QString>

// The one place that masks secrets in free text: log lines, error messages,
// anything about to be printed. It replaces
//  - every registered secret (the resolved Heroku token, a database password),
//    also in its percent-encoded form;
//  - the value of `Authorization:` / `Proxy-Authorization:` headers (Bearer,
//    Basic, anything) and a stray `Bearer <token>`;
//  - the password in URL-like `user:password@host` text;
//  - `password=…`, `"token": "…"`, `api_key: …` style key/value pairs and the
//    netrc form `login x password y`.
// Each secret becomes the constant mask(), so the output length says nothing
// about the secret. Full database URLs have DatabaseUrl::redacted(); this class
// is for text whose shape is unknown.
//
// The registry is process-wide on purpose: Qt's message handler is too. Call
// installMessageFilter() once in main() and every qDebug/qWarning/qCritical
// passes through redact() before reaching the previous handler.
//
// It deliberately leaves `password: YES/NO` alone (MySQL's "using password:
// YES" is a diagnosis, not a secret) and ignores registered secrets shorter than
// minimumSecretLength(), which would otherwise shred ordinary words.
class SecretRedactor
{
public:
    static QString mask();
    static int minimumSecretLength();

    static void registerSecret(const Secret &secret);
    static void registerSecret(const QString &secret);
    static void unregisterSecret(const Secret &secret);
    static void unregisterSecret(const QString &secret);

    static QString redact(const QString &text);

    // Chains in front of the current Qt message handler; idempotent.
    static void installMessageFilter();
};
