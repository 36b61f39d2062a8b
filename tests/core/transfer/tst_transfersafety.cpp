// SPDX-License-Identifier: MIT
// What dump and restore must never do, against real MariaDB servers (the fixture cluster): overwrite a
// non-empty target unasked, show a password (argv, environment, errors, logs), or leave a partial
// file behind; and what they say when stopped halfway, after which a replace run completes the job.
#include "MessageCapture.h"
#include "TransferTestDb.h"
#include "transfer/DumpJob.h"
#include "transfer/RestoreJob.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace TransferTestDb;

class TestTransferSafety : public QObject
{
    Q_OBJECT

    SandboxStatus m_status;
    QTemporaryDir m_tmp;
    const QString m_passC = QStringLiteral("C-pass'w\"ord #9 unique");
    const QString m_passD = QStringLiteral("D-target pass #4 unique");
    QString m_smallDump;
    QString m_bigDump;

    DatabaseEndpoint userC(const QString &db) const
    {
        return endpoint(m_status, QStringLiteral("xfer_c"), m_passC, db);
    }
    DatabaseEndpoint userD(const QString &db) const
    {
        return endpoint(m_status, QStringLiteral("xfer_d"), m_passD, db);
    }

    QStringList filesIn(const QString &dir) const { return QDir(dir).entryList(QDir::Files | QDir::Hidden); }

    QByteArray count(const QString &db, const QByteArray &table)
    {
        const auto r = rows(admin(m_status, db), "SELECT COUNT(*) FROM " + table);
        return r.isEmpty() ? QByteArray() : r.first().first();
    }

    // While the child runs: its argv names our option file and holds no password, its environment
    // holds none, and the option file is private.
    void checkChildHidesPassword(qint64 pid, const QString &password)
    {
        const QByteArray cmdline = readProc(pid, "cmdline");
        QVERIFY2(cmdline.contains("--defaults-file="),
                 cmdline.constData()); // premise: we read the child's argv
        QVERIFY(!cmdline.contains(password.toUtf8()));
        const QByteArray environ = readProc(pid, "environ");
        QVERIFY(!environ.isEmpty());
        QVERIFY(!environ.contains(password.toUtf8()));
        const QByteArray first = cmdline.split('\0').value(1);
        const QString optionFile = QString::fromUtf8(first.mid(int(qstrlen("--defaults-file="))));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(optionFile).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        QFile file(optionFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("password=")); // the password went there instead
        m_optionFiles << optionFile;
    }
    QStringList m_optionFiles;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        QByteArray setup;
        for (const char *db : {"xfer_small", "xfer_big", "xfer_busy", "xfer_load", "xfer_shell"})
            setup += QByteArray("DROP DATABASE IF EXISTS ") + db + "; CREATE DATABASE " + db + ";\n";
        for (const auto &[user, password] : {std::pair{"xfer_c", m_passC}, std::pair{"xfer_d", m_passD}})
            setup += QByteArray("DROP USER IF EXISTS ") + user + "@'%'; CREATE USER " + user +
                     "@'%' IDENTIFIED BY " + sqlString(password) + ";\n";
        setup +=
            "GRANT ALL ON xfer_small.* TO xfer_c@'%'; GRANT ALL ON xfer_big.* TO xfer_c@'%';"
            "GRANT ALL ON xfer_busy.* TO xfer_d@'%'; GRANT ALL ON xfer_load.* TO xfer_d@'%';"
            "GRANT ALL ON xfer_shell.* TO xfer_d@'%';"
            "CREATE TABLE xfer_small.t (id INT PRIMARY KEY, v VARCHAR(10)); INSERT INTO xfer_small.t VALUES "
            "(1, 'a'), (2, 'b');"
            "CREATE VIEW xfer_small.v AS SELECT id FROM xfer_small.t;"
            "CREATE TABLE xfer_busy.keep (id INT PRIMARY KEY); INSERT INTO xfer_busy.keep VALUES (7);"
            // 3000 rows of 1000 random bytes: about 6 MB of hex in the dump, long enough to stop halfway.
            "CREATE TABLE xfer_big.big (id INT PRIMARY KEY, b BLOB);"
            "INSERT INTO xfer_big.big SELECT seq, RANDOM_BYTES(1000) FROM xfer_big.seq_1_to_3000;";
        const SqlRun run = sql(admin(m_status, QString()), setup);
        QVERIFY2(run.exitCode == 0, run.err.constData());

