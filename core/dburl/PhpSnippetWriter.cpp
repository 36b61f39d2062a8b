// SPDX-License-Identifier: MIT
#include "dburl/PhpSnippetWriter.h"

#include "dburl/SnippetLiterals.h"

FrameworkSnippet PhpSnippetWriter::php(const SnippetInputs &in)
{
    using Key = UrlOptionTable::Key;
    FrameworkSnippet snippet;
    snippet.framework = Framework::Php;
    QString dsn = QStringLiteral("mysql:host=%1;port=%2;dbname=%3")
                      .arg(in.url.host(), QString::number(in.url.port()), in.url.database());
    if (in.has(Key::Charset))
        dsn += QStringLiteral(";charset=") + in.value(Key::Charset);
    if (in.url.database().contains(QLatin1Char(';')) || in.value(Key::Charset).contains(QLatin1Char(';'))) {
        snippet.notes << QStringLiteral(
            "A PDO DSN cannot contain ';' inside a value; rename the database or pick "
            "another charset.");
    }
    snippet.connectionString = dsn;

    const QString password =
        in.snippetOptions.reveal || !in.url.hasPassword()
            ? SnippetLiterals::php(in.url.password())
            : QStringLiteral("getenv(%1)").arg(SnippetLiterals::php(in.snippetOptions.passwordEnvVar));
    QStringList attributes{QStringLiteral("PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION")};
    const QList<QPair<Key, const char *>> files = {{Key::SslCa, "PDO::MYSQL_ATTR_SSL_CA"},
                                                   {Key::SslCapath, "PDO::MYSQL_ATTR_SSL_CAPATH"},
                                                   {Key::SslCert, "PDO::MYSQL_ATTR_SSL_CERT"},
                                                   {Key::SslKey, "PDO::MYSQL_ATTR_SSL_KEY"},
                                                   {Key::SslCipher, "PDO::MYSQL_ATTR_SSL_CIPHER"}};
    for (const auto &file : files) {
        if (in.has(file.first))
            attributes << QString::fromLatin1(file.second) + QStringLiteral(" => ") +
                              SnippetLiterals::php(in.value(file.first));
    }
    if (in.has(Key::SslVerifyServerCert)) {
        attributes << QStringLiteral("PDO::MYSQL_ATTR_SSL_VERIFY_SERVER_CERT => ") +
                          (in.isOn(Key::SslVerifyServerCert) ? QStringLiteral("true")
                                                             : QStringLiteral("false"));
    }
    QString code = QStringLiteral("<?php\n// needs: the pdo_mysql extension\n$dsn = %1;\n")
                       .arg(SnippetLiterals::php(dsn));
    code +=
        QStringLiteral("$pdo = new PDO($dsn, %1, %2, [\n    %3,\n]);\n")
            .arg(SnippetLiterals::php(in.url.user()), password, attributes.join(QStringLiteral(",\n    ")));
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("PDO"), QStringLiteral("php"), code};
    return snippet;
}
