// SPDX-License-Identifier: MIT
#include "dburl/QtSnippetWriter.h"

#include "dburl/SnippetLiterals.h"

FrameworkSnippet QtSnippetWriter::qt(const SnippetInputs &in)
{
    using Key = UrlOptionTable::Key;
    FrameworkSnippet snippet;
    snippet.framework = Framework::QtSql;
    QStringList connectOptions;
    for (Key key : {Key::SslCa, Key::SslCapath, Key::SslCert, Key::SslKey, Key::SslCipher}) {
        if (!in.has(key))
            continue;
        if (in.value(key).contains(QLatin1Char(';')))
            snippet.notes << QStringLiteral(
                "QMYSQL connect options cannot contain ';'; move the TLS files to a path "
                "without one.");
        connectOptions << UrlOptionTable::spellingFor(key, Framework::QtSql) + QLatin1Char('=') +
                              in.value(key);
    }
    if (in.isOn(Key::Reconnect))
        connectOptions << QStringLiteral("MYSQL_OPT_RECONNECT=1");
    if (in.has(Key::SslMode) || in.has(Key::SslVerifyServerCert))
        snippet.notes << QStringLiteral(
            "Qt 6.4's QMYSQL has no ssl-mode or verify-server-cert option; giving "
            "SSL_CA makes the client library use TLS.");
    snippet.connectionString = connectOptions.join(QLatin1Char(';'));

    const QString password =
        in.snippetOptions.reveal || !in.url.hasPassword()
            ? SnippetLiterals::cpp(in.url.password())
            : QStringLiteral("qEnvironmentVariable(\"%1\")").arg(in.snippetOptions.passwordEnvVar);
    QString code =
        QStringLiteral("// needs: Qt Sql with the QMYSQL plugin (libqt6sql6-mysql)\n"
                       "// Create, use and remove the connection in one thread, under a unique name.\n"
                       "QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral(\"QMYSQL\"), "
                       "QStringLiteral(\"cleardb\"));\n");
    code += QStringLiteral("db.setHostName(%1);\n").arg(SnippetLiterals::cpp(in.url.host()));
    code += QStringLiteral("db.setPort(%1);\n").arg(in.url.port());
    code += QStringLiteral("db.setDatabaseName(%1);\n").arg(SnippetLiterals::cpp(in.url.database()));
    code += QStringLiteral("db.setUserName(%1);\n").arg(SnippetLiterals::cpp(in.url.user()));
    code += QStringLiteral("db.setPassword(%1);\n").arg(password);
    if (!connectOptions.isEmpty())
        code +=
            QStringLiteral("db.setConnectOptions(%1);\n").arg(SnippetLiterals::cpp(snippet.connectionString));
    code += QStringLiteral("if (!db.open())\n    qWarning() << db.lastError().text();\n");
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("QSqlDatabase"), QStringLiteral("cpp"),
                                                  code};
    return snippet;
}
