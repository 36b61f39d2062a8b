// SPDX-License-Identifier: MIT
#include "ToolRunner.h"

#include <QProcess>
#include <QStandardPaths>

QString ToolRun::describe() const
{
    if (!finished)
        return QStringLiteral("did not finish: ") + err;
    const QString text = err.trimmed().isEmpty() ? out.trimmed() : err.trimmed();
    return QStringLiteral("exited %1: %2").arg(exitCode).arg(text.right(4000));
}

ToolRun ToolRunner::run(const QString &program, const QStringList &arguments, int timeoutMs,
                        const QProcessEnvironment &environment)
{
    ToolRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        result.err = program + QStringLiteral(" could not start: ") + process.errorString();
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = program + QStringLiteral(" took longer than %1 s").arg(timeoutMs / 1000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    if (!result.finished)
        result.err.prepend(program + QStringLiteral(" crashed. "));
    return result;
}

Result<QString> ToolRunner::require(const QString &tool, const QString &debianPackage)
{
    const QString path = QStandardPaths::findExecutable(tool);
    if (path.isEmpty())
        return makeError(Error::Kind::NotFound, QStringLiteral("%1 is missing: apt-get install %2 (or run "
                                                               "scripts/setup.sh)")
                                                    .arg(tool, debianPackage));
    return path;
}

QString ToolRunner::failure(const Result<QString> &required)
{
    return required ? QString() : required.error().oneLine();
}
