// SPDX-License-Identifier: MIT
// The pieces around the client programs, without a server: the login option file (private, escaped
// as the client unescapes it, removed afterwards, the only place the password goes), the arguments
// and environment the children get, and the dump file writer/reader (gzip streaming, nothing left on
// abort, a truncated .gz reported).
#include "transfer/ChildErrorText.h"
#include "transfer/ClientOptionFile.h"
#include "transfer/DumpFileReader.h"
#include "transfer/DumpFileWriter.h"
#include "transfer/MariaDbTools.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

class TestTransferFiles : public QObject
{
    Q_OBJECT

    static DatabaseEndpoint endpoint()
    {
        DatabaseEndpoint e;
        e.host = QStringLiteral("db.example.com");
        e.port = 3307;
        e.user = QStringLiteral("bob");
        e.password = Secret(QStringLiteral("pa\"ss\\w#rd\n x"));
        e.database = QStringLiteral("heroku_abc");
        e.tls = DatabaseEndpoint::Tls::Verified;
        e.caFile = QStringLiteral("/etc/ca dir/ca.pem");
        return e;
    }

private Q_SLOTS:
    void optionFileIsPrivateEscapedAndRemoved()
    {
        QString path;
        {
            auto file = ClientOptionFile::create(endpoint());
            QVERIFY(file.ok());
            path = (*file)->path();
            struct stat info = {};
            QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
            QCOMPARE(int(info.st_mode & 0777), 0600);
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray text = f.readAll();
            QVERIFY(text.startsWith("[client]\n"));
            // mysys unescapes \" \\ \n inside a quoted value; '#' inside quotes is no comment.
            QVERIFY2(text.contains("password=\"pa\\\"ss\\\\w#rd\\n x\"\n"), text.constData());
            QVERIFY(text.contains("ssl-ca=\"/etc/ca dir/ca.pem\"\nssl-verify-server-cert\n"));
            QVERIFY(text.contains("port=3307\nprotocol=tcp\n"));
            QCOMPARE((*file)->argument(), QStringLiteral("--defaults-file=") + path);
        }
        QVERIFY(!QFile::exists(path));
    }

    void argumentsAndEnvironmentHoldNoCredentials()
    {
        const DatabaseEndpoint e = endpoint();
        const QString option = QStringLiteral("--defaults-file=/tmp/x.cnf");
        const QStringList dump = MariaDbTools::dumpArguments(option, e.database);
        QCOMPARE(dump.first(), option); // --defaults-file only works first
        for (const char *needed : {"--single-transaction", "--skip-lock-tables", "--routines", "--triggers",
                                   "--hex-blob", "--no-tablespaces", "--skip-add-locks"})
            QVERIFY2(dump.contains(QLatin1String(needed)), needed);
        QVERIFY(!dump.contains(QStringLiteral("--events")));
        QCOMPARE(dump.mid(dump.size() - 2), (QStringList{QStringLiteral("--"), e.database}));
        const QStringList restore = MariaDbTools::restoreArguments(option, e.database);
        QCOMPARE(restore.first(), option);
        QVERIFY(restore.contains(QStringLiteral("--sandbox")));
        for (const QString &argument : dump + restore)
            QVERIFY(!argument.contains(e.password.reveal()));

        qputenv("MYSQL_PWD", "leaked-pwd");
        qputenv("CLEARDB_DATABASE_URL", "mysql://u:leaked@h/db");
        qputenv("MYSQL_HOST", "elsewhere");
        const QProcessEnvironment child = MariaDbTools::childEnvironment();
        qunsetenv("MYSQL_PWD");
        qunsetenv("CLEARDB_DATABASE_URL");
        qunsetenv("MYSQL_HOST");
        QVERIFY(!child.contains(QStringLiteral("MYSQL_PWD")));
        QVERIFY(!child.contains(QStringLiteral("CLEARDB_DATABASE_URL")));
        QVERIFY(!child.contains(QStringLiteral("MYSQL_HOST")));
        QVERIFY(child.contains(QStringLiteral("PATH")));
    }

