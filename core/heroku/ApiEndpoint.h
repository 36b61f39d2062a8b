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
    // The ~/.netrc machine `heroku login` uses for this endpoint: @heroku-cli/command's
    // vars.apiHost, which is Node's url.parse(HEROKU_HOST).host, the lower-cased host *with* its port
    // when the URL names one ("127.0.0.1:5000", "[::1]:5000"), else the host ("api.heroku.com").
    QString netrcMachine() const;
    bool isLoopback() const;
    // "localhost" or a loopback address: the only hosts plain http may reach (nothing leaves the machine).
    static bool isLoopbackHost(const QString &host);
    // base + path ("/apps/x"), path already percent-encoded by the caller.
    QUrl resolve(const QString &pathAndQuery) const;

private:
    QUrl m_baseUrl;
    HerokuError m_error;
};
