// SPDX-License-Identifier: MIT
#include "dburl/RailsSnippetWriter.h"

#include "dburl/SnippetLiterals.h"

FrameworkSnippet RailsSnippetWriter::rails(const SnippetInputs &in)
{
    using Key = UrlOptionTable::Key;
    FrameworkSnippet snippet;
    snippet.framework = Framework::Rails;
    DatabaseUrl framed = in.urlFor(Framework::Rails, {});
    framed.setScheme(QStringLiteral("mysql2"));
    snippet.connectionString = in.shownUrl(framed);

    QString yml =
        QStringLiteral("# config/database.yml — needs: gem \"mysql2\"\nproduction:\n  adapter: mysql2\n");
    yml += QStringLiteral("  host: %1\n").arg(SnippetLiterals::yaml(in.url.host()));
    yml += QStringLiteral("  port: %1\n").arg(in.url.port());
    yml += QStringLiteral("  database: %1\n").arg(SnippetLiterals::yaml(in.url.database()));
    yml += QStringLiteral("  username: %1\n").arg(SnippetLiterals::yaml(in.url.user()));
    if (in.snippetOptions.reveal || !in.url.hasPassword()) {
        yml += QStringLiteral("  password: %1\n").arg(SnippetLiterals::yaml(in.url.password()));
    } else {
        yml += QStringLiteral("  password: <%= ENV.fetch(%1).to_json %>\n")
                   .arg(SnippetLiterals::yaml(in.snippetOptions.passwordEnvVar));
    }
    for (const DatabaseUrl::Option &option : framed.options()) {
        const Key key = UrlOptionTable::keyFor(option.key);
        // mysql2 wants real booleans for these two; everything else is a string.
        const bool boolean = key == Key::Reconnect || key == Key::SslVerifyServerCert;
        const QString value = boolean ? (in.isOn(key) ? QStringLiteral("true") : QStringLiteral("false"))
                                      : SnippetLiterals::yaml(option.value);
        yml += QStringLiteral("  %1: %2\n").arg(SnippetLiterals::yaml(option.key), value);
    }

    // Single quotes protect everything in a POSIX shell except the quote itself.
    QString shellUrl = snippet.connectionString;
    shellUrl.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    QString env =
        QStringLiteral("# Heroku config var read by Rails (scheme mysql2:// selects the mysql2 adapter)\n"
                       "heroku config:set DATABASE_URL='%1'\n")
            .arg(shellUrl);
    if (!in.snippetOptions.reveal && in.url.hasPassword()) {
        env += QStringLiteral("# Replace %1 with the password, percent-encoded ('@' as %40, '%' as %25).\n")
                   .arg(DatabaseUrl::passwordMask());
    }
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("config/database.yml"),
                                                  QStringLiteral("yaml"), yml}
                     << FrameworkSnippet::Variant{QStringLiteral("DATABASE_URL"), QStringLiteral("shell"),
                                                  env};
    return snippet;
}
