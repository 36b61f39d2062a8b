// SPDX-License-Identifier: MIT
#include "dburl/DatabaseUrl.h"

#include "credentials/SecretRedactor.h"

#include "dburl/DatabaseUrlParser.h"
#include "dburl/UrlPercentEncoding.h"

DatabaseUrl::ParseResult DatabaseUrl::parse(const QString &text)
{
    return DatabaseUrlParser::parse(text);
}

QStringList DatabaseUrl::acceptedSchemes()
{
    return {QStringLiteral("mysql"), QStringLiteral("mysql2")};
}

QString DatabaseUrl::passwordMask()
{
    // The credentials area's constant, so a masked password looks the same in every log line, table
    // cell and CLI output. It is inserted unencoded: '*' is allowed in URL user info, so a redacted URL
    // still parses (as a URL whose password is the mask).
    return SecretRedactor::mask();
}

DatabaseUrl::ParseResult DatabaseUrl::validated() const
{
    return DatabaseUrlParser::validate(*this);
}

QString DatabaseUrl::toString() const
{
    return buildString(UrlPercentEncoding::encodeComponent(m_password));
}

QString DatabaseUrl::redacted() const
{
    // Depends on nothing but whether a password exists, never on its length or content.
    return buildString(hasPassword() ? passwordMask() : QString());
}

QString DatabaseUrl::hostForUrl() const
{
    return isIpv6Host() ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
}

QString DatabaseUrl::buildString(const QString &passwordText) const
{
    QString text = m_scheme + QStringLiteral("://");
    if (!m_user.isEmpty()) {
        text += UrlPercentEncoding::encodeComponent(m_user);
        if (!passwordText.isEmpty())
            text += QLatin1Char(':') + passwordText;
        text += QLatin1Char('@');
    }
    text += hostForUrl();
    if (hasExplicitPort())
        text += QLatin1Char(':') + QString::number(m_port);
    // Always write the '/': drivers (SQLAlchemy, dj-database-url) expect it before the query.
    text += QLatin1Char('/') + UrlPercentEncoding::encodeComponent(m_database);
    QChar separator = QLatin1Char('?');
    for (const Option &option : m_options) {
        text += separator + UrlPercentEncoding::encodeComponent(option.key) + QLatin1Char('=') +
                UrlPercentEncoding::encodeQueryValue(option.value);
        separator = QLatin1Char('&');
    }
    return text;
}

QString DatabaseUrl::option(UrlOptionTable::Key key) const
{
    QString value;
    for (const Option &option : m_options) {
        if (UrlOptionTable::keyFor(option.key) == key)
            value = option.value.isNull() ? QStringLiteral("") : option.value;
    }
    return value;
}

bool DatabaseUrl::hasOption(UrlOptionTable::Key key) const
{
    for (const Option &option : m_options) {
        if (UrlOptionTable::keyFor(option.key) == key)
            return true;
    }
    return false;
}

void DatabaseUrl::removeOptions(UrlOptionTable::Key key)
{
    m_options.removeIf([key](const Option &option) { return UrlOptionTable::keyFor(option.key) == key; });
}

bool DatabaseUrl::operator==(const DatabaseUrl &other) const
{
    return m_scheme == other.m_scheme && m_user == other.m_user && m_password == other.m_password &&
           m_host == other.m_host && port() == other.port() && m_database == other.m_database &&
           m_options == other.m_options;
}
