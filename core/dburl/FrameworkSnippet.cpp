// SPDX-License-Identifier: MIT
#include "dburl/FrameworkSnippet.h"

#include "dburl/JdbcSnippetWriter.h"
#include "dburl/NodeSnippetWriter.h"
#include "dburl/PhpSnippetWriter.h"
#include "dburl/PythonSnippetWriter.h"
#include "dburl/QtSnippetWriter.h"
#include "dburl/RailsSnippetWriter.h"

FrameworkSnippet FrameworkSnippet::generate(const DatabaseUrl &url, Framework::Id framework,
                                            const Options &options)
{
    const SnippetInputs in(url, options);
    FrameworkSnippet snippet;
    switch (framework) {
    case Framework::Generic: {
        snippet.framework = Framework::Generic;
        snippet.connectionString = in.shownUrl(url);
        const QString shown = snippet.connectionString;
        snippet.variants << Variant{QStringLiteral("MySQL URL"), QStringLiteral("text"),
                                    shown + QLatin1Char('\n')};
        return snippet;
    }
    case Framework::Django:
        snippet = PythonSnippetWriter::django(in);
        break;
    case Framework::SqlAlchemyPyMySql:
    case Framework::SqlAlchemyMySqlDb:
        snippet = PythonSnippetWriter::sqlAlchemy(in, framework);
        break;
    case Framework::Rails:
        snippet = RailsSnippetWriter::rails(in);
        break;
    case Framework::Node:
        snippet = NodeSnippetWriter::node(in);
        break;
    case Framework::Php:
        snippet = PhpSnippetWriter::php(in);
        break;
    case Framework::Jdbc:
        snippet = JdbcSnippetWriter::jdbc(in);
        break;
    case Framework::QtSql:
        snippet = QtSnippetWriter::qt(in);
        break;
    }
    // Only Node's mysql2 takes a key passphrase; everywhere else the key must be decrypted first.
    if (options.keyIsEncrypted && url.hasOption(UrlOptionTable::SslKey) && framework != Framework::Node) {
        snippet.notes << QStringLiteral(
                             "The client key is password-protected and %1 cannot take a passphrase: "
                             "decrypt it once with 'openssl pkey -in KEY -out KEY-decrypted.pem' and "
                             "point the snippet at the decrypted file (keep it private).")
                             .arg(Framework::displayName(framework));
    }
    return snippet;
}

QString FrameworkSnippet::text() const
{
    QString out;
    for (const QString &note : notes)
        out += QStringLiteral("# Note: ") + note + QLatin1Char('\n');
    for (const Variant &variant : variants) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += QStringLiteral("# --- %1 (%2) ---\n").arg(variant.title, variant.language) + variant.code;
    }
    return out;
}
