// SPDX-License-Identifier: MIT
#include "transfer/MariaDbTools.h"

#include "sandbox/DaemonEnvironment.h"

#include <QStandardPaths>

namespace {

QString findFirst(const QStringList &names)
{
    for (const QString &name : names) {
        const QString path = QStandardPaths::findExecutable(name);
        if (!path.isEmpty())
            return path;
    }
    return {};
}

} // namespace

QString MariaDbTools::dumpProgram()
{
    return findFirst({QStringLiteral("mariadb-dump"), QStringLiteral("mysqldump")});
}

QString MariaDbTools::clientProgram()
{
    return findFirst({QStringLiteral("mariadb"), QStringLiteral("mysql")});
}

QStringList MariaDbTools::dumpArguments(const QString &optionFileArgument, const QString &database)
{
    return {optionFileArgument,
            QStringLiteral("--single-transaction"),
            QStringLiteral("--skip-lock-tables"),
            QStringLiteral("--routines"),
            QStringLiteral("--triggers"),
            QStringLiteral("--hex-blob"),
            QStringLiteral("--no-tablespaces"),
            QStringLiteral("--skip-add-locks"),
            QStringLiteral("--default-character-set=utf8mb4"),
            QStringLiteral("--tz-utc"),
            QStringLiteral("--quick"),
            QStringLiteral("--"),
            database};
}

QStringList MariaDbTools::restoreArguments(const QString &optionFileArgument, const QString &database)
{
    return {optionFileArgument, QStringLiteral("--sandbox"), QStringLiteral("--batch"),
            QStringLiteral("--default-character-set=utf8mb4"), QStringLiteral("--database=") + database};
}

QStringList MariaDbTools::queryArguments(const QString &optionFileArgument, const QString &database,
                                         const QString &sql)
{
    return {optionFileArgument,
            QStringLiteral("--sandbox"),
            QStringLiteral("--batch"),
            QStringLiteral("--skip-column-names"),
            QStringLiteral("--default-character-set=utf8mb4"),
            QStringLiteral("--database=") + database,
            QStringLiteral("--execute=") + sql};
}

QProcessEnvironment MariaDbTools::childEnvironment()
{
    QProcessEnvironment environment =
        DaemonEnvironment::withoutCredentials(QProcessEnvironment::systemEnvironment());
    for (const char *name : {"MYSQL_HOST", "MYSQL_TCP_PORT", "MYSQL_UNIX_PORT", "MYSQL_PWD", "MARIADB_HOME"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

QString MariaDbTools::notInstalledMessage(const QString &program)
{
    return QStringLiteral("%1 is not installed: install the mariadb-client package.").arg(program);
}