        m_smallDump = m_tmp.filePath(QStringLiteral("small.sql"));
        DumpJob dump(userC(QStringLiteral("xfer_small")), m_smallDump);
        QVERIFY(runToEnd(dump));
        QVERIFY2(dump.status().ok(), qPrintable(dump.status() ? QString() : dump.status().error().oneLine()));
    }

    void nonEmptyTargetIsRefusedAndLeftUntouched()
    {
        const QByteArrayList before = snapshot(admin(m_status, QStringLiteral("xfer_busy")));
        QCOMPARE(before.size(), 2); // premise: the target holds a table with one row
        RestoreJob restore(m_smallDump, userD(QStringLiteral("xfer_busy")), RestoreJob::Mode::RefuseNonEmpty);
        QVERIFY(runToEnd(restore));
        QVERIFY(!restore.status().ok());
        QCOMPARE(restore.status().error().kind, Error::Kind::Conflict);
        QVERIFY2(restore.status().error().message.contains(QStringLiteral("not empty (1 table(s))")),
                 qPrintable(restore.status().error().message));
        QVERIFY(restore.clientArguments().isEmpty()); // the loading client never started
        QCOMPARE(snapshot(admin(m_status, QStringLiteral("xfer_busy"))), before);

        RestoreJob replace(m_smallDump, userD(QStringLiteral("xfer_busy")), RestoreJob::Mode::Replace);
        QVERIFY(runToEnd(replace));
        QVERIFY2(replace.status().ok(),
                 qPrintable(replace.status() ? QString() : replace.status().error().oneLine()));
        QCOMPARE(snapshot(admin(m_status, QStringLiteral("xfer_busy"))),
                 snapshot(admin(m_status, QStringLiteral("xfer_small"))));
    }

    void wrongPasswordIsOneLineWithoutThePassword()
    {
        const QString wrong = QStringLiteral("Wrong#Pass-unique-4711");
        MessageCapture capture;
        DatabaseEndpoint source = userC(QStringLiteral("xfer_small"));
        source.password = Secret(wrong);
        const QString output = m_tmp.filePath(QStringLiteral("never.sql"));
        DumpJob dump(source, output);
        QVERIFY(runToEnd(dump));
        QVERIFY(!dump.status().ok());
        const QString line = dump.status().error().oneLine();
        QVERIFY2(line.contains(QStringLiteral("Access denied")),
                 qPrintable(line)); // premise: the server refused us
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QVERIFY(!line.contains(wrong));
        QCOMPARE(dump.status().error().kind, Error::Kind::Unauthorized);
        QVERIFY2(line.contains(QStringLiteral("check the user and password")), qPrintable(line));
        QVERIFY(!QFile::exists(output));

        DatabaseEndpoint target = userD(QStringLiteral("xfer_busy"));
        target.password = Secret(wrong);
        const QByteArrayList before = snapshot(admin(m_status, QStringLiteral("xfer_busy")));
        RestoreJob restore(m_smallDump, target, RestoreJob::Mode::Replace);
        QVERIFY(runToEnd(restore));
        QVERIFY(!restore.status().ok());
        QVERIFY(restore.status().error().oneLine().contains(QStringLiteral("Access denied")));
        QVERIFY(!restore.status().error().oneLine().contains(wrong));
        QCOMPARE(snapshot(admin(m_status, QStringLiteral("xfer_busy"))), before);
        capture.stop();
        QVERIFY(!capture.lines().join(QLatin1Char('\n')).contains(wrong));
        for (const QString &name : filesIn(QDir::tempPath()))
            QVERIFY2(
                !name.startsWith(QStringLiteral("cleardb-login-")) ||
                    !QFile(QDir::tempPath() + QLatin1Char('/') + name).readAll().contains(wrong.toUtf8()),
                qPrintable(name));
    }

    // A dump file is data: client commands in it that reach the shell or the file system are refused.
    void shellCommandsInADumpAreRefused()
    {
        const QString marker = m_tmp.filePath(QStringLiteral("shell-ran"));
        const QString path = m_tmp.filePath(QStringLiteral("hostile.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("CREATE TABLE shell (id INT);\n\\! touch " + QFile::encodeName(marker) + "\n");
        file.close();
        // Premise: the stock client, without --sandbox, runs it.
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(sql(userD(QStringLiteral("xfer_shell")), in.readAll()).exitCode, 0);
        QVERIFY(QFile::exists(marker));
        QVERIFY(QFile::remove(marker));
        QCOMPARE(sql(admin(m_status, QStringLiteral("xfer_shell")), "DROP TABLE shell;").exitCode, 0);

        RestoreJob restore(path, userD(QStringLiteral("xfer_shell")), RestoreJob::Mode::RefuseNonEmpty);
        QVERIFY(runToEnd(restore));
        QVERIFY(!restore.status().ok());
        QVERIFY2(restore.status().error().message.contains(QStringLiteral("sandbox mode")),
                 qPrintable(restore.status().error().message));
        QVERIFY(!QFile::exists(marker));
    }

    void cancelMidDumpLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("big.sql.gz"));
        DumpJob dump(userC(QStringLiteral("xfer_big")), output);
        QSignalSpy done(&dump, &DumpJob::finished);
        dump.start();
        // Wait until the dump is really writing: bytes out, the child still running, and our process
        // holding the partial file in `dir` (Qt creates it unnamed with O_TMPFILE where it can, so
        // the directory listing alone would not show it).
        QDeadlineTimer deadline(10000);
        qint64 partialSize = 0;
        while (!deadline.hasExpired() && done.isEmpty() && partialSize == 0) {
            QTest::qWait(2);
            if (dump.lastProgress().bytesDone == 0 || dump.dumpProcessId() <= 0)
                continue;
            for (const QString &fd : QDir(QStringLiteral("/proc/self/fd"))
                                         .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
                const QByteArray link = QFile::encodeName(QStringLiteral("/proc/self/fd/") + fd);
                char target[4096] = {};
                const ssize_t length = ::readlink(link.constData(), target, sizeof target - 1);
                struct stat info = {};
                if (length > 0 &&
                    QByteArray(target, int(length))
                        .startsWith(QByteArray(QFile::encodeName(dir.path()) + "/")) &&
                    ::stat(link.constData(), &info) == 0)
                    partialSize = qint64(info.st_size);
            }
        }
        QVERIFY2(partialSize > 0 && done.isEmpty(), "the dump did not write before it ended");
        checkChildHidesPassword(dump.dumpProcessId(), m_passC);
        QVERIFY(!dump.dumpArguments().join(QLatin1Char(' ')).contains(m_passC));
        dump.cancel();
        QVERIFY(done.wait(10000));
        QCOMPARE(dump.status().error().kind, Error::Kind::Cancelled);
        QVERIFY2(dump.status().error().message.contains(QStringLiteral("partial file was removed")),
                 qPrintable(dump.status().error().message));
        QCOMPARE(filesIn(dir.path()), QStringList());
        for (const QString &file : m_optionFiles)
            QVERIFY2(!QFile::exists(file), qPrintable(file));
    }

    // Stopped halfway, a restore says the target is partly loaded; run again with replace, it completes.
    void cancelledRestoreThenReplaceCompletes()
    {
        m_bigDump = m_tmp.filePath(QStringLiteral("big.sql.gz"));
        DumpJob dump(userC(QStringLiteral("xfer_big")), m_bigDump);
        QVERIFY(runToEnd(dump));
        QVERIFY2(dump.status().ok(), qPrintable(dump.status() ? QString() : dump.status().error().oneLine()));

        RestoreJob restore(m_bigDump, userD(QStringLiteral("xfer_load")), RestoreJob::Mode::RefuseNonEmpty);
        QSignalSpy done(&restore, &RestoreJob::finished);
        restore.start();
        // Loading has begun: the first table exists in the target.
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && done.isEmpty() &&
               rows(admin(m_status, QStringLiteral("xfer_load")), "SHOW TABLES LIKE 'big'").isEmpty())
            QTest::qWait(10);
        QVERIFY2(done.isEmpty(), "the restore ended before it could be stopped");
        checkChildHidesPassword(restore.clientProcessId(), m_passD);
        restore.cancel();
        QVERIFY(done.wait(10000));
        QCOMPARE(restore.status().error().kind, Error::Kind::Cancelled);
        QVERIFY2(restore.status().error().message.contains(QStringLiteral("partly loaded")),
                 qPrintable(restore.status().error().message));
        // Premise: the target really is partly loaded now, so a plain restore would be refused.
        QVERIFY(count(QStringLiteral("xfer_load"), "big") != "3000");

        RestoreJob again(m_bigDump, userD(QStringLiteral("xfer_load")), RestoreJob::Mode::Replace);
        QVERIFY(runToEnd(again));
        QVERIFY2(again.status().ok(),
                 qPrintable(again.status() ? QString() : again.status().error().oneLine()));
        QCOMPARE(count(QStringLiteral("xfer_load"), "big"), QByteArray("3000"));
        QCOMPARE(snapshot(admin(m_status, QStringLiteral("xfer_load"))),
                 snapshot(admin(m_status, QStringLiteral("xfer_big"))));
        for (const QString &file : m_optionFiles)
            QVERIFY2(!QFile::exists(file), qPrintable(file));
    }
};

QTEST_GUILESS_MAIN(TestTransferSafety)
#include "tst_transfersafety.moc"
