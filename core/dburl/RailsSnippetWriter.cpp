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

    // On Heroku the app reads DATABASE_URL, the config var Assign/Promote set: no password in the code.
    // Rails picks the adapter from the scheme and mysql:// names one it no longer has (ClearDB's
    // URLs and the console's are mysql://), so the URL's scheme is switched to mysql2 on the way in.
    const QString fromEnv =
        QStringLiteral("# config/database.yml on Heroku — needs: gem \"mysql2\"\n"
                       "# Reads the DATABASE_URL config var (heroku config:get DATABASE_URL shows it):\n"
                       "# the password stays in Heroku's config, never in the repository.\n"
                       "production:\n"
                       "  url: <%= ENV.fetch(\"DATABASE_URL\").sub(/\\Amysql:/, \"mysql2:\") %>\n");

    QString yml = QStringLiteral("# config/database.yml, every part spelled out — needs: gem \"mysql2\"\n");
    if (!in.snippetOptions.reveal && in.url.hasPassword())
        yml += in.passwordSourceComment(QStringLiteral("#"));
    yml += QStringLiteral("production:\n  adapter: mysql2\n");
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
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("config/database.yml reading DATABASE_URL"),
                                                  QStringLiteral("yaml"), fromEnv}
                     << FrameworkSnippet::Variant{QStringLiteral("config/database.yml"),
                                                  QStringLiteral("yaml"), yml}
                     << FrameworkSnippet::Variant{QStringLiteral("DATABASE_URL"), QStringLiteral("shell"),
                                                  env};
    return snippet;
}
