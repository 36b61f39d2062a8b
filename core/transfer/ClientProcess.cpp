// SPDX-License-Identifier: MIT
#include "transfer/ClientProcess.h"

#include "transfer/ChildErrorText.h"
#include "transfer/MariaDbTools.h"

ClientProcess::ClientProcess(const QString &tool, QObject *parent) : QProcess(parent), m_tool(tool)
{
    // A client child never needs what credentials our own environment holds: its login is in the option file.
    setProcessEnvironment(MariaDbTools::childEnvironment());
    connect(this, &QProcess::readyReadStandardError, this, &ClientProcess::keepErrorOutput);
    connect(this, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failedToStart(
                makeError(Error::Kind::Unsupported, MariaDbTools::notInstalledMessage(m_tool)));
    });
}

ClientProcess::~ClientProcess()
{
    // The job that owns us is being destroyed: no finished() or output may reach it any more.
    blockSignals(true);
    if (state() != QProcess::NotRunning) {
        kill();
        waitForFinished(1000);
    }
}

void ClientProcess::keepErrorOutput()
{
    m_stderr += readAllStandardError();
    m_stderr = m_stderr.right(ChildErrorText::MaxKeptBytes);
}

QByteArray ClientProcess::errorOutput()
{
    keepErrorOutput();
    return m_stderr;
}
