// SPDX-License-Identifier: MIT
#include "CliAuthHost.h"

#include "ApiEndpoint.h"

namespace {
Error settingError(const QString &message)
{
    return makeError(Error::Kind::InvalidInput, message);
}
} // namespace

Result<QUrl> CliAuthHost::fromEnvironment(const QProcessEnvironment &environment)
{
    return fromSetting(environment.value(QStringLiteral("HEROKU_LOGIN_HOST")));
}

Result<QUrl> CliAuthHost::fromSetting(const QString &setting)
{
    const QString trimmed = setting.trimmed();
    if (trimmed.isEmpty())
        return QUrl(QString::fromLatin1(DefaultUrl));
    const QString withScheme =
        trimmed.contains(QStringLiteral("://")) ? trimmed : QStringLiteral("https://") + trimmed;
    QUrl url(withScheme, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return settingError(QStringLiteral("HEROKU_LOGIN_HOST is not a valid URL; set it to a full URL such "
                                           "as https://cli-auth.heroku.com, or unset it"));
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return settingError(
            QStringLiteral(
                "HEROKU_LOGIN_HOST uses the scheme \"%1\"; use https:// (or http:// for 127.0.0.1)")
                .arg(scheme));
    if (scheme == QLatin1String("http") && !ApiEndpoint::isLoopbackHost(url.host()))
        return settingError(QStringLiteral("HEROKU_LOGIN_HOST %1 uses plain http; the sign-in token may only "
                                           "travel unencrypted to 127.0.0.1 or localhost, so use https://")
                                .arg(url.host()));
    if (!url.userInfo().isEmpty())
        return settingError(QStringLiteral("HEROKU_LOGIN_HOST must not contain a user or password"));
    url.setPath(url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

Result<QUrl> CliAuthHost::resolve(const QUrl &base, const QString &pathAndQuery)
{
    // "//evil.example/x" would be a network-path reference (RFC 3986 §4.2) to another host.
    if (!pathAndQuery.startsWith(QLatin1Char('/')) || pathAndQuery.startsWith(QStringLiteral("//")))
        return makeError(Error::Kind::Remote,
                         QStringLiteral("The Heroku login host answered with an address that is not one of "
                                        "its own paths; sign in with an API token instead"),
                         pathAndQuery.left(200));
    QUrl url = base;
    const int q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(base.path() + (q < 0 ? pathAndQuery : pathAndQuery.left(q)), QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1), QUrl::TolerantMode);
    if (!url.isValid())
        return makeError(Error::Kind::Remote,
                         QStringLiteral("The Heroku login host answered with an address that is not valid; "
                                        "sign in with an API token instead"),
                         pathAndQuery.left(200));
    return url;
}
