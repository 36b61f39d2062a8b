// SPDX-License-Identifier: MIT
#include "ApiEndpoint.h"

#include <QHostAddress>
#include <QProcessEnvironment>

bool ApiEndpoint::isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ApiEndpoint ApiEndpoint::fromEnvironment()
{
    return fromSetting(QProcessEnvironment::systemEnvironment().value(QStringLiteral("HEROKU_HOST")));
}

ApiEndpoint ApiEndpoint::fromSetting(const QString &hostSetting)
{
    ApiEndpoint endpoint;
    const QString setting = hostSetting.trimmed();
    if (setting.isEmpty()) {
        endpoint.m_baseUrl = QUrl(QString::fromLatin1(DefaultUrl));
        return endpoint;
    }
    // The Heroku CLI also accepts a bare host name ("api.example.com"); treat it as https.
    const QString withScheme =
        setting.contains(QStringLiteral("://")) ? setting : QStringLiteral("https://") + setting;
    QUrl url(withScheme, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        endpoint.m_error = HerokuError::configuration(QStringLiteral(
            "HEROKU_HOST is not a valid URL; set it to a full URL such as https://api.heroku.com"));
        return endpoint;
    }
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        endpoint.m_error = HerokuError::configuration(
            QStringLiteral("HEROKU_HOST uses the scheme \"%1\"; use https:// (or http:// for 127.0.0.1)")
                .arg(scheme));
        return endpoint;
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        endpoint.m_error = HerokuError::configuration(
            QStringLiteral("HEROKU_HOST %1 uses plain http; the API token may only travel unencrypted to "
                           "127.0.0.1 or localhost, so use https://")
                .arg(url.host()));
        return endpoint;
    }
    if (!url.userInfo().isEmpty()) {
        endpoint.m_error = HerokuError::configuration(QStringLiteral(
            "HEROKU_HOST must not contain a user or password; put the token in HEROKU_API_KEY or run "
            "cleardbctl login"));
        return endpoint;
    }
    url.setPath(url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path());
    url.setQuery(QString());
    url.setFragment(QString());
    endpoint.m_baseUrl = url;
    return endpoint;
}

bool ApiEndpoint::isLoopback() const
{
    return isLoopbackHost(m_baseUrl.host());
}

QString ApiEndpoint::netrcMachine() const
{
    // fromSetting() refuses a user or password, so the authority is host[:port] (IPv6 in brackets).
    return m_baseUrl.authority(QUrl::FullyEncoded).toLower();
}

QUrl ApiEndpoint::resolve(const QString &pathAndQuery) const
{
    QUrl url = m_baseUrl;
    const int q = pathAndQuery.indexOf(QLatin1Char('?'));
    const QString path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
    url.setPath(m_baseUrl.path() + path, QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    return url;
}
