// SPDX-License-Identifier: MIT
#include "dburl/UrlPercentEncoding.h"

#include <QStringDecoder>
#include <QUrl>

QString UrlPercentEncoding::encodeComponent(const QString &text)
{
    // QUrl::toPercentEncoding leaves exactly the unreserved set alone when given no exceptions.
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString UrlPercentEncoding::encodeQueryValue(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, QByteArrayLiteral("/:")));
}

Result<QString> UrlPercentEncoding::decode(const QString &encoded, PlusIsSpace plus)
{
    const Error broken =
        makeError(Error::Kind::InvalidInput,
                  QStringLiteral("has a broken %-escape; use %XX with UTF-8 bytes (%25 for '%')"));
    QByteArray bytes = encoded.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) != '%')
            continue;
        if (i + 2 >= bytes.size() || !isxdigit(static_cast<unsigned char>(bytes.at(i + 1))) ||
            !isxdigit(static_cast<unsigned char>(bytes.at(i + 2))))
            return broken;
    }
    // application/x-www-form-urlencoded, which Python's parse_qs and WHATWG URLSearchParams apply to
    // the query: a literal '+' there means a space.
    if (plus == PlusIsSpace::Yes)
        bytes.replace('+', ' ');
    const QByteArray raw = QByteArray::fromPercentEncoding(bytes);
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    // ConvertInitialBom: a password may legitimately start with U+FEFF; the default would drop it.
    const QString text = utf8(raw);
    if (utf8.hasError())
        return broken;
    return text;
}
