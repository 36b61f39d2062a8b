// SPDX-License-Identifier: MIT
#pragma once

#include "Secret.h"

#include <QJsonValue>
#include <QString>

// The one place that masks secrets in free text: log lines, error messages,
// anything about to be printed. It replaces
//  - every registered secret (the resolved Heroku token, a database password),
//    also in its percent-encoded form;
//  - the value of `Authorization:` / `Proxy-Authorization:` headers (Bearer,
//    Basic, anything) and a stray `Bearer <token>`;
//  - the password in URL-like `user:password@host` text, also in URLs no parser
//    accepts (SecretPatterns: multi-host, jdbc:, a raw '#' or '@' in the password);
//  - `password=…`, `"token": "…"`, `DB_PASS=…`, `api_key: …` style key/value pairs
//    and the netrc form `login x password y`;
//  - PEM private key blocks.
// redactValue() and redactJson() add what a value's NAME says (DB_PASS, API_KEY);
// cleardbctl's Output sends every byte it prints through them.
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

    // Free text (a log line, a message, a line of output).
    static QString redact(const QString &text);
    // Only the registered secrets: what `--reveal` output still hides (the Heroku token).
    static QString redactRegistered(const QString &text);
    // One named value (a config var, a JSON member, an option): all of it when the name says it is a
    // credential (SecretPatterns::isSecretName), else its URL passwords, secret options and private
    // keys, with a URL reaching the value's end; then redact().
    static QString redactValue(const QString &name, const QString &value);

    enum class Scope
    {
        Everything,
        RegisteredOnly,
    };
    // Every string in a JSON tree through redactValue() under its member's name (Everything), or
    // through redactRegistered(); a number or boolean under a secret name becomes the mask too.
    static QJsonValue redactJson(const QJsonValue &value, Scope scope = Scope::Everything,
                                 const QString &name = QString());

    // Chains in front of the current Qt message handler; idempotent.
    static void installMessageFilter();
};
