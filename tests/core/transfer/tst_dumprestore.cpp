// SPDX-License-Identifier: MIT
// Dump and restore against real MariaDB servers (the fixture cluster): a hostile fixture dumped as one
// unprivileged user and restored as another comes back byte for byte, its view, trigger and routines
// work for the new owner; gzip round trip; a stock mariadb-dump file with root definers loads.
#include "TransferTestDb.h"
#include "transfer/DumpJob.h"
#include "transfer/RestoreJob.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace TransferTestDb;

class TestDumpRestore : public QObject
{
    Q_OBJECT

    SandboxStatus m_status;
    QTemporaryDir m_tmp;
    // Quotes, a backslash, '#', '=' and a space: the option file must carry them all.
    const QString m_passA = QStringLiteral("A p\"a'ss\\w#o=rd 1");
    const QString m_passB = QStringLiteral("B-other secret #2");

    DatabaseEndpoint userA(const QString &db) const
    {
        return endpoint(m_status, QStringLiteral("xfer_a"), m_passA, db);
    }
    DatabaseEndpoint userB(const QString &db) const
    {
        return endpoint(m_status, QStringLiteral("xfer_b"), m_passB, db);
    }

    static QByteArray fixture(const QByteArray &definer)
    {
        QFile file(QStringLiteral(CLEARDB_TRANSFER_FIXTURES "/hostile.sql"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll().replace("@DEFINER@", definer);
    }

    void resetDatabase(const QString &db)
    {
        const SqlRun run = sql(admin(m_status, QString()), "DROP DATABASE IF EXISTS `" + db.toUtf8() +
                                                               "`; CREATE DATABASE `" + db.toUtf8() + "`;");
        QCOMPARE(run.exitCode, 0);
    }

    void roundTrip(const QString &fileName, const QString &targetDb)
    {
        const QString path = m_tmp.filePath(fileName);
        // Any write to the source server would move its binary log position.
        const auto binlogBefore =
            rows(admin(m_status, QString()), "SELECT @@gtid_binlog_pos, @@gtid_current_pos");
        QVERIFY(!binlogBefore.isEmpty() && !binlogBefore.first().first().isEmpty()); // premise: it is logged
        DumpJob dump(userA(QStringLiteral("xfer_src")), path);
        QVERIFY(runToEnd(dump));
        QVERIFY2(dump.status().ok(), qPrintable(dump.status() ? QString() : dump.status().error().oneLine()));
        QCOMPARE(rows(admin(m_status, QString()), "SELECT @@gtid_binlog_pos, @@gtid_current_pos"),
                 binlogBefore);
        QVERIFY(QFile::exists(path));
        // Our own objects were defined by xfer_a, and the file carries none of those definers.
        QVERIFY(dump.definersRemoved() >= 4);
        QCOMPARE(dump.lastProgress().tablesTotal, 7);
        QCOMPARE(dump.lastProgress().tablesDone, 7);
        QVERIFY(dump.lastProgress().bytesDone > 0);

        RestoreJob restore(path, userB(targetDb), RestoreJob::Mode::RefuseNonEmpty);
        QVERIFY(runToEnd(restore));
        QVERIFY2(restore.status().ok(),
                 qPrintable(restore.status() ? QString() : restore.status().error().oneLine()));
        QCOMPARE(restore.lastProgress().bytesDone, QFileInfo(path).size());

        const QByteArrayList source = snapshot(admin(m_status, QStringLiteral("xfer_src")));
        const QByteArrayList target = snapshot(admin(m_status, targetDb));
        // The premise: the snapshot sees every table, value, object and the counter.
        QCOMPARE(source.size(), 29); // 7 tables, 18 rows, a view, a trigger, two routines
        QVERIFY(source.join('\n').contains("AUTO_INCREMENT=1000"));
        QVERIFY(source.join('\n').contains("FUNCTION `f_double`"));
        QVERIFY(source.join('\n').contains("PROCEDURE `p_count`"));
        QVERIFY(source.join('\n').contains("trigger|nopk_tag"));
        QVERIFY(source.join('\n').contains("row|31|F09F9880F09D849E")); // id 1, the emoji's bytes
        for (int i = 0; i < qMin(source.size(), target.size()); ++i)
            QCOMPARE(target.at(i), source.at(i));
        QCOMPARE(target.size(), source.size());
        checkObjectsWorkFor(userB(targetDb));
    }

    // The view, trigger, procedure and function run as the target's own unprivileged user, who is
    // now their definer.
    void checkObjectsWorkFor(const DatabaseEndpoint &user)
    {
        const auto r =
            rows(user, "SELECT COUNT(*) FROM v_types; INSERT INTO nopk VALUES (5, 'new'); "
                       "SELECT v FROM nopk WHERE n = 5; CALL p_count(@n); SELECT @n; SELECT f_double(21); "
                       "SELECT DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE();");
        QCOMPARE(r.size(), 5);
        QCOMPARE(r.at(0).at(0), QByteArray("4"));
        QCOMPARE(r.at(1).at(0), QByteArray("new+trig"));
        QCOMPARE(r.at(2).at(0), QByteArray("4"));
        QCOMPARE(r.at(3).at(0), QByteArray("42"));
        QCOMPARE(r.at(4).at(0), user.user.toUtf8() + "@%");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        // Two unprivileged users, each with ALL on its own databases only (created on the primary, they
        // replicate to the secondary; cluster.sh provision-db would take a second each).
        QByteArray users;
        for (const char *db :
             {"xfer_src", "xfer_stock", "xfer_dst", "xfer_dst_gz", "xfer_dst_stock", "xfer_dst_cli"})
            users += QByteArray("DROP DATABASE IF EXISTS ") + db + "; CREATE DATABASE " + db + ";\n";
        for (const auto &[user, password] : {std::pair{"xfer_a", m_passA}, std::pair{"xfer_b", m_passB}})
            users += QByteArray("DROP USER IF EXISTS ") + user + "@'%'; CREATE USER " + user +
                     "@'%' IDENTIFIED BY " + sqlString(password) + ";\n";
        users +=
            "GRANT ALL ON `xfer_src`.* TO xfer_a@'%'; GRANT ALL ON `xfer_stock`.* TO xfer_a@'%';"
            "GRANT ALL ON `xfer_dst`.* TO xfer_b@'%'; GRANT ALL ON `xfer_dst_gz`.* TO xfer_b@'%';"
            "GRANT ALL ON `xfer_dst_stock`.* TO xfer_b@'%'; GRANT ALL ON `xfer_dst_cli`.* TO xfer_b@'%';";
        const SqlRun created = sql(admin(m_status, QString()), users);
        QVERIFY2(created.exitCode == 0, created.err.constData());
        // With binary logging on (the cluster replicates), a user without SUPER may create triggers and
        // routines only when the server trusts function creators, as ClearDB's servers do.
        trustFunctionCreators(m_status);
        // The source as its owner builds it: xfer_a defines the objects.
        const SqlRun load = sql(userA(QStringLiteral("xfer_src")), fixture("CURRENT_USER"));
        QVERIFY2(load.exitCode == 0, load.err.constData());
        // The same data defined by root, as on a server the user administered.
        const SqlRun stock =
            sql(admin(m_status, QStringLiteral("xfer_stock")), fixture("`root`@`localhost`"));
        QVERIFY2(stock.exitCode == 0, stock.err.constData());
    }

    void plainRoundTripIsExactAcrossUsers()
    {
        roundTrip(QStringLiteral("dump.sql"), QStringLiteral("xfer_dst"));
    }

    // Our file needs no help to load: the stock client, as another unprivileged user, takes it as is.
    void ourDumpLoadsWithTheStockClient()
    {
        QFile file(m_tmp.filePath(QStringLiteral("dump.sql")));
        QVERIFY(file.open(QIODevice::ReadOnly)); // written by plainRoundTripIsExactAcrossUsers
        const SqlRun load = sql(userB(QStringLiteral("xfer_dst_cli")), file.readAll());
        QVERIFY2(load.exitCode == 0, load.err.constData());
        QCOMPARE(snapshot(admin(m_status, QStringLiteral("xfer_dst_cli"))),
                 snapshot(admin(m_status, QStringLiteral("xfer_src"))));
    }

    void gzipRoundTripIsExact()
    {
        roundTrip(QStringLiteral("dump.sql.gz"), QStringLiteral("xfer_dst_gz"));
        QFile file(m_tmp.filePath(QStringLiteral("dump.sql.gz")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(2), QByteArray("\x1f\x8b", 2));
    }

    // A hand-made `mariadb-dump --single-transaction --routines --triggers` file from a server where root
    // defined the objects: the stock client refuses it as an unprivileged user; RestoreJob loads it.
    void stockDumpWithRootDefinersRestores()
    {
        const QString path = m_tmp.filePath(QStringLiteral("stock.sql"));
        {
            auto file = ClientOptionFile::create(admin(m_status, QStringLiteral("xfer_stock")));
            QVERIFY(file.ok());
            QProcess dump;
            dump.setStandardOutputFile(path);
            dump.start(MariaDbTools::dumpProgram(),
                       {(*file)->argument(), QStringLiteral("--single-transaction"),
                        QStringLiteral("--routines"), QStringLiteral("--triggers"),
                        QStringLiteral("xfer_stock")});
            QVERIFY(dump.waitForFinished(20000));
            QCOMPARE(dump.exitCode(), 0);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        // Premises: root definers in every form, and the stock client fails on them as xfer_b.
        QVERIFY(text.contains("/*!50017 DEFINER=`root`@`localhost`*/"));
        QVERIFY(text.contains("/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */"));
        QVERIFY(text.contains("CREATE DEFINER=`root`@`localhost` PROCEDURE"));
        const SqlRun naive = sql(userB(QStringLiteral("xfer_dst_stock")), text);
        QVERIFY(naive.exitCode != 0);
        QVERIFY2(naive.err.contains("SUPER") || naive.err.contains("SET USER"), naive.err.constData());
        resetDatabase(QStringLiteral("xfer_dst_stock"));

        RestoreJob restore(path, userB(QStringLiteral("xfer_dst_stock")), RestoreJob::Mode::RefuseNonEmpty);
        QVERIFY(runToEnd(restore));
        QVERIFY2(restore.status().ok(),
                 qPrintable(restore.status() ? QString() : restore.status().error().oneLine()));
        QCOMPARE(snapshot(admin(m_status, QStringLiteral("xfer_dst_stock"))),
                 snapshot(admin(m_status, QStringLiteral("xfer_stock"))));
        checkObjectsWorkFor(userB(QStringLiteral("xfer_dst_stock")));
    }
};

QTEST_GUILESS_MAIN(TestDumpRestore)
#include "tst_dumprestore.moc"
