// SPDX-License-Identifier: MIT
#include "dburl/PythonSnippetWriter.h"

#include "dburl/SnippetLiterals.h"

namespace {

using Key = UrlOptionTable::Key;

// Django keeps persistent connections up to CONN_MAX_AGE seconds; ClearDB's routers close idle ones
// after about 90 s, so stay below that.
const int kConnMaxAge = 60;

} // namespace

QString PythonSnippetWriter::passwordExpression(const SnippetInputs &in)
{
    if (in.snippetOptions.reveal || !in.url.hasPassword())
        return SnippetLiterals::python(in.url.password());
    return QStringLiteral("os.environ[%1]").arg(SnippetLiterals::python(in.snippetOptions.passwordEnvVar));
}

QString PythonSnippetWriter::sqlAlchemyUrl(const DatabaseUrl &framed, bool reveal)
{
    DatabaseUrl withoutName = framed;
    withoutName.setDatabase(QString());
    QString text = reveal ? withoutName.toString() : withoutName.redacted();
    // The first '/' after "scheme://" starts the path: user info is encoded and hosts have none.
    const qsizetype slash = text.indexOf(QLatin1Char('/'), framed.scheme().size() + 3);
    return text.insert(slash + 1, framed.database());
}

QString PythonSnippetWriter::djangoSslDict(const SnippetInputs &in, bool includeCa)
{
    const QList<QPair<Key, const char *>> fields = {{Key::SslCa, "ca"},
                                                    {Key::SslCapath, "capath"},
                                                    {Key::SslCert, "cert"},
                                                    {Key::SslKey, "key"},
                                                    {Key::SslCipher, "cipher"}};
    QStringList entries;
    for (const auto &field : fields) {
        if (in.has(field.first) && (includeCa || field.first != Key::SslCa)) {
            entries << SnippetLiterals::python(QString::fromLatin1(field.second)) + QStringLiteral(": ") +
                           SnippetLiterals::python(in.value(field.first));
        }
    }
    return entries.isEmpty() ? QString()
                             : QLatin1Char('{') + entries.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString PythonSnippetWriter::djangoOptions(const SnippetInputs &in)
{
    QStringList options;
    const QString ssl = djangoSslDict(in, true);
    if (!ssl.isEmpty())
        options << QStringLiteral("\"ssl\": ") + ssl;
    if (in.has(Key::SslMode))
        options << QStringLiteral("\"ssl_mode\": ") + SnippetLiterals::python(in.value(Key::SslMode));
    if (in.has(Key::Charset))
        options << QStringLiteral("\"charset\": ") + SnippetLiterals::python(in.value(Key::Charset));
    for (const DatabaseUrl::Option &option : in.unknownOptions())
        options << SnippetLiterals::python(option.key) + QStringLiteral(": ") +
                       SnippetLiterals::python(option.value);
    return options.join(QStringLiteral(", "));
}

FrameworkSnippet PythonSnippetWriter::django(const SnippetInputs &in)
{
    FrameworkSnippet snippet;
    snippet.framework = Framework::Django;
    // dj-database-url maps ssl-ca to OPTIONS["ssl"] only for the mysql:// scheme.
    DatabaseUrl framed =
        in.urlFor(Framework::Django, {Key::Reconnect, Key::SslCapath, Key::SslCert, Key::SslKey,
                                      Key::SslCipher, Key::SslMode, Key::SslVerifyServerCert});
    framed.setScheme(QStringLiteral("mysql"));
    snippet.connectionString = in.shownUrl(framed);
    if (in.has(Key::Reconnect))
        snippet.notes << QStringLiteral(
            "reconnect was left out: Django's MySQL driver rejects it as an unknown "
            "argument (Django reconnects by itself with CONN_HEALTH_CHECKS/CONN_MAX_AGE).");

    const QString options = djangoOptions(in);
    // On Heroku the app reads DATABASE_URL, the config var Assign/Promote set: no password in the code.
    QString a =
        QStringLiteral("# settings.py on Heroku — needs: pip install dj-database-url mysqlclient\n"
                       "# Reads the DATABASE_URL config var (heroku config:get DATABASE_URL shows it):\n"
                       "# the password stays in Heroku's config, never in the repository.\n"
                       "import dj_database_url\n\n"
                       "# CONN_MAX_AGE below ClearDB's ~90 s idle cut-off.\n"
                       "DATABASES = {\"default\": dj_database_url.config(conn_max_age=%1)}\n")
            .arg(kConnMaxAge);
    if (!in.url.options().isEmpty()) {
        // dj-database-url passes the URL's query to MySQLdb as it is, which rejects `reconnect` and
        // the ssl-* spellings: set the options the driver understands instead.
        a +=
            QStringLiteral("# The URL's query, as options MySQLdb accepts (it rejects reconnect and ssl-*).\n"
                           "DATABASES[\"default\"][\"OPTIONS\"] = {%1}\n")
                .arg(options);
    }

    QString b = QStringLiteral("# settings.py, every part spelled out — needs: pip install mysqlclient\n");
    if (!in.snippetOptions.reveal && in.url.hasPassword())
        b += in.passwordSourceComment(QStringLiteral("#"));
    b += QStringLiteral("import os\n\nDATABASES = {\n"
                        "    \"default\": {\n        \"ENGINE\": \"django.db.backends.mysql\",\n");
    b += QStringLiteral("        \"NAME\": %1,\n").arg(SnippetLiterals::python(in.url.database()));
    b += QStringLiteral("        \"USER\": %1,\n").arg(SnippetLiterals::python(in.url.user()));
    b += QStringLiteral("        \"PASSWORD\": %1,\n").arg(passwordExpression(in));
    b += QStringLiteral("        \"HOST\": %1,\n").arg(SnippetLiterals::python(in.url.host()));
    b += QStringLiteral("        \"PORT\": \"%1\",\n").arg(in.url.port());
    b += QStringLiteral("        \"CONN_MAX_AGE\": %1,\n").arg(kConnMaxAge);
    b += QStringLiteral("        \"OPTIONS\": {%1},\n    }\n}\n").arg(options);

    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("settings.py reading DATABASE_URL"),
                                                  QStringLiteral("python"), a}
                     << FrameworkSnippet::Variant{QStringLiteral("settings.py, explicit DATABASES"),
                                                  QStringLiteral("python"), b};
    return snippet;
}

