// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QProcessEnvironment>
#include <QUrl>

// Where the Heroku CLI's browser sign-in lives: HEROKU_LOGIN_HOST when set, else
// https://cli-auth.heroku.com, as @heroku-cli/command's login does. Like ApiEndpoint
// we want a full URL (a bare host name means https) and refuse plain http to
// anything but a loopback address: the poll token and the access token that comes
// back travel on this connection, and only heroku-sim on this machine may see them
// unencrypted. The CLI itself does not check this variable at all.
namespace CliAuthHost {
inline constexpr const char *DefaultUrl = "https://cli-auth.heroku.com";

// Parses `setting` (empty means the default) into the base URL paths are appended to.
Result<QUrl> fromSetting(const QString &setting);
// HEROKU_LOGIN_HOST from `environment`.
Result<QUrl> fromEnvironment(const QProcessEnvironment &environment);
// base + an absolute path the login host handed out ("/auth/cli/browser/…?requestor=…"),
// refused unless it really is a path on that host: a full URL there could send the poll
// token elsewhere.
Result<QUrl> resolve(const QUrl &base, const QString &pathAndQuery);
} // namespace CliAuthHost
