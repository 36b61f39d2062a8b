// SPDX-License-Identifier: MIT
#include "dburl/DatabaseUrlParser.h"

#include "dburl/UrlPercentEncoding.h"

#include <QRegularExpression>
#include <QUrl>

using Part = DatabaseUrlError::Part;

namespace {
// The detail of a part's error; DatabaseUrlError::make() puts the part's name before it.
Error invalid(const QString &detail)
{
    return makeError(Error::Kind::InvalidInput, detail);
}

QString encodingHint()
{
    return QStringLiteral("percent-encode it ('@' as %40, ':' as %3A, '/' as %2F, '?' as %3F, '#' as %23, "
                          "'%' as %25)");
}

} // namespace

DatabaseUrl::ParseResult DatabaseUrlParser::parse(const QString &text)
{
    DatabaseUrl::ParseResult result;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        result.error = DatabaseUrlError::make(
            Part::Scheme, QStringLiteral("the URL is empty; expected mysql://user:password@host/database"));
        return result;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    // Only a scheme followed by "//" is echoed: in a pasted "user:password@host" QUrl would take the
    // user (or, pasted without the user, the password) for the scheme.
    const bool schemeShown = trimmed.mid(url.scheme().size()).startsWith(QLatin1String("://")) ||
                             DatabaseUrl::acceptedSchemes().contains(url.scheme().toLower());
    const Result<QString> scheme = normalizeScheme(schemeShown ? url.scheme() : QString());
    if (!scheme) {
        result.error = DatabaseUrlError::make(Part::Scheme, scheme.error().message);
        return result;
    }
    const QString prefix = url.scheme() + QStringLiteral("://");
    if (!trimmed.startsWith(prefix, Qt::CaseInsensitive)) {
        result.error = DatabaseUrlError::make(
            Part::Host,
            QStringLiteral("missing '//' after the scheme; expected %1host/database").arg(prefix));
        return result;
    }
    const QString rest = trimmed.mid(prefix.size());
    if (!url.isValid()) {
        result.error = hasUnencodedUserInfo(rest) ? userInfoError(rest) : errorFromQUrl(url.errorString());
        return result;
    }
    if (url.hasFragment()) {
        result.error =
            hasUnencodedUserInfo(rest)
                ? userInfoError(rest)
                : DatabaseUrlError::make(url.hasQuery() ? Part::Option : Part::Database,
                                         QStringLiteral("contains an unencoded '#'; write it as %23"));
        return result;
    }

    DatabaseUrl parsed;
    parsed.setScheme(scheme.value());
    const Result<QString> user =
        UrlPercentEncoding::decode(url.userName(QUrl::FullyEncoded), UrlPercentEncoding::PlusIsSpace::No);
    if (!user) {
        result.error = DatabaseUrlError::make(Part::User, user.error().message);
        return result;
    }
    parsed.setUser(user.value());
    const Result<QString> password =
        UrlPercentEncoding::decode(url.password(QUrl::FullyEncoded), UrlPercentEncoding::PlusIsSpace::No);
    if (!password) {
        result.error = DatabaseUrlError::make(Part::Password, password.error().message);
        return result;
    }
    parsed.setPassword(password.value());
    if (parsed.user().isEmpty() && parsed.password().isEmpty() && rest.contains(QLatin1Char('@'))) {
        // QUrl found no user info, yet an '@' follows: a '/', '?' or '#' inside the password ended
        // the authority early (e.g. mysql://u:12?x@host).
        result.error = userInfoError(rest);
        return result;
    }
    parsed.setHost(url.host(QUrl::FullyEncoded));
    // QUrl accepts port 0; MySQL cannot listen there.
    const int port = url.port(-1);
    if (port == 0) {
        result.error =
            DatabaseUrlError::make(Part::Port, QStringLiteral("0 is not a usable port; use 1–65535 "
                                                              "(MySQL's default is 3306)"));
        return result;
    }
    parsed.setPort(port < 0 ? 0 : port);

    const QString path = url.path(QUrl::FullyEncoded);
    if (!path.isEmpty() && path != QLatin1String("/")) {
        const QString segment = path.mid(1);
        if (segment.contains(QLatin1Char('/'))) {
            result.error = hasUnencodedUserInfo(rest)
                               ? userInfoError(rest)
                               : DatabaseUrlError::make(
                                     Part::Database, QStringLiteral("contains an unencoded '/' (or ends with "
                                                                    "one); a database name is one path "
                                                                    "segment, write a literal '/' as %2F"));
            return result;
        }
        const Result<QString> database =
            UrlPercentEncoding::decode(segment, UrlPercentEncoding::PlusIsSpace::No);
        if (!database) {
            result.error = DatabaseUrlError::make(Part::Database, database.error().message);
            return result;
        }
        parsed.setDatabase(database.value());
    }
    QList<DatabaseUrl::Option> options;
    result.error = parseQuery(url.query(QUrl::FullyEncoded), &options);
    if (result.error.isError())
        return result;
    parsed.setOptions(options);
    return validate(parsed);
}

