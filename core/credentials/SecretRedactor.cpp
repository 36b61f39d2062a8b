// SPDX-License-Identifier: MIT
#include "SecretRedactor.h"

#include "SecretPatterns.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QReadWriteLock>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {

// Counted so that two owners of the same token (resolver and writer) can each
// unregister without removing it for the other.
struct Registry
{
    QReadWriteLock lock;
    QHash<QString, int> counts;
    QStringList ordered; // longest first, so a secret containing another one is masked whole
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

void rebuildOrder(Registry &reg)
{
    reg.ordered = reg.counts.keys();
    std::sort(reg.ordered.begin(), reg.ordered.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QStringList variantsOf(const QString &secret)
{
    QStringList variants{secret};
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    if (encoded != secret)
        variants << encoded;
    return variants;
}

// Replaces capture group `valueGroup` of every match with the mask, keeping the rest.
QString maskGroup(const QString &text, const QRegularExpression &re, int valueGroup)
{
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart(valueGroup) < 0)
            continue;
        out += QStringView(text).mid(last, m.capturedStart(valueGroup) - last);
        out += SecretRedactor::mask();
        last = m.capturedEnd(valueGroup);
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = SecretRedactor::redact(message);
    if (QtMessageHandler previous = previousHandler()) {
        previous(type, context, clean);
        return;
    }
    // Qt returns its default handler as the previous one; this is only a guard.
    std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, clean)));
}

} // namespace

QString SecretRedactor::mask()
{
    return QStringLiteral("********");
}

int SecretRedactor::minimumSecretLength()
{
    return 4;
}

void SecretRedactor::registerSecret(const Secret &secret)
{
    registerSecret(secret.reveal());
}

void SecretRedactor::registerSecret(const QString &secret)
{
    if (secret.size() < minimumSecretLength())
        return;
    Registry &reg = registry();
    QWriteLocker locker(&reg.lock);
    for (const QString &variant : variantsOf(secret))
        ++reg.counts[variant];
    rebuildOrder(reg);
}

void SecretRedactor::unregisterSecret(const Secret &secret)
{
    unregisterSecret(secret.reveal());
}

void SecretRedactor::unregisterSecret(const QString &secret)
{
    Registry &reg = registry();
    QWriteLocker locker(&reg.lock);
    for (const QString &variant : variantsOf(secret)) {
        auto it = reg.counts.find(variant);
        if (it != reg.counts.end() && --it.value() <= 0)
            reg.counts.erase(it);
    }
    rebuildOrder(reg);
}

QString SecretRedactor::redactRegistered(const QString &input)
{
    QString text = input;
    Registry &reg = registry();
    QReadLocker locker(&reg.lock);
    for (const QString &secret : std::as_const(reg.ordered))
        text.replace(secret, mask());
    return text;
}

