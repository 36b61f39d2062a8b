// SPDX-License-Identifier: MIT
#include "CtlSettings.h"

namespace {
// The variable's value, `fallback` when it is unset, or an InvalidInput error naming it.
Result<int> readMs(const QProcessEnvironment &env, const QString &name, int minimum, int maximum,
                   int fallback)
{
    const QString text = env.value(name).trimmed();
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum)
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("%1 must be a number of milliseconds between %2 and %3, not \"%4\"")
                             .arg(name)
                             .arg(minimum)
                             .arg(maximum)
                             .arg(text.left(20)));
    return parsed;
}
} // namespace

Result<CtlSettings> CtlSettings::fromEnvironment(const QProcessEnvironment &env)
{
    CtlSettings settings;
    const Result<int> timeout =
        readMs(env, QStringLiteral("CLEARDBCTL_TIMEOUT_MS"), 100, 600000, settings.timeoutMs);
    if (!timeout)
        return timeout.error();
    const Result<int> poll =
        readMs(env, QStringLiteral("CLEARDBCTL_POLL_MS"), 50, 600000, settings.pollIntervalMs);
    if (!poll)
        return poll.error();
    settings.timeoutMs = timeout.value();
    settings.pollIntervalMs = poll.value();
    return settings;
}

QString CtlSettings::helpText()
{
    return QStringLiteral(
        "Environment:\n"
        "  HEROKU_API_KEY         API token; wins over `cleardbctl login` and ~/.netrc\n"
        "  HEROKU_HOST            API base URL (default https://api.heroku.com; plain http only for\n"
        "                         127.0.0.1/localhost, e.g. a local heroku-sim)\n"
        "  CLEARDBCTL_TIMEOUT_MS  per-request timeout in ms (default 30000)\n"
        "  CLEARDBCTL_POLL_MS     `provision --wait` polling interval in ms (default 2000)\n"
        "\n"
        "Exit status: 0 success, 1 the operation failed (API, network), 2 usage error.\n");
}