DatabaseUrl::ParseResult DatabaseUrlParser::validate(const DatabaseUrl &url)
{
    DatabaseUrl::ParseResult result;
    const Result<QString> scheme = normalizeScheme(url.scheme());
    if (!scheme) {
        result.error = DatabaseUrlError::make(Part::Scheme, scheme.error().message);
        return result;
    }
    if (url.user().isEmpty() && url.hasPassword()) {
        result.error =
            DatabaseUrlError::make(Part::User, QStringLiteral("missing; a password needs a user name"));
        return result;
    }
    const Result<QString> host = normalizeHost(url.host());
    if (!host) {
        result.error = DatabaseUrlError::make(Part::Host, host.error().message);
        return result;
    }
    if (url.hasExplicitPort() && (url.port() < 1 || url.port() > 65535)) {
        result.error = DatabaseUrlError::make(
            Part::Port,
            QStringLiteral("%1 is out of range; use 1–65535 (MySQL's default is 3306)").arg(url.port()));
        return result;
    }
    for (const DatabaseUrl::Option &option : url.options()) {
        if (option.key.isEmpty()) {
            result.error =
                DatabaseUrlError::make(Part::Option, QStringLiteral("an option has no name; write "
                                                                    "key=value pairs joined by '&'"));
            return result;
        }
    }
    result.url = url;
    result.url.setScheme(scheme.value());
    result.url.setHost(host.value());
    return result;
}

Result<QString> DatabaseUrlParser::normalizeScheme(const QString &scheme)
{
    const QString normalized = scheme.toLower();
    if (scheme.isEmpty())
        return invalid(
            QStringLiteral("missing; a database URL starts with mysql:// (or mysql2:// for Rails)"));
    if (DatabaseUrl::acceptedSchemes().contains(normalized))
        return normalized;
    // Echo the scheme only when it has a scheme's shape and is short; it precedes every credential.
    static const QRegularExpression shape(QStringLiteral("^[a-z][a-z0-9+.-]{0,31}$"));
    const QString shown =
        shape.match(normalized).hasMatch() ? QStringLiteral("'%1'").arg(normalized) : QStringLiteral("this");
    return invalid(QStringLiteral("%1 is not supported; use %2 (ClearDB databases are MySQL)")
                       .arg(shown, DatabaseUrl::acceptedSchemes().join(QStringLiteral(":// or ")) +
                                       QStringLiteral("://")));
}

Result<QString> DatabaseUrlParser::normalizeHost(const QString &host)
{
    if (host.isEmpty())
        return invalid(QStringLiteral("missing; expected a host name such as us-cdbr-east-06.cleardb.net"));
    if (host.contains(QLatin1Char('%')))
        return invalid(QStringLiteral("IPv6 zone identifiers ('%…') are not supported by MySQL drivers; use "
                                      "a routable address"));
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    QUrl probe;
    probe.setScheme(QStringLiteral("mysql"));
    probe.setHost(bare, QUrl::StrictMode);
    // QUrl validates names (IDNA), IPv4 and IPv6 literals, lower-cases them and gives ASCII (punycode).
    const QString normalized = probe.host(QUrl::FullyEncoded);
    if (!probe.isValid() || normalized.isEmpty())
        return invalid(
            QStringLiteral("is not a valid host name or IP address (IPv6 addresses go in brackets: "
                           "[2001:db8::1])"));
    return normalized;
}

