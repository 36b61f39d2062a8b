// SPDX-License-Identifier: MIT
#pragma once

#include "CtlSettings.h"
#include "Output.h"
#include "common/Error.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>

#include <functional>

class HerokuClient;
class QNetworkAccessManager;
struct HerokuError;
struct HerokuResult;

// What every command runs with: the API client, the output, the settings, and
// the one way to end the program.
//
// Commands are asynchronous: they start requests and, when the last answer is
// in, call succeed() or one of the failures, which print and then end the event
// loop through QCoreApplication::exit(code). The first exit wins; later calls
// (a late reply after an error) are ignored, so a command cannot print two
// verdicts. Exit codes are cleardbctl's contract: 0 success, 1 the operation
// failed, 2 usage error.
class CommandContext : public QObject
{
    Q_OBJECT
public:
    enum ExitCode
    {
        Success = 0,
        Failure = 1,
        UsageError = 2,
    };

    CommandContext(const CtlSettings &settings, QObject *parent = nullptr);
    ~CommandContext() override;

    HerokuClient *client() const { return m_client; }
    // The one network manager of the process, for exchanges that are not Platform API calls.
    QNetworkAccessManager *network() const { return m_network; }
    const Output &out() const { return m_output; }
    Output &out() { return m_output; }
    const CtlSettings &settings() const { return m_settings; }

    void succeed() { exit(Success); }
    // Every failure ends here: "error: <Error::oneLine()>" on stderr, nothing on stdout (a script
    // reading --json output sees an empty stdout and the exit status), and exit 1.
    void fail(const Error &error);
    // "error: <message> (<id>, request <Request-Id>)": HerokuError::toError().
    void fail(const HerokuError &error);
    // How a list command ends (apps, addons, plans): fails on an error; with --json prints the API's
    // own array; else a table of `rowsOf(array)` under `headers`, or `emptyText`. Then exits.
    void finishList(const HerokuResult &result, const QStringList &headers,
                    const std::function<QList<QStringList>(const QJsonArray &)> &rowsOf,
                    const QString &emptyText);
    // One line plus the --help hint for `command` (empty: the program), exit 2.
    void usageError(const QString &message, const QString &command = QString());
    void exit(int code);
    bool hasExited() const { return m_exited; }

private:
    CtlSettings m_settings;
    Output m_output;
    QNetworkAccessManager *m_network;
    HerokuClient *m_client;
    bool m_exited = false;
};
