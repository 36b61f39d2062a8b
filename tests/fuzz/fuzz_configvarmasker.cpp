// SPDX-License-Identifier: MIT
// libFuzzer: a password embedded in a config var, in any of the forms credentials take (URL userinfo
// raw or percent-encoded, a query or JDBC option, a secret-named var, a URL inside prose), never shows
// through ConfigVarMasker::masked().
//
// The input is split at 0x00 bytes into: form selector, password, user, hosts, database, query,
// prose before, prose after, var name. Two properties:
//  1. Independence (the strong one): the masked output with password P equals the output with the
//     password "x", so it carries no information about P at all. It holds because the masker finds
//     the masked span from text around the password (the first ':' after "scheme://", the last '@';
//     an option's separators), never from the password's own characters. PEM armour in the parts
//     ("PRIVATE KEY") is excluded: a key block may legitimately end inside the password.
//  2. Absence (the literal one): neither P nor its percent-encoding occurs in the output, checked
//     where that is decidable: the text has no '*' (the mask) and the template with the mask in the
//     password's place does not contain it already.
#include "credentials/SecretRedactor.h"
#include "heroku/ConfigVarMasker.h"

#include <QStringList>
#include <QUrl>

#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what, const QString &value)
{
    if (!condition) {
        std::fprintf(stderr, "config var masker broken: %s\nvalue: %s\n", what, qPrintable(value));
        std::abort();
    }
}

const QString kSlot = QStringLiteral("\x01PASSWORD\x01");

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// The value with `kSlot` where the password goes, and whether the slot takes the percent-encoded form.
QString templateFor(int form, const QStringList &p, bool *encode)
{
    static const QStringList schemes = {QStringLiteral("mysql"),          QStringLiteral("mongodb"),
                                        QStringLiteral("jdbc:mysql"),     QStringLiteral("postgres"),
                                        QStringLiteral("weird+scheme.x"), QStringLiteral("redis")};
    const QString scheme = schemes.at((form / 8) % schemes.size());
    const QString &user = p.at(2), &hosts = p.at(3), &db = p.at(4), &query = p.at(5);
    const QString url = scheme + QStringLiteral("://") + user + QLatin1Char(':') + kSlot + QLatin1Char('@') +
                        hosts + QLatin1Char('/') + db + QLatin1Char('?') + query;
    *encode = false;
    switch (form % 8) {
    case 0:
        return url;
    case 1:
        *encode = true;
        return url;
    case 2:
        *encode = true;
        return QStringLiteral("jdbc:mysql://") + hosts + QLatin1Char('/') + db + QStringLiteral("?user=") +
               encoded(user) + QStringLiteral("&password=") + kSlot + QLatin1Char('&') + query;
    case 3:
        *encode = true;
        return scheme + QStringLiteral("://") + user + QLatin1Char('@') + hosts + QLatin1Char('/') + db +
               QLatin1Char('?') + query + QStringLiteral("&pwd=") + kSlot;
    case 4:
        return p.at(6) + QLatin1Char(' ') + url + QLatin1Char(' ') + p.at(7);
    case 5:
        *encode = true;
        return QStringLiteral("host=") + hosts + QStringLiteral(" password=") + kSlot + QLatin1Char(' ') +
               query;
    default:
        return kSlot;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QStringList p;
    size_t start = 0;
    for (size_t i = 0; i <= size; ++i) {
        if (i == size || data[i] == 0) {
            p << QString::fromUtf8(reinterpret_cast<const char *>(data + start), qsizetype(i - start));
            start = i + 1;
        }
    }
    while (p.size() < 9)
        p << QString();
    const QString password = p.at(1);
    if (password.isEmpty() || p.at(0).isEmpty())
        return 0;
    for (const QString &part : std::as_const(p)) {
        // The slot marker must be unambiguous.
        if (part.contains(QChar(0x01)))
            return 0;
    }
    const int form = static_cast<unsigned char>(p.at(0).at(0).toLatin1());
    bool encode = false;
    const QString shape = templateFor(form, p, &encode);
    // Forms 6 and 7: the password is the whole value of a var whose name says it is secret.
    const QString name = form % 8 == 6   ? p.at(8) + QStringLiteral("_PASSWORD")
                         : form % 8 == 7 ? p.at(8)
                                         : QStringLiteral("NOTES");
    if (form % 8 == 7 && !ConfigVarMasker::isSecretName(name))
        return 0;
    auto fill = [&](const QString &secret) {
        QString value = shape;
        return value.replace(kSlot, encode ? encoded(secret) : secret);
    };
    const QString value = fill(password);
    const QString masked = ConfigVarMasker::masked(name, value);

    bool armoured = false;
    for (const QString &part : std::as_const(p))
        armoured = armoured || part.contains(QLatin1String("PRIVATE KEY"));
    if (!armoured)
        require(masked == ConfigVarMasker::masked(name, fill(QStringLiteral("x"))),
                "the masked value depends on the password", value);

    QString reference = shape;
    reference.replace(kSlot, SecretRedactor::mask());
    for (const QString &form : {password, encoded(password)}) {
        if (!form.contains(QLatin1Char('*')) && !reference.contains(form))
            require(!masked.contains(form), "the masked value contains the password", value);
    }
    return 0;
}
