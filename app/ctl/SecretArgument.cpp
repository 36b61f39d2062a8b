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

bool readStdin(const QString &what, QString *value, QString *error)
{
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO) == 1) {
        const TokenReader::Result line = TokenReader::readFromStdin(QStringLiteral("%1: ").arg(what));
        *value = line.token;
        if (!line.error.isEmpty())
            *error = QStringLiteral("could not read %1 from stdin").arg(what);
        return line.error.isEmpty();
    }
#endif
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        *error = QStringLiteral("could not read %1 from stdin").arg(what);
        return false;
    }
    // All of it (a PEM key spans lines) minus the one line ending `echo` and here-strings add.
    QByteArray data = in.readAll();
    if (data.endsWith('\n'))
        data.chop(1);
    if (data.endsWith('\r'))
        data.chop(1);
    *value = QString::fromUtf8(data);
    return true;
}
} // namespace

bool SecretArgument::isLiteral(const QString &argument)
{
    return argument != QLatin1String("-") && !argument.startsWith(kEnvPrefix);
}

bool SecretArgument::resolve(const QString &argument, const QString &what, QString *value, QString *error)
{
    if (argument == QLatin1String("-")) {
        if (stdinUsed()) {
            *error = QStringLiteral("stdin can supply only one value per run; use env:NAME for %1").arg(what);
            return false;
        }
        stdinUsed() = true;
        if (!readStdin(what, value, error))
            return false;
        if (value->isEmpty()) {
            *error = QStringLiteral("nothing on stdin for %1").arg(what);
            return false;
        }
        return true;
    }
    if (argument.startsWith(kEnvPrefix)) {
        const QString name = argument.mid(kEnvPrefix.size());
        if (name.isEmpty()) {
            *error = QStringLiteral("env: needs a variable name (env:NAME) for %1").arg(what);
            return false;
        }
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        *value = environment.value(name);
        if (value->isEmpty()) {
            *error = environment.contains(name)
                         ? QStringLiteral("environment variable %1 (for %2) is empty").arg(name, what)
                         : QStringLiteral("environment variable %1 (for %2) is not set").arg(name, what);
            return false;
        }
        return true;
    }
    *value = argument;
    return true;
}

QString SecretArgument::literalWarning(const QString &what, const QString &safeForms)
{
    return QStringLiteral("%1 given on the command line is visible to other local users in the process "
                          "list; %2")
        .arg(what, safeForms);
}
