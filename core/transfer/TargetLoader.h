// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/ClientProcess.h"
#include "transfer/DatabaseEndpoint.h"

#include <QObject>

#include <memory>

class ClientOptionFile;
class ClientQuery;

// The target side of a restore or a copy: SQL written into `mariadb --sandbox` logged in to the target
// (login in a ClientOptionFile), after checking what the target already holds. RestoreJob feeds it
// from a file, CopyJob from a DumpStream.
//
//     TargetLoader loader(target, TargetLoader::Mode::RefuseNonEmpty, QStringLiteral("copy"));
//     connect(&loader, &TargetLoader::inspected, …);     // an error: refused, and nothing was changed
//     loader.inspect();  … loader.start();  loader.write(sql); …  loader.closeInput();
//     connect(&loader, &TargetLoader::finished, …);      // the client exited: loaded, or how it failed
//
// A target with tables, views, routines or events is refused, untouched, unless Mode::Replace: then
// those objects are dropped first, in the same client session. The client runs in sandbox mode, because
// the stock client runs `\! cmd` lines from its input: SQL from elsewhere is data, not a script to trust.
// Flow control is the caller's: pending() is what we hold that the client has not read yet, and
// bytesWritten() says it read some.
class TargetLoader : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        RefuseNonEmpty,
        Replace,
    };

    // `operation` names the job in messages: "restore", "copy".
    TargetLoader(const DatabaseEndpoint &target, Mode mode, const QString &operation,
                 QObject *parent = nullptr);
    ~TargetLoader() override;

    void inspect();
    // Starts the client (after a successful inspected()), dropping the target's objects first if replacing.
    void start();
    void write(const QByteArray &sql);
    // Everything is written: the client exits when it has run it all.
    void closeInput();
    // Stops the inspection or kills the client; inspected() or finished() then report a Cancelled error.
    void cancel();

    bool isLoading() const { return m_loading; }
    qint64 pending() const { return m_process.bytesToWrite(); }
    // "<target> may be partly loaded…: run the <operation> again with replace to complete it."
    QString partialStateMessage() const;
    QStringList arguments() const { return m_process.arguments(); }
    qint64 processId() const { return m_process.processId(); }

Q_SIGNALS:
    void inspected(const Status &status);
    void bytesWritten();
    // The client's outcome; a failure's message ends with partialStateMessage().
    void finished(const Status &status);

private:
    void inspectionDone();
    void clientExited(int code, QProcess::ExitStatus exitStatus);
    void finish(const Status &status);

    DatabaseEndpoint m_target;
    Mode m_mode;
    QString m_operation;
    ClientQuery *m_inspection = nullptr;
    std::unique_ptr<ClientOptionFile> m_optionFile;
    ClientProcess m_process{QStringLiteral("mariadb")};
    QByteArray m_prelude;
    bool m_replacing = false;
    bool m_inputClosed = false;
    bool m_loading = false;
    bool m_cancelled = false;
    bool m_finished = false;
};
