// SPDX-License-Identifier: MIT
#include "dburl/JdbcSnippetWriter.h"

#include "dburl/SnippetLiterals.h"
#include "dburl/UrlPercentEncoding.h"

namespace {

// Paths appear inside // comments: a line break in one must not end the comment.
QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
}

} // namespace

FrameworkSnippet JdbcSnippetWriter::jdbc(const SnippetInputs &in)
{
    using Key = UrlOptionTable::Key;
    FrameworkSnippet snippet;
    snippet.framework = Framework::Jdbc;
    QStringList query;
    QString sslMode = in.value(Key::SslMode).toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
    // With a CA, verify the chain but not the name: ClearDB's certificate name may not match the host.
    if (sslMode.isEmpty() && in.has(Key::SslCa))
        sslMode = in.isOn(Key::SslVerifyServerCert) ? QStringLiteral("VERIFY_IDENTITY")
                                                    : QStringLiteral("VERIFY_CA");
    if (!sslMode.isEmpty())
        query << QStringLiteral("sslMode=") + UrlPercentEncoding::encodeQueryValue(sslMode);
    const QString charset = in.value(Key::Charset).toLower();
    if (charset.startsWith(QLatin1String("utf8")))
        query << QStringLiteral("characterEncoding=UTF-8");
    else if (!charset.isEmpty())
        snippet.notes << QStringLiteral("Set characterEncoding to the Java name of charset %1.").arg(charset);
    if (in.isOn(Key::Reconnect))
        query << QStringLiteral("autoReconnect=true");
    // Connector/J percent-decodes the database name and property values.
    QString url = QStringLiteral("jdbc:mysql://%1:%2/%3")
                      .arg(in.url.hostForUrl(), QString::number(in.url.port()),
                           UrlPercentEncoding::encodeComponent(in.url.database()));
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.join(QLatin1Char('&'));
    snippet.connectionString = url;

    const QString password = in.snippetOptions.reveal || !in.url.hasPassword()
                                 ? SnippetLiterals::java(in.url.password())
                                 : QStringLiteral("System.getenv(%1)")
                                       .arg(SnippetLiterals::java(in.snippetOptions.passwordEnvVar));
    QString code = QStringLiteral("// needs: com.mysql:mysql-connector-j\nimport java.sql.Connection;\n"
                                  "import java.sql.DriverManager;\nimport java.util.Properties;\n\n");
    code += QStringLiteral("String url = %1;\nProperties props = new Properties();\n")
                .arg(SnippetLiterals::java(url));
    code += QStringLiteral("props.setProperty(\"user\", %1);\n").arg(SnippetLiterals::java(in.url.user()));
    code += QStringLiteral("props.setProperty(\"password\", %1);\n").arg(password);
    if (in.has(Key::SslCa)) {
        code += QStringLiteral(
                    "// Made from the CA file with: keytool -importcert -noprompt -alias cleardb-ca -file %1 "
                    "-keystore truststore.p12 -storetype PKCS12 -storepass changeit\n"
                    "props.setProperty(\"trustCertificateKeyStoreUrl\", \"file:truststore.p12\");\n"
                    "props.setProperty(\"trustCertificateKeyStorePassword\", \"changeit\");\n")
                    .arg(oneLine(in.value(Key::SslCa)));
    }
    if (in.hasClientTls()) {
        code += QStringLiteral("// Made with: openssl pkcs12 -export -in %1 -inkey %2 -out keystore.p12 "
                               "-passout pass:changeit\n"
                               "props.setProperty(\"clientCertificateKeyStoreUrl\", \"file:keystore.p12\");\n"
                               "props.setProperty(\"clientCertificateKeyStorePassword\", \"changeit\");\n")
                    .arg(oneLine(in.value(Key::SslCert)), oneLine(in.value(Key::SslKey)));
    }
    code += QStringLiteral("Connection connection = DriverManager.getConnection(url, props);\n");
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("JDBC"), QStringLiteral("java"), code};
    return snippet;
}
