// SPDX-License-Identifier: MIT
#include "UrlCommand.h"

#include "DatabaseTargetArgument.h"
#include "SecretArgument.h"
#include "credentials/SecretPatterns.h"
#include "credentials/SecretRedactor.h"
#include "dburl/FrameworkSnippet.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace {
// The option a validation message is about, so a one-line warning says where.
QString optionFor(ClusterSpecValidation::Field field)
{
    using Field = ClusterSpecValidation::Field;
    switch (field) {
    case Field::Host:
    case Field::SecondaryHost:
        return QStringLiteral("--host");
    case Field::Port:
        return QStringLiteral("--port");
    case Field::User:
        return QStringLiteral("--user");
    case Field::Password:
        return QStringLiteral("--password-stdin");
    case Field::Database:
        return QStringLiteral("--database");
    case Field::CaFile:
        return QStringLiteral("--ssl-ca");
    case Field::CertFile:
        return QStringLiteral("--ssl-cert");
    case Field::KeyFile:
        return QStringLiteral("--ssl-key");
    case Field::Options:
        return QStringLiteral("--option");
    }
    return QString();
}

const QStringList buildOnlyOptions = {
    QStringLiteral("host"),     QStringLiteral("port"),           QStringLiteral("user"),
    QStringLiteral("database"), QStringLiteral("password-stdin"), QStringLiteral("ssl-ca"),
    QStringLiteral("ssl-cert"), QStringLiteral("ssl-key"),        QStringLiteral("option")};

} // namespace

QString UrlCommand::details() const
{
    return QStringLiteral(
               "Examples:\n"
               "  printf '%s' \"$DB_PASSWORD\" | cleardbctl url build --host db.example.com --user app \\\n"
               "      --database prod --password-stdin --ssl-ca ca.pem --reveal\n"
               "  cleardbctl url parse env:CLEARDB_DATABASE_URL\n"
               "  heroku config:get CLEARDB_DATABASE_URL -a APP | cleardbctl url snippet --framework django "
               "-\n"
               "The URL of parse and snippet is - (read from stdin) or env:NAME (read from that environment\n"
               "variable): a URL typed on the command line is visible to every local user in the process "
               "list.\n"
               "Frameworks: sqlalchemy (both drivers), ") +
           Framework::names().join(QStringLiteral(", ")) +
           QStringLiteral(
               ".\nThe password is masked unless --reveal. Django and Rails snippets read DATABASE_URL "
               "first;\n"
               "the explicit variants read the password from $DB_PASSWORD (heroku config:set DB_PASSWORD=…)\n"
               "unless --reveal.");
}

void UrlCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("build, parse or snippet."),
                                 QStringLiteral("build|parse|snippet"));
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("The URL (parse, snippet): - (stdin) or env:NAME."),
                                 QStringLiteral("[URL]"));
    parser.addOptions({
        {QStringLiteral("host"), QStringLiteral("Cluster host (build)."), QStringLiteral("HOST")},
        {QStringLiteral("port"), QStringLiteral("Port, default 3306 (build)."), QStringLiteral("PORT")},
        {QStringLiteral("user"), QStringLiteral("Database user (build)."), QStringLiteral("USER")},
        {QStringLiteral("database"), QStringLiteral("Database name (build)."), QStringLiteral("DB")},
        {QStringLiteral("password-stdin"), QStringLiteral("Read the password from stdin (build).")},
        {QStringLiteral("ssl-ca"), QStringLiteral("CA certificate file, PEM (build)."),
         QStringLiteral("FILE")},
        {QStringLiteral("ssl-cert"), QStringLiteral("Client certificate file, PEM (build)."),
         QStringLiteral("FILE")},
        {QStringLiteral("ssl-key"), QStringLiteral("Client key file, PEM (build)."), QStringLiteral("FILE")},
        {QStringLiteral("option"), QStringLiteral("Extra URL option, repeatable (build)."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("framework"), QStringLiteral("Target framework (snippet)."), QStringLiteral("NAME")},
        {QStringLiteral("reveal"), QStringLiteral("Show the password instead of the mask.")},
    });
}

