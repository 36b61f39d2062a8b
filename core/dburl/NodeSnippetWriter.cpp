// SPDX-License-Identifier: MIT
#include "dburl/NodeSnippetWriter.h"

#include "dburl/SnippetLiterals.h"

namespace {

// ClearDB's punch plan allows 15 connections per user (max_user_connections); leave room for others.
const int kConnectionLimit = 4;
const QString kPlaceholder = QStringLiteral("{password}");

} // namespace

QString NodeSnippetWriter::passwordExpression(const SnippetInputs &in)
{
    if (in.snippetOptions.reveal || !in.url.hasPassword())
        return SnippetLiterals::javaScript(in.url.password());
    return QStringLiteral("process.env[%1]")
        .arg(SnippetLiterals::javaScript(in.snippetOptions.passwordEnvVar));
}

FrameworkSnippet NodeSnippetWriter::node(const SnippetInputs &in)
{
    using Key = UrlOptionTable::Key;
    FrameworkSnippet snippet;
    snippet.framework = Framework::Node;
    const bool tls = in.has(Key::SslCa) || in.has(Key::SslCert) || in.has(Key::SslKey);

    QString code = QStringLiteral("// needs: npm install mysql2\n");
    if (tls)
        code += QStringLiteral("const fs = require('fs');\n");
    code += QStringLiteral("const mysql = require('mysql2');\n\n"
                           "// ClearDB's punch plan allows 15 connections per user: keep the pool small.\n"
                           "const pool = mysql.createPool({\n");
    code += QStringLiteral("  host: %1,\n").arg(SnippetLiterals::javaScript(in.url.host()));
    code += QStringLiteral("  port: %1,\n").arg(in.url.port());
    code += QStringLiteral("  user: %1,\n").arg(SnippetLiterals::javaScript(in.url.user()));
    code += QStringLiteral("  password: %1,\n").arg(passwordExpression(in));
    code += QStringLiteral("  database: %1,\n").arg(SnippetLiterals::javaScript(in.url.database()));
    if (in.has(Key::Charset))
        code += QStringLiteral("  charset: %1,\n").arg(SnippetLiterals::javaScript(in.value(Key::Charset)));
    if (tls) {
        QStringList ssl;
        const QList<QPair<Key, const char *>> files = {
            {Key::SslCa, "ca"}, {Key::SslCert, "cert"}, {Key::SslKey, "key"}};
        for (const auto &file : files) {
            if (in.has(file.first)) {
                ssl << QStringLiteral("%1: fs.readFileSync(%2)")
                           .arg(QString::fromLatin1(file.second),
                                SnippetLiterals::javaScript(in.value(file.first)));
            }
        }
        if (in.snippetOptions.keyIsEncrypted && in.has(Key::SslKey)) {
            ssl << QStringLiteral("passphrase: process.env[%1]")
                       .arg(SnippetLiterals::javaScript(in.snippetOptions.keyPassphraseEnvVar));
        }
        code += QStringLiteral("  ssl: { %1 },\n").arg(ssl.join(QStringLiteral(", ")));
    }
    code += QStringLiteral("  connectionLimit: %1,\n  enableKeepAlive: true,\n});\n").arg(kConnectionLimit);
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("mysql2 pool"), QStringLiteral("javascript"),
                                                  code};

    DatabaseUrl framed = in.urlFor(Framework::Node, {});
    QList<DatabaseUrl::Option> uriOptions;
    for (const DatabaseUrl::Option &option : framed.options()) {
        if (UrlOptionTable::keyFor(option.key) == Key::Charset)
            uriOptions << option;
    }
    framed.setOptions(uriOptions);
    framed.setScheme(QStringLiteral("mysql"));
    snippet.connectionString = in.shownUrl(framed);
    if (in.url.isIpv6Host()) {
        snippet.notes << QStringLiteral(
            "No URI form: mysql2's URI parser keeps the brackets of an IPv6 host; use "
            "the explicit fields.");
        return snippet;
    }
    if (uriOptions.size() != in.options.size())
        snippet.notes << QStringLiteral(
            "The URI form carries only charset; TLS files and other options need the "
            "explicit form.");
    QString uri;
    if (in.snippetOptions.reveal || !in.url.hasPassword()) {
        uri = SnippetLiterals::javaScript(framed.toString());
    } else {
        // encodeURIComponent leaves a few sub-delimiters alone; mysql2 decodes whatever it gets.
        const QString text = framed.toStringWithPasswordText(kPlaceholder);
        const qsizetype at = text.indexOf(kPlaceholder);
        uri = SnippetLiterals::javaScript(text.left(at)) + QStringLiteral(" + encodeURIComponent(") +
              passwordExpression(in) + QStringLiteral(") + ") +
              SnippetLiterals::javaScript(text.mid(at + kPlaceholder.size()));
    }
    QString uriCode = QStringLiteral("// needs: npm install mysql2\nconst mysql = require('mysql2');\n\n"
                                     "const pool = mysql.createPool({\n  uri: %1,\n")
                          .arg(uri);
    uriCode +=
        QStringLiteral("  connectionLimit: %1,\n  enableKeepAlive: true,\n});\n").arg(kConnectionLimit);
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("mysql2 pool from a URI"),
                                                  QStringLiteral("javascript"), uriCode};
    return snippet;
}
