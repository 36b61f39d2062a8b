// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

// The shapes a credential takes inside text, found by scanning rather than by parsing, so that a value
// no parser accepts (an unencoded '#' or '@' in a password, a multi-host mongodb:// list, a jdbc: URL)
// is masked all the same. SecretRedactor and ConfigVarMasker build on these; call them, not this.
//
//  - isSecretName(): a variable or option name that says its value is a credential (DB_PASS, API_KEY,
//    SECRET_KEY_BASE, GITHUB_TOKEN, authToken, pwd, sslpassword). Names are split into words at
//    '_', '-', '.', and lower→upper case changes, so KEYBOARD_LAYOUT and PASSENGER_MAX_POOL_SIZE are
//    not credentials. A name whose last word is FILE/PATH/DIR names a location (MYSQL_PASSWORD_FILE),
//    and "ssl-key"/"tls_key" is the MySQL URL option naming the client key FILE: neither is a secret.
//  - maskUrlPasswords(): RFC 3986 `scheme://user:password@host…` with everything between the first
//    ':' after "//" and the LAST '@' masked. Taking the last '@' over-masks a URL whose path holds an
//    '@' but never shows part of a password that contains a raw '@', '/', '?' or '#'.
//  - maskSecretOptions(): `key=value` pairs in a query string, a JDBC/ODBC connection string or a
//    libpq conninfo (`?password=…`, `;Pwd=…`, `(password=…)`, ` password='…'`) whose key is a secret
//    name.
//  - maskPrivateKeys(): PEM private key blocks.
// Every masked span becomes the same mask (SecretRedactor::mask()), whatever its length.
class SecretPatterns
{
public:
    // How far a URL reaches: the whole text (a config var value is one URL, even with a space in its
    // password) or, in free text (a log line, a JSON line), up to the next white space or '"'.
    enum class UrlExtent
    {
        WholeText,
        InText,
    };

    static bool isSecretName(QStringView name);
    static QString maskUrlPasswords(const QString &text, UrlExtent extent);
    static QString maskSecretOptions(const QString &text);
    static QString maskPrivateKeys(const QString &text);
};
