// SPDX-License-Identifier: MIT
#include "SecretPatterns.h"

#include "SecretRedactor.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

QStringList wordsOf(QStringView name)
{
    QStringList words;
    QString current;
    QChar previous;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber()) {
            if (!current.isEmpty())
                words << current;
            current.clear();
        } else {
            // camelCase: "dbPassword" is db + password; "APIKey" stays one word, caught as a substring.
            if (c.isUpper() && previous.isLower() && !current.isEmpty()) {
                words << current;
                current.clear();
            }
            current += c.toLower();
        }
        previous = c;
    }
    if (!current.isEmpty())
        words << current;
    return words;
}

bool isSecretWord(const QString &word)
{
    static const QStringList exact = {
        QStringLiteral("pass"),   QStringLiteral("passwd"),     QStringLiteral("password"),
        QStringLiteral("pwd"),    QStringLiteral("pw"),         QStringLiteral("secret"),
        QStringLiteral("token"),  QStringLiteral("key"),        QStringLiteral("keys"),
        QStringLiteral("apikey"), QStringLiteral("credential"), QStringLiteral("credentials")};
    // Run-together names: DBPASSWORD, MYSQLPWD, HTTPToken, APIKey, AWSSECRETACCESSKEY.
    static const QStringList inside = {QStringLiteral("password"),   QStringLiteral("passwd"),
                                       QStringLiteral("passphrase"), QStringLiteral("secret"),
                                       QStringLiteral("token"),      QStringLiteral("apikey"),
                                       QStringLiteral("privatekey"), QStringLiteral("accesskey")};
    if (exact.contains(word))
        return true;
    for (const QString &part : inside) {
        if (word.contains(part))
            return true;
    }
    return word.endsWith(QLatin1String("pass")) || word.endsWith(QLatin1String("pwd"));
}

// One `key=value` value's end: a quoted value runs to its closing quote (libpq conninfo allows
// 'a b'), a bare one (or one whose quote never closes) to the next separator of query strings (&),
// JDBC/ODBC strings (;), the MySQL JDBC address form ((key=value)) or white space.
qsizetype valueEnd(const QString &text, qsizetype start)
{
    if (start < text.size() && (text.at(start) == QLatin1Char('\'') || text.at(start) == QLatin1Char('"'))) {
        const QChar quote = text.at(start);
        for (qsizetype i = start + 1; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\\'))
                ++i;
            else if (text.at(i) == quote)
                return i + 1;
        }
    }
    qsizetype i = start;
    while (i < text.size() && !text.at(i).isSpace() && text.at(i) != QLatin1Char('&') &&
           text.at(i) != QLatin1Char(';') && text.at(i) != QLatin1Char(')'))
        ++i;
    return i;
}

} // namespace

bool SecretPatterns::isSecretName(QStringView name)
{
    const QStringList words = wordsOf(name);
    if (words.size() > 1) {
        static const QStringList locations = {QStringLiteral("file"), QStringLiteral("path"),
                                              QStringLiteral("dir"), QStringLiteral("filename")};
        if (locations.contains(words.last()))
            return false;
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        const bool tlsFile =
            (word == QLatin1String("key") || word == QLatin1String("keys")) && i > 0 &&
            (words.at(i - 1) == QLatin1String("ssl") || words.at(i - 1) == QLatin1String("tls"));
        if (!tlsFile && isSecretWord(word))
            return true;
    }
    return false;
}

QString SecretPatterns::maskUrlPasswords(const QString &text, UrlExtent extent)
{
    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); "jdbc:mysql://" is found at
    // its "mysql://".
    static const QRegularExpression scheme(QStringLiteral(R"([A-Za-z][A-Za-z0-9+.\-]*://)"));
    QString out = text;
    qsizetype from = 0;
    while (true) {
        const QRegularExpressionMatch m = scheme.match(out, from);
        if (!m.hasMatch())
            break;
        const qsizetype start = m.capturedEnd();
        qsizetype end = out.size();
        if (extent == UrlExtent::InText) {
            end = start;
            while (end < out.size() && !out.at(end).isSpace() && out.at(end) != QLatin1Char('"'))
                ++end;
        }
        // §3.2.1 userinfo ends at the '@' before the host; a raw '@' in the password makes the last
        // one the only safe choice.
        const qsizetype at = end > start ? out.lastIndexOf(QLatin1Char('@'), end - 1) : -1;
        if (at < start) {
            from = start;
            continue;
        }
        const qsizetype colon = out.indexOf(QLatin1Char(':'), start);
        if (colon >= 0 && colon < at - 1) {
            out.replace(colon + 1, at - colon - 1, SecretRedactor::mask());
            from = colon + 1 + SecretRedactor::mask().size() + 1;
        } else {
            from = at + 1; // user name only: nothing secret
        }
    }
    return out;
}

QString SecretPatterns::maskSecretOptions(const QString &text)
{
    // A key starts the text or follows a separator: '?', '&' (RFC 3986 query), ';' (JDBC, ODBC),
    // '(' (MySQL Connector/J address form), ',' or white space (libpq conninfo).
    static const QRegularExpression key(
        QStringLiteral(R"((?<![^?&;(,\s])([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*=[ \t]*)"));
    QString out;
    qsizetype last = 0;
    qsizetype from = 0;
    while (true) {
        const QRegularExpressionMatch m = key.match(text, from);
        if (!m.hasMatch())
            break;
        const qsizetype start = m.capturedEnd();
        const qsizetype end = valueEnd(text, start);
        if (end > start && isSecretName(m.capturedView(1))) {
            out += QStringView(text).mid(last, start - last);
            out += SecretRedactor::mask();
            last = end;
            from = end;
        } else {
            // Not a secret: keys inside its value (a quoted libpq value, a malformed one) are still read.
            from = start;
        }
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

QString SecretPatterns::maskPrivateKeys(const QString &text)
{
    // RFC 7468 labels: "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY"…
    // A block without its END line is masked to the end of the text.
    static const QRegularExpression block(
        QStringLiteral(R"((-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----)(.*?)(-----END \2PRIVATE KEY-----|$))"),
        QRegularExpression::DotMatchesEverythingOption);
    if (!text.contains(QLatin1String("PRIVATE KEY")))
        return text;
    QString out;
    qsizetype last = 0;
    auto it = block.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(3) - last);
        out += SecretRedactor::mask();
        last = m.capturedEnd(3);
    }
    out += QStringView(text).mid(last);
    return out;
}
