// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/DatabaseUrlError.h"
#include "dburl/UrlOptionTable.h"

#include <QList>
#include <QString>
#include <QStringList>

// A MySQL connection URL such as CLEARDB_DATABASE_URL, as one value:
// `mysql://user:password@host:port/database?key=value&…`.
//
// Usage: `auto r = DatabaseUrl::parse(text); if (!r.ok()) show(r.error.message);` then read the
// decoded parts. To build one, set the parts and call `validated()`, which checks them and
// normalizes the host (lower case, IDN to ASCII) so that `parse(x.toString()) == x` for every
// validated x, whatever characters the parts contain. `toString()` reveals the password: show
// `redacted()` everywhere (logs, errors, table cells, CLI output) unless the user asked to reveal.
//
// Rules, chosen to agree with the drivers users paste the URL into:
// - Schemes `mysql` (the MySQL client, ClearDB, dj-database-url) and `mysql2` (Rails needs it); any
//   other scheme is rejected with a message naming it.
// - The port defaults to 3306; 1–65535 otherwise. An empty password is the same as no password (the
//   MySQL protocol cannot tell them apart), so both are written as `user@host`.
// - Options keep their order, duplicates included; `option()` returns the LAST value, as
//   urllib's parse_qs()[-1], SQLAlchemy and mysql2's URLSearchParams loop do. In the query a '+'
//   means a space (form encoding, as all of those parsers decode it).
// - The database is one path segment: a literal '/' must be written %2F.
// It deliberately does not connect, resolve the host or judge option values.
class DatabaseUrl
{
public:
    struct Option
    {
        QString key;
        QString value;
        bool operator==(const Option &other) const { return key == other.key && value == other.value; }
    };

    // Defined below the class: it holds a DatabaseUrl.
    struct ParseResult;

    static constexpr int DefaultPort = 3306;

    static ParseResult parse(const QString &text);
    static QStringList acceptedSchemes();
    // The one constant a password is replaced with wherever it is not revealed.
    static QString passwordMask();

    // The builder path: checks the parts set below and returns the normalized URL, or the error.
    ParseResult validated() const;
    QString toString() const;
    QString redacted() const;
    // toString() with `text` written verbatim where the encoded password goes (only when a user
    // exists). Snippet writers use "{password}", which no encoded part can contain, as a split point.
    QString toStringWithPasswordText(const QString &text) const { return buildString(text); }

    QString scheme() const { return m_scheme; }
    void setScheme(const QString &scheme) { m_scheme = scheme; }
    QString user() const { return m_user; }
    void setUser(const QString &user) { m_user = user; }
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }
    bool hasPassword() const { return !m_password.isEmpty(); }
    // Host name, IPv4 address, or IPv6 address without brackets.
    QString host() const { return m_host; }
    void setHost(const QString &host) { m_host = host; }
    bool isIpv6Host() const { return m_host.contains(QLatin1Char(':')); }
    // `[::1]` for IPv6 hosts, the host otherwise: the form URLs and most DSNs need.
    QString hostForUrl() const;
    int port() const { return m_port == 0 ? DefaultPort : m_port; }
    bool hasExplicitPort() const { return m_port != 0; }
    // 0 means "not given" (3306).
    void setPort(int port) { m_port = port; }
    QString database() const { return m_database; }
    void setDatabase(const QString &database) { m_database = database; }

    QList<Option> options() const { return m_options; }
    void setOptions(const QList<Option> &options) { m_options = options; }
    void addOption(const QString &key, const QString &value) { m_options.append({key, value}); }
    // The last value given under any spelling of `key`; null when absent.
    QString option(UrlOptionTable::Key key) const;
    bool hasOption(UrlOptionTable::Key key) const;
    void removeOptions(UrlOptionTable::Key key);

    // Equal when every part is, comparing the effective port (":3306" equals no port).
    bool operator==(const DatabaseUrl &other) const;
    bool operator!=(const DatabaseUrl &other) const { return !(*this == other); }

private:
    QString buildString(const QString &passwordText) const;

    QString m_scheme = QStringLiteral("mysql");
    QString m_user;
    QString m_password;
    QString m_host;
    int m_port = 0;
    QString m_database;
    QList<Option> m_options;
};

// What parse() and validated() return: the URL, or the error naming the wrong part.
struct DatabaseUrl::ParseResult
{
    DatabaseUrl url;
    DatabaseUrlError error;
    bool ok() const { return !error.isError(); }
};
