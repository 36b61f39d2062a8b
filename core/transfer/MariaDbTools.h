// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// How the transfer jobs run Debian's MariaDB client programs (package mariadb-client): which program,
// which arguments, which environment. The login always comes from a ClientOptionFile given first
// (--defaults-file=…), so no argument ever holds a password.
//
// Dump options and why:
//   --single-transaction  one consistent InnoDB snapshot, without LOCK TABLES or FLUSH (no RELOAD);
//   --skip-lock-tables    say so explicitly: locking needs LOCK TABLES and blocks the application;
//   --routines --triggers views come anyway; routines and triggers need only the privileges a ClearDB
//                         user has on their own database (SELECT, SHOW VIEW, TRIGGER, EXECUTE);
//   (no --events)         events need the EVENT privilege and a running event scheduler on the
//                         target, which shared plans do not offer;
//   --hex-blob            binary columns as 0x… literals: no byte depends on a character set;
//   --no-tablespaces      MySQL 8's dump needs PROCESS for tablespace information;
//   --skip-add-locks      no LOCK TABLES … WRITE in the file, so loading needs no LOCK TABLES either;
//   --default-character-set=utf8mb4, --tz-utc (the default) TIMESTAMPs and text load unchanged anywhere;
//   --quick (the default) rows stream one at a time: the dump's memory stays flat.
//   -- DATABASE           one database, without CREATE DATABASE / USE, so it restores under any name.
// Never --master-data, --dump-slave or --flush-logs: they need RELOAD and would write to the source.
//
// Restores run `mariadb --sandbox`, which refuses the client commands that reach the file system or a
// shell (\! system, source, tee, pager): a dump file from elsewhere is data, not a script to trust.
class MariaDbTools
{
public:
    // mariadb-dump (or mysqldump) and mariadb (or mysql) from PATH; empty when not installed.
    static QString dumpProgram();
    static QString clientProgram();

    static QStringList dumpArguments(const QString &optionFileArgument, const QString &database);
    static QStringList restoreArguments(const QString &optionFileArgument, const QString &database);
    // One query, tab-separated rows without a header (--batch --skip-column-names), as `mariadb -e`.
    static QStringList queryArguments(const QString &optionFileArgument, const QString &database,
                                      const QString &sql);

    // The caller's environment without credentials (DaemonEnvironment's rules: MYSQL_PWD, *_DATABASE_URL,
    // HEROKU_API_KEY, …), and without MYSQL_HOST / MYSQL_TCP_PORT, which would redirect a client.
    static QProcessEnvironment childEnvironment();

    static QString notInstalledMessage(const QString &program);
};
