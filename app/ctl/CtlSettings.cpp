// SPDX-License-Identifier: MIT
#include "CtlSettings.h"

namespace {
bool readMs(const QProcessEnvironment &env, const QString &name, int minimum, int maximum, int *value,
            QString *error)
{
    const QString text = env.value(name).trimmed();
    if (text.isEmpty())
        return true;
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        *error = QStringLiteral("%1 must be a number of milliseconds between %2 and %3, not \"%4\"")
                     .arg(name)
                     .arg(minimum)
                     .arg(maximum)
                     .arg(text.left(20));
        return false;
    }
    *value = parsed;
    return true;
}
} // namespace

bool CtlSettings::fromEnvironment(const QProcessEnvironment &env, CtlSettings *settings, QString *error)
{
    return readMs(env, QStringLiteral("CLEARDBCTL_TIMEOUT_MS"), 100, 600000, &settings->timeoutMs, error) &&
           readMs(env, QStringLiteral("CLEARDBCTL_POLL_MS"), 50, 600000, &settings->pollIntervalMs, error);
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
