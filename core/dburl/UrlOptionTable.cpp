// SPDX-License-Identifier: MIT
#include "dburl/UrlOptionTable.h"

namespace {

struct Row
{
    UrlOptionTable::Key key;
    const char *aliases; // space-separated, lower case
    const char *generic; // MySQL client / CLEARDB_DATABASE_URL spelling
    const char *sqlalchemy;
    const char *rails;
    const char *jdbc;
    const char *qt;
};

// Sources: MySQL client options (--ssl-ca …), SQLAlchemy 1.4 mysqldb dialect (ssl_* keys folded into
// the driver's ssl dict), mysql2 gem / Rails database.yml (sslca, sslverify, ssl_mode, encoding),
// Connector/J 8 properties, Qt 6.4 QMYSQL setConnectOptions names.
const Row kRows[] = {
    {UrlOptionTable::SslCa, "ssl-ca ssl_ca sslca", "ssl-ca", "ssl_ca", "sslca", "", "SSL_CA"},
    {UrlOptionTable::SslCapath, "ssl-capath ssl_capath sslcapath", "ssl-capath", "ssl_capath", "sslcapath",
     "", "SSL_CAPATH"},
    {UrlOptionTable::SslCert, "ssl-cert ssl_cert sslcert", "ssl-cert", "ssl_cert", "sslcert", "", "SSL_CERT"},
    {UrlOptionTable::SslKey, "ssl-key ssl_key sslkey", "ssl-key", "ssl_key", "sslkey", "", "SSL_KEY"},
    {UrlOptionTable::SslCipher, "ssl-cipher ssl_cipher sslcipher", "ssl-cipher", "ssl_cipher", "sslcipher",
     "", "SSL_CIPHER"},
    {UrlOptionTable::SslMode, "ssl-mode ssl_mode sslmode", "ssl-mode", "ssl_mode", "ssl_mode", "sslMode", ""},
    {UrlOptionTable::SslVerifyServerCert,
     "ssl-verify-server-cert ssl_verify_server_cert sslverify ssl_check_hostname", "ssl-verify-server-cert",
     "ssl_check_hostname", "sslverify", "", ""},
    {UrlOptionTable::Charset, "charset encoding", "charset", "charset", "encoding", "", ""},
    {UrlOptionTable::Reconnect, "reconnect autoreconnect mysql_opt_reconnect", "reconnect", "", "reconnect",
     "autoReconnect", "MYSQL_OPT_RECONNECT"},
};

const Row *rowFor(UrlOptionTable::Key key)
{
    for (const Row &row : kRows) {
        if (row.key == key)
            return &row;
    }
    return nullptr;
}

} // namespace

UrlOptionTable::Key UrlOptionTable::keyFor(const QString &spelling)
{
    const QString lower = spelling.toLower();
    for (const Row &row : kRows) {
        if (QString::fromLatin1(row.aliases).split(QLatin1Char(' ')).contains(lower))
            return row.key;
    }
    return Unknown;
}

QStringList UrlOptionTable::aliases(Key key)
{
    const Row *row = rowFor(key);
    return row ? QString::fromLatin1(row->aliases).split(QLatin1Char(' ')) : QStringList();
}

QString UrlOptionTable::spellingFor(Key key, Framework::Id framework)
{
    const Row *row = rowFor(key);
    if (!row)
        return QString();
    switch (framework) {
    case Framework::Generic:
    case Framework::Django: // dj-database-url reads the MySQL client spelling (ssl-ca)
        return QString::fromLatin1(row->generic);
    case Framework::SqlAlchemyMySqlDb:
        return QString::fromLatin1(row->sqlalchemy);
    case Framework::SqlAlchemyPyMySql:
        // PyMySQL's connect() has no ssl_mode argument; SQLAlchemy would pass it through and fail.
        return key == SslMode ? QString() : QString::fromLatin1(row->sqlalchemy);
    case Framework::Rails:
        return QString::fromLatin1(row->rails);
    case Framework::Node:
        // mysql2 reads `ssl` as a JSON object holding PEM contents, and the other keys camelCase.
        return key == Charset ? QStringLiteral("charset") : QString();
    case Framework::Php:
        return QString();
    case Framework::Jdbc:
        return QString::fromLatin1(row->jdbc);
    case Framework::QtSql:
        return QString::fromLatin1(row->qt);
    }
    return QString();
}

bool UrlOptionTable::isTls(Key key)
{
    return key == SslCa || key == SslCapath || key == SslCert || key == SslKey || key == SslCipher ||
           key == SslMode || key == SslVerifyServerCert;
}
