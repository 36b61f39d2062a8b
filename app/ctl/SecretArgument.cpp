// SPDX-License-Identifier: MIT
#include "SecretArgument.h"

#include "TokenReader.h"

#include <QFile>
#include <QProcessEnvironment>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {
const QString kEnvPrefix = QStringLiteral("env:");

// stdin is a stream: a second `-` in one run would read nothing and silently set an empty value.
bool &stdinUsed()
{
    static bool used = false;
    return used;
}

Result<QString> readStdin(const QString &what)
{
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO) == 1) {
        const Result<QString> line = TokenReader::readFromStdin(QStringLiteral("%1: ").arg(what));
        if (!line)
            return makeError(Error::Kind::Io, QStringLiteral("could not read %1 from stdin").arg(what));
        return line.value();
    }
#endif
    return SecretArgument::readAllOfStdin(what);
}

Error invalid(const QString &message)
{
    return makeError(Error::Kind::InvalidInput, message);
}
} // namespace

Result<QString> SecretArgument::readAllOfStdin(const QString &what)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return makeError(Error::Kind::Io, QStringLiteral("could not read %1 from stdin").arg(what));
    // All of it (a PEM key spans lines) minus the one line ending `echo` and here-strings add.
    QByteArray data = in.readAll();
    if (data.endsWith('\n'))
        data.chop(1);
    if (data.endsWith('\r'))
        data.chop(1);
    return QString::fromUtf8(data);
}

bool SecretArgument::isLiteral(const QString &argument)
{
    return argument != QLatin1String("-") && !argument.startsWith(kEnvPrefix);
}

Result<QString> SecretArgument::resolve(const QString &argument, const QString &what)
{
    if (argument == QLatin1String("-")) {
        if (stdinUsed())
            return invalid(
                QStringLiteral("stdin can supply only one value per run; use env:NAME for %1").arg(what));
        stdinUsed() = true;
        Result<QString> value = readStdin(what);
        if (value && value.value().isEmpty())
            return invalid(QStringLiteral("nothing on stdin for %1").arg(what));
        return value;
    }
    if (argument.startsWith(kEnvPrefix)) {
        const QString name = argument.mid(kEnvPrefix.size());
        if (name.isEmpty())
            return invalid(QStringLiteral("env: needs a variable name (env:NAME) for %1").arg(what));
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString value = environment.value(name);
        if (value.isEmpty())
            return invalid(
                environment.contains(name)
                    ? QStringLiteral("environment variable %1 (for %2) is empty").arg(name, what)
                    : QStringLiteral("environment variable %1 (for %2) is not set").arg(name, what));
        return value;
    }
    return argument;
}

QString SecretArgument::literalWarning(const QString &what, const QString &safeForms)
{
    return QStringLiteral("%1 given on the command line is visible to other local users in the process "
                          "list; %2")
        .arg(what, safeForms);
}