FrameworkSnippet PythonSnippetWriter::sqlAlchemy(const SnippetInputs &in, Framework::Id framework)
{
    FrameworkSnippet snippet;
    snippet.framework = framework;
    const bool pymysql = framework == Framework::SqlAlchemyPyMySql;
    const QString driver = pymysql ? QStringLiteral("mysql+pymysql") : QStringLiteral("mysql+mysqldb");
    // Neither PyMySQL nor mysqlclient accepts `reconnect`; SQLAlchemy would pass it on and fail.
    DatabaseUrl framed = in.urlFor(framework, {Key::Reconnect});
    framed.setScheme(driver);
    // SQLAlchemy 1.4's make_url() decodes user and password but not the database, and a '?' ends it:
    // the name goes in raw, and names with '%' or '?' (which 1.4 and 2.0 read differently) are only
    // written through URL.create().
    const bool databaseFitsUrl =
        !in.url.database().contains(QLatin1Char('%')) && !in.url.database().contains(QLatin1Char('?'));
    snippet.connectionString = sqlAlchemyUrl(framed, in.snippetOptions.reveal);
    if (!databaseFitsUrl)
        snippet.notes << QStringLiteral("The database name contains '%' or '?', which SQLAlchemy URLs cannot "
                                        "carry portably; the code uses URL.create().");
    if (in.has(Key::Reconnect))
        snippet.notes << QStringLiteral("reconnect was left out: the driver rejects it; pool_pre_ping=True "
                                        "replaces connections the server closed.");
    if (pymysql && in.has(Key::SslMode))
        snippet.notes << QStringLiteral("ssl-mode was left out: PyMySQL has no ssl_mode argument (giving "
                                        "ssl_ca already requires TLS).");
    if (in.has(Key::SslCa) && !in.has(Key::SslVerifyServerCert))
        snippet.notes << QStringLiteral(
            "ClearDB's certificate name may not match the host; if the connection "
            "fails on the host name, add ssl_check_hostname=false (the CA chain is "
            "still verified).");

    const QString engineArgs = QStringLiteral(", pool_recycle=%1, pool_pre_ping=True)\n").arg(kConnMaxAge);
    QString code = QStringLiteral("# needs: pip install sqlalchemy %1\n")
                       .arg(pymysql ? QStringLiteral("pymysql") : QStringLiteral("mysqlclient"));
    if (databaseFitsUrl && (in.snippetOptions.reveal || !in.url.hasPassword())) {
        code += QStringLiteral("from sqlalchemy import create_engine\n\n"
                               "# pool_recycle below ClearDB's ~90 s idle cut-off.\n"
                               "engine = create_engine(%1")
                    .arg(SnippetLiterals::python(sqlAlchemyUrl(framed, true))) +
                engineArgs;
    } else {
        // URL.create() takes the parts as they are: no percent-encoding to get wrong.
        QStringList query;
        for (const DatabaseUrl::Option &option : framed.options())
            query << SnippetLiterals::python(option.key) + QStringLiteral(": ") +
                         SnippetLiterals::python(option.value);
        code += QStringLiteral(
                    "import os\n\nfrom sqlalchemy import create_engine\nfrom sqlalchemy.engine import URL\n\n"
                    "url = URL.create(\n    %1,\n    username=%2,\n    password=%3,\n    host=%4,\n"
                    "    port=%5,\n    database=%6,\n    query={%7},\n)\n"
                    "# pool_recycle below ClearDB's ~90 s idle cut-off.\n"
                    "engine = create_engine(url")
                    .arg(SnippetLiterals::python(driver), SnippetLiterals::python(in.url.user()),
                         in.url.hasPassword() ? passwordExpression(in) : QStringLiteral("None"),
                         SnippetLiterals::python(in.url.host()), QString::number(in.url.port()),
                         SnippetLiterals::python(in.url.database()), query.join(QStringLiteral(", "))) +
                engineArgs;
    }
    snippet.variants << FrameworkSnippet::Variant{QStringLiteral("SQLAlchemy engine"),
                                                  QStringLiteral("python"), code};
    return snippet;
}
