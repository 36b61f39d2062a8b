// SPDX-License-Identifier: MIT
#pragma once

#include "HerokuError.h"

#include <QUrl>

// Where the Platform API lives. Like the Heroku CLI we read HEROKU_HOST, but we
// accept it only as a full URL and refuse plain http to anything but a loopback
// address: the token travels in every request, and only heroku-sim on this
// machine may see it unencrypted.
class ApiEndpoint
{
public:
    static constexpr const char *DefaultUrl = "https://api.heroku.com";

    // Parses `hostSetting` (empty means the default). On failure isValid() is false
    // and error() says what to change.
    static ApiEndpoint fromSetting(const QString &hostSetting);
    // HEROKU_HOST from the process environment.
    static ApiEndpoint fromEnvironment();

    bool isValid() const { return !m_error.isError(); }
    const HerokuError &error() const { return m_error; }
    QUrl baseUrl() const { return m_baseUrl; }
    // The host name, as ~/.netrc and the keychain key it ("api.heroku.com").
    QString host() const { return m_baseUrl.host(); }
    bool isLoopback() const;
    // base + path ("/apps/x"), path already percent-encoded by the caller.
    QUrl resolve(const QString &pathAndQuery) const;

private:
    QUrl m_baseUrl;
    HerokuError m_error;
};