Status UrlCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usage(QStringLiteral("url needs an action: build, parse or snippet"));
    const QString action = args.first();
    m_reveal = parser.isSet(QStringLiteral("reveal"));
    context()->out().setReveal(m_reveal);
    if (action == QLatin1String("build")) {
        m_action = Action::Build;
        if (args.size() > 1)
            return usage(
                QStringLiteral("url build takes no URL; give the parts with --host, --user, --database"));
        return prepareBuild(parser);
    }
    if (action != QLatin1String("parse") && action != QLatin1String("snippet"))
        return usage(QStringLiteral("unknown url action \"%1\"; use build, parse or snippet").arg(action));
    m_action = action == QLatin1String("parse") ? Action::Parse : Action::Snippet;
    for (const QString &option : buildOnlyOptions) {
        if (parser.isSet(option))
            return usage(QStringLiteral("--%1 belongs to url build").arg(option));
    }
    if (args.size() != 2)
        return usage(QStringLiteral("url %1 needs exactly one URL").arg(action));
    const Result<QString> url = SecretArgument::resolve(args.at(1), QStringLiteral("the URL"));
    if (!url)
        return url.error();
    m_urlText = url.value().trimmed();
    if (SecretArgument::isLiteral(args.at(1)) &&
        SecretRedactor::redactValue(QString(), m_urlText) != m_urlText)
        out().warning(SecretArgument::literalWarning(QStringLiteral("the URL"),
                                                     DatabaseTargetArgument::urlSafeForms()));
    if (m_action == Action::Parse) {
        if (parser.isSet(QStringLiteral("framework")))
            return usage(QStringLiteral("--framework belongs to url snippet"));
        return {};
    }
    const QString framework = parser.value(QStringLiteral("framework"));
    const QString choices = QStringLiteral("sqlalchemy, ") + Framework::names().join(QStringLiteral(", "));
    if (framework.isEmpty())
        return usage(QStringLiteral("url snippet needs --framework (one of %1)").arg(choices));
    Framework::Id id = Framework::Generic;
    if (framework.compare(QLatin1String("sqlalchemy"), Qt::CaseInsensitive) == 0)
        m_frameworks = {Framework::SqlAlchemyPyMySql, Framework::SqlAlchemyMySqlDb};
    else if (Framework::fromName(framework, &id) && id != Framework::Generic)
        m_frameworks = {id};
    else
        return usage(QStringLiteral("unknown framework \"%1\"; use one of %2").arg(framework, choices));
    return {};
}

Status UrlCommand::prepareBuild(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("framework")))
        return usage(QStringLiteral("--framework belongs to url snippet"));
    for (const char *required : {"host", "user", "database"}) {
        if (parser.value(QLatin1String(required)).isEmpty())
            return usage(QStringLiteral("url build needs --%1").arg(QLatin1String(required)));
    }
    m_spec.host = parser.value(QStringLiteral("host"));
    m_spec.user = parser.value(QStringLiteral("user"));
    m_spec.database = parser.value(QStringLiteral("database"));
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        m_spec.port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || m_spec.port < 1 || m_spec.port > 65535)
            return usage(QStringLiteral("--port must be a number from 1 to 65535"));
    }
    m_spec.caFile = parser.value(QStringLiteral("ssl-ca"));
    m_spec.certFile = parser.value(QStringLiteral("ssl-cert"));
    m_spec.keyFile = parser.value(QStringLiteral("ssl-key"));
    for (const QString &option : parser.values(QStringLiteral("option"))) {
        const int equals = option.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return usage(QStringLiteral("--option needs KEY=VALUE"));
        m_spec.extraOptions.append({option.left(equals), option.mid(equals + 1)});
        if (SecretPatterns::isSecretName(option.left(equals)))
            out().warning(SecretArgument::literalWarning(
                QStringLiteral("--option ") + option.left(equals),
                QStringLiteral("put secrets in the password (--password-stdin)")));
    }
    m_passwordFromStdin = parser.isSet(QStringLiteral("password-stdin"));
    return {};
}

void UrlCommand::start()
{
    switch (m_action) {
    case Action::Build:
        return build();
    case Action::Parse:
        return parse();
    case Action::Snippet:
        return snippet();
    }
}