DatabaseUrlError DatabaseUrlParser::errorFromQUrl(const QString &qurlError)
{
    // QUrl::errorString() quotes the whole URL, password included: only its fixed prefix is read.
    const QString hint = QStringLiteral("contains a character that must be ") + encodingHint();
    if (qurlError.startsWith(QLatin1String("Invalid user name")))
        return DatabaseUrlError::make(Part::User, hint);
    if (qurlError.startsWith(QLatin1String("Invalid password")))
        return DatabaseUrlError::make(Part::Password, hint);
    if (qurlError.startsWith(QLatin1String("Invalid port")))
        return DatabaseUrlError::make(Part::Port, QStringLiteral("is not a number from 1 to 65535"));
    if (qurlError.startsWith(QLatin1String("Invalid path")))
        return DatabaseUrlError::make(Part::Database, hint);
    if (qurlError.startsWith(QLatin1String("Invalid query")))
        return DatabaseUrlError::make(Part::Option, hint);
    if (qurlError.startsWith(QLatin1String("Invalid scheme")))
        return DatabaseUrlError::make(Part::Scheme,
                                      QStringLiteral("is malformed; use mysql:// or mysql2://"));
    return DatabaseUrlError::make(Part::Host, QStringLiteral("is not a valid host name or IP address (IPv6 "
                                                             "addresses go in brackets: [2001:db8::1])"));
}

bool DatabaseUrlParser::hasUnencodedUserInfo(const QString &afterSlashes)
{
    static const QRegularExpression delimiter(QStringLiteral("[/?#]"));
    qsizetype authorityEnd = afterSlashes.indexOf(delimiter);
    if (authorityEnd < 0)
        authorityEnd = afterSlashes.size();
    const qsizetype lastAt = afterSlashes.lastIndexOf(QLatin1Char('@'));
    return lastAt >= 0 &&
           (lastAt > authorityEnd || afterSlashes.left(authorityEnd).count(QLatin1Char('@')) > 1);
}

DatabaseUrlError DatabaseUrlParser::userInfoError(const QString &afterSlashes)
{
    // A ':' before the first '@' or delimiter means a password was given; blame it, else the user.
    static const QRegularExpression end(QStringLiteral("[@/?#]"));
    const qsizetype first = afterSlashes.indexOf(end);
    const bool hasPassword =
        afterSlashes.left(first < 0 ? afterSlashes.size() : first).contains(QLatin1Char(':'));
    return DatabaseUrlError::make(hasPassword ? Part::Password : Part::User,
                                  QStringLiteral("contains a reserved character; ") + encodingHint());
}

DatabaseUrlError DatabaseUrlParser::parseQuery(const QString &encodedQuery,
                                               QList<DatabaseUrl::Option> *options)
{
    // application/x-www-form-urlencoded pairs joined by '&'; empty pairs ("a=1&&b=2", "?") are skipped
    // as every target parser does.
    const QStringList pairs = encodedQuery.split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const Result<QString> key = UrlPercentEncoding::decode(equals < 0 ? pair : pair.left(equals),
                                                               UrlPercentEncoding::PlusIsSpace::Yes);
        const Result<QString> value =
            equals < 0
                ? Result<QString>(QString())
                : UrlPercentEncoding::decode(pair.mid(equals + 1), UrlPercentEncoding::PlusIsSpace::Yes);
        if (!key)
            return DatabaseUrlError::make(Part::Option, key.error().message);
        if (!value)
            return DatabaseUrlError::make(Part::Option, value.error().message);
        if (key->isEmpty()) {
            return DatabaseUrlError::make(Part::Option,
                                          QStringLiteral("an option has no name; write key=value "
                                                         "pairs joined by '&'"));
        }
        options->append({key.value(), value.value()});
    }
    return {};
}