    void childErrorsAreOneRedactedLine()
    {
        const Secret password(QStringLiteral("s3cret-Value!"));
        const QString line = ChildErrorText::oneLine(
            "mariadb-dump: Deprecated program name\nmariadb-dump: Got error: 1045: \"Access denied for user "
            "'u'@'h' (using password: YES)\" s3cret-Value! when trying to connect\n",
            password);
        QVERIFY2(line.startsWith(QStringLiteral("mariadb-dump: Got error: 1045")), qPrintable(line));
        QVERIFY(!line.contains(QStringLiteral("s3cret-Value!")));
        QVERIFY(!line.contains(QLatin1Char('\n')));
    }

    void gzipWriterAndReaderRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sql.gz"));
        QByteArray expected;
        {
            auto writer = DumpFileWriter::open(path);
            QVERIFY(writer.ok());
            QVERIFY((*writer)->isCompressed());
            for (int i = 0; i < 200; ++i) {
                QByteArray chunk(10000, Qt::Uninitialized);
                for (char &c : chunk)
                    c = char(QRandomGenerator::global()->bounded(256));
                expected += chunk;
                QVERIFY((*writer)->write(chunk).ok());
            }
            QVERIFY(!QFile::exists(path)); // not under its name before commit
            QVERIFY((*writer)->commit().ok());
        }
        QVERIFY(QFile::exists(path));
        auto reader = DumpFileReader::open(path);
        QVERIFY(reader.ok());
        QVERIFY((*reader)->isCompressed());
        QByteArray read;
        for (;;) {
            Result<QByteArray> chunk = (*reader)->read(65536);
            QVERIFY(chunk.ok());
            if (chunk->isEmpty())
                break;
            read += *chunk;
        }
        QCOMPARE(read.size(), expected.size());
        QVERIFY(read == expected);
        QCOMPARE((*reader)->position(), (*reader)->size());
        // The pre-flight's estimate of a .gz is the size gzip recorded, not the compressed one.
        QCOMPARE(DumpFileReader::estimatedSqlBytes(path), qint64(expected.size()));
    }

    // A plain file's SQL is its size; a file that is not there weighs nothing.
    void plainDumpEstimateIsItsSize()
    {
        QTemporaryDir dir;
        QFile plain(dir.filePath(QStringLiteral("d.sql")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        QCOMPARE(plain.write(QByteArray(12345, 'x')), qint64(12345));
        plain.close();
        QCOMPARE(DumpFileReader::estimatedSqlBytes(plain.fileName()), qint64(12345));
        QCOMPARE(DumpFileReader::estimatedSqlBytes(dir.filePath(QStringLiteral("missing.sql"))), qint64(0));
    }

    void abortedWriterLeavesNothing()
    {
        QTemporaryDir dir;
        {
            auto writer = DumpFileWriter::open(dir.filePath(QStringLiteral("d.sql")));
            QVERIFY(writer.ok());
            QVERIFY((*writer)->write("CREATE TABLE t (id INT);\n").ok());
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void truncatedGzipIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sql.gz"));
        {
            auto writer = DumpFileWriter::open(path);
            QVERIFY(writer.ok());
            QVERIFY((*writer)->write(QByteArray(100000, 'x') + "\nmore text that compresses\n").ok());
            QVERIFY((*writer)->commit().ok());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 10)); // the trailer and a little data gone
        file.close();
        auto reader = DumpFileReader::open(path);
        QVERIFY(reader.ok());
        bool failed = false;
        for (int i = 0; i < 100 && !failed; ++i) {
            Result<QByteArray> chunk = (*reader)->read(65536);
            if (!chunk) {
                failed = true;
                QVERIFY(chunk.error().message.contains(QStringLiteral("not a complete gzip file")));
            } else if (chunk->isEmpty()) {
                break;
            }
        }
        QVERIFY(failed);
    }
};

QTEST_GUILESS_MAIN(TestTransferFiles)
#include "tst_transferfiles.moc"