QString SecretRedactor::redact(const QString &input)
{
    QString text = redactRegistered(input);

    // RFC 9110 §11.6.2: the header value is "<scheme> <credentials>"; the scheme
    // is kept because it helps debugging, the credentials are not.
    static const QRegularExpression authHeader(QStringLiteral(
        R"((?i)\b(?:proxy-)?authorization\s*[:=]\s*(?:(?:bearer|basic|token|digest)\s+)?(\S+))"));
    text = maskGroup(text, authHeader, 1);
    static const QRegularExpression bearer(QStringLiteral(R"((?i)\bbearer\s+([A-Za-z0-9._~+/=-]{4,}))"));
    text = maskGroup(text, bearer, 1);
    text = SecretPatterns::maskPrivateKeys(text);
    text = SecretPatterns::maskUrlPasswords(text, SecretPatterns::UrlExtent::InText);

    // RFC 3986 userinfo "user:password@host" without a scheme: log lines often
    // carry "root:secret@127.0.0.1", Go DSNs "user:secret@tcp(host)".
    static const QRegularExpression userInfo(QStringLiteral(R"(([A-Za-z0-9._~%!$&'()*+,;=-]+):([^\s/@]+)@)"));
    text = maskGroup(text, userInfo, 2);

    // Key/value pairs in query strings, JSON, env dumps and config echoes: password=, "token": …,
    // DB_PASS=, db.password:, SECRET_KEY_BASE=. Not option names (--password-stdin), not the
    // environment lookups a code snippet writes in place of a password (os.environ["DB_PASSWORD"]),
    // and not cleardbctl's own references to one (DB_PASS=- reads stdin, DB_PASS=env:NAME).
    static const QString name = QStringLiteral(
        R"((?:(?:[a-z0-9]+[_.-])+pass|(?:[a-z0-9]+[_.-])*)"
        R"((?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)))"
        R"((?:[_.][a-z0-9]+)*)");
    static const QString envLookup = QStringLiteral(
        R"((?:<%=|os\.environ|os\.getenv|ENV[\[.]|process\.env|System\.getenv|getenv\(|\$_ENV|\$_SERVER|)"
        R"(qEnvironmentVariable|qgetenv))");
    static const QRegularExpression keyValue(
        QStringLiteral(
            R"((?i)(?<![\w-])%1(?![\w-])["']?\s*[:=]\s*(["']?))"
            R"(((?<=")[^"]*|(?<=')[^']*|(?!(?:YES|NO)\b)(?!%2)(?!-(?:[\s"',;&}]|$))(?!env:)[^\s"',;&}]+))")
            .arg(name, envLookup));
    text = maskGroup(text, keyValue, 2);

    // netrc syntax: "login x password y" or "machine x password y" on one line, or
    // an indented "password y" line as `heroku login` writes it. Keywords are
    // lower case in practice; prose such as "Password authentication failed"
    // opening a line is left readable.
    static const QRegularExpression netrcPassword(QStringLiteral(
        R"((?m)(?:^[ \t]+|\b(?:login|machine)[ \t]+\S+[ \t]+)password[ \t]+("(?:[^"\\\n]|\\.)*"|[^\s"]+))"));
    text = maskGroup(text, netrcPassword, 1);
    return text;
}

QString SecretRedactor::redactValue(const QString &name, const QString &value)
{
    if (value.isEmpty())
        return value;
    if (SecretPatterns::isSecretName(name))
        return mask();
    // A value is one whole thing (a config var, a JSON field): a URL in it reaches its end, so a
    // password with a space in it is masked whole.
    QString text = SecretPatterns::maskPrivateKeys(value);
    text = SecretPatterns::maskUrlPasswords(text, SecretPatterns::UrlExtent::WholeText);
    text = SecretPatterns::maskSecretOptions(text);
    return redact(text);
}

QJsonValue SecretRedactor::redactJson(const QJsonValue &value, Scope scope, const QString &name)
{
    switch (value.type()) {
    case QJsonValue::String:
        return scope == Scope::Everything ? redactValue(name, value.toString())
                                          : redactRegistered(value.toString());
    case QJsonValue::Double:
    case QJsonValue::Bool:
        // {"password": 1234} is a secret too.
        return scope == Scope::Everything && SecretPatterns::isSecretName(name) ? QJsonValue(mask()) : value;
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue &element : value.toArray())
            out.append(redactJson(element, scope, name));
        return out;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        // {"key": K, "value": V} lists (URL options): V is named by K, and "key" is a label.
        const bool pair = object.size() == 2 && object.value(QLatin1String("key")).isString() &&
                          object.contains(QLatin1String("value"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (pair && it.key() == QLatin1String("key"))
                out.insert(it.key(), redactJson(*it, scope, QString()));
            else if (pair)
                out.insert(it.key(), redactJson(*it, scope, object.value(QLatin1String("key")).toString()));
            else
                out.insert(it.key(), redactJson(*it, scope, it.key()));
        }
        return out;
    }
    default:
        return value;
    }
}

void SecretRedactor::installMessageFilter()
{
    static std::atomic_bool installed{false};
    if (installed.exchange(true))
        return;
    previousHandler() = qInstallMessageHandler(redactingHandler);
}