void UrlCommand::build()
{
    if (m_passwordFromStdin) {
        const Result<QString> password = SecretArgument::readAllOfStdin(QStringLiteral("the password"));
        if (!password)
            return context()->fail(password.error());
        m_spec.password = password.value();
    }
    const ClusterSpecValidation validation = m_spec.validate();
    if (!validation.ok())
        return context()->fail(makeError(Error::Kind::InvalidInput,
                                         optionFor(validation.problems.first().field) + QStringLiteral(": ") +
                                             validation.problems.first().message));
    const DatabaseUrl::ParseResult built = m_spec.toUrl();
    if (!built.ok())
        return context()->fail(makeError(Error::Kind::InvalidInput, built.error.message));
    QStringList warnings;
    for (const auto &warning : validation.warnings)
        warnings << optionFor(warning.field) + QStringLiteral(": ") + warning.message;
    if (json())
        return printParts(built.url, warnings);
    for (const QString &warning : warnings)
        out().warning(warning);
    out().dataLine(m_reveal ? built.url.toString() : built.url.redacted());
    context()->succeed();
}

void UrlCommand::parse()
{
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(m_urlText);
    if (!parsed.ok())
        return context()->fail(makeError(Error::Kind::InvalidInput, parsed.error.message));
    printParts(parsed.url, {});
}

void UrlCommand::printParts(const DatabaseUrl &url, const QStringList &warnings)
{
    const QString password =
        url.hasPassword() ? (m_reveal ? url.password() : DatabaseUrl::passwordMask()) : QString();
    // `?password=…` is a password too, whatever DatabaseUrl::redacted() keeps.
    const auto optionValue = [this](const DatabaseUrl::Option &option) {
        return m_reveal ? option.value : SecretRedactor::redactValue(option.key, option.value);
    };
    if (json()) {
        QJsonArray options;
        for (const DatabaseUrl::Option &option : url.options())
            options.append(QJsonObject{{QStringLiteral("key"), option.key},
                                       {QStringLiteral("value"), optionValue(option)}});
        QJsonObject object{
            {QStringLiteral("url"),
             m_reveal ? url.toString() : SecretRedactor::redactValue(QString(), url.redacted())},
            {QStringLiteral("scheme"), url.scheme()},
            {QStringLiteral("user"), url.user()},
            {QStringLiteral("password"), password},
            {QStringLiteral("host"), url.host()},
            {QStringLiteral("port"), url.port()},
            {QStringLiteral("database"), url.database()},
            {QStringLiteral("options"), options}};
        if (!warnings.isEmpty())
            object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
        out().json(object);
        return context()->succeed();
    }
    QList<QPair<QString, QString>> parts{{QStringLiteral("scheme"), url.scheme()},
                                         {QStringLiteral("user"), url.user()},
                                         {QStringLiteral("password"), password},
                                         {QStringLiteral("host"), url.host()},
                                         {QStringLiteral("port"), QString::number(url.port())},
                                         {QStringLiteral("database"), url.database()}};
    for (const DatabaseUrl::Option &option : url.options())
        parts.append({QStringLiteral("option ") + option.key, optionValue(option)});
    out().keyValues(parts);
    context()->succeed();
}

void UrlCommand::snippet()
{
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(m_urlText);
    if (!parsed.ok())
        return context()->fail(makeError(Error::Kind::InvalidInput, parsed.error.message));
    FrameworkSnippet::Options options;
    options.reveal = m_reveal;
    QJsonArray snippets;
    QStringList texts;
    for (const Framework::Id framework : m_frameworks) {
        const FrameworkSnippet snippet = FrameworkSnippet::generate(parsed.url, framework, options);
        texts << snippet.text();
        QJsonArray variants;
        for (const FrameworkSnippet::Variant &variant : snippet.variants)
            variants.append(QJsonObject{{QStringLiteral("title"), variant.title},
                                        {QStringLiteral("language"), variant.language},
                                        {QStringLiteral("code"), variant.code}});
        snippets.append(QJsonObject{{QStringLiteral("framework"), Framework::name(framework)},
                                    {QStringLiteral("connection_string"), snippet.connectionString},
                                    {QStringLiteral("variants"), variants},
                                    {QStringLiteral("notes"), QJsonArray::fromStringList(snippet.notes)}});
    }
    if (json())
        out().json(snippets.size() == 1 ? QJsonValue(snippets.first()) : QJsonValue(snippets));
    else
        out().dataLine(texts.join(QLatin1Char('\n')));
    context()->succeed();
}
