// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonDocument>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// Small helpers the cleardbctl end-to-end tests share.
namespace CtlTest {
inline QString S(const char *text)
{
    return QString::fromUtf8(text);
}
inline QString S(const QString &text)
{
    return text;
}
// A QStringList from literals and QStrings alike (QT_NO_CAST_FROM_ASCII forbids the implicit kind).
template <typename... Parts> QStringList args(const Parts &...parts)
{
    return QStringList{S(parts)...};
}

inline QJsonDocument parseJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return document;
}

// The database password inside a mysql:// URL.
inline QString passwordOf(const QString &url)
{
    static const QRegularExpression userInfo(QStringLiteral("^mysql2?://[^:/@]+:([^@]+)@"));
    return userInfo.match(url).captured(1);
}
} // namespace CtlTest
