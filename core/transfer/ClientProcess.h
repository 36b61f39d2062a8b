// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QProcess>
#include <QString>

// The mariadb or mariadb-dump child of a transfer job (ClientQuery, DumpJob, RestoreJob): it runs with
// MariaDbTools::childEnvironment() (no credentials; the login is in the option file), keeps the last
// ChildErrorText::MaxKeptBytes of the child's stderr for the job's one error line, turns "could not start"
// into the error that names the package to install, and when its job goes it kills the child without
// calling back into the half-destroyed job.
class ClientProcess : public QProcess
{
    Q_OBJECT
public:
    // `tool` is the program's name in messages ("mariadb-dump").
    explicit ClientProcess(const QString &tool, QObject *parent = nullptr);
    ~ClientProcess() override;

    // The tail of what the child wrote on stderr, including what was not read yet.
    QByteArray errorOutput();

Q_SIGNALS:
    void failedToStart(const Error &error);

private:
    void keepErrorOutput();

    QString m_tool;
    QByteArray m_stderr;
};
