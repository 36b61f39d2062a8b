// SPDX-License-Identifier: MIT
// SIGINT/SIGTERM in the middle of `cleardbctl db` work: the job is cancelled cleanly (its children
// killed, a dump's partial file removed), the one-line status says what state things are in, exit 1;
// an interrupted restore is completed by re-running it with --replace, and verify then finds the
// copy identical. The source is big enough (about 16 MB) for each run to take a second or more.
#include "DbTestEnv.h"
#include "TestConfig.h"
#include "TestProcesses.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <functional>

using namespace CtlTest;
using namespace DbTestEnv;

namespace {
// The live children of `parent` (named `command`, if given), from /proc ("pid (comm) state ppid …").
QList<qint64> childrenOf(qint64 parent, const QByteArray &command = {})
{
    QList<qint64> children;
    for (const QString &name :
         QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(name));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (close > 0 && fields.size() > 1 && fields.at(1).toLongLong() == parent && fields.at(0) != "Z" &&
            (command.isEmpty() || line.contains(QByteArray("(" + command + ")"))))
            children << name.toLongLong();
    }
    return children;
}
} // namespace

class TestCleardbctlDbInterrupt : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;
    SimProcess m_sim;
    QTemporaryDir m_tmp;
    Side m_src;
    Side m_dst;
    QString m_dump;

    struct Interrupted
    {
        int exitCode = -1;
        QString out;
        QString err;
        QList<qint64> children; // cleardbctl's children when the signal was sent
    };

    void prepare(CtlProcess &ctl)
    {
        ctl.environment().insert(QStringLiteral("CTLDB_SRC"), m_src.url());
        ctl.environment().insert(QStringLiteral("CTLDB_DST"), m_dst.url());
    }

    // Starts cleardbctl, waits until the job is under way (a child named `child` runs, or else the
    // first progress line is out, and then `reached` holds), sends `signal`, and collects the end.
    Interrupted interrupt(CtlProcess &ctl, const QStringList &args, int signal, const QByteArray &child = {},
                          const std::function<bool()> &reached = {})
    {
        Interrupted result;
        QProcess process;
        process.setProcessEnvironment(ctl.environment());
        process.start(QStringLiteral(CLEARDB_BIN_DIR "/cleardbctl"), args);
        if (!process.waitForStarted(10000))
            return result;
        QByteArray out;
        QElapsedTimer waited;
        waited.start();
        const auto underWay = [&] {
            if (!child.isEmpty())
                return !childrenOf(process.processId(), child).isEmpty();
            return out.contains("\"type\":\"progress\"") && (!reached || reached());
        };
        while (!underWay() && waited.elapsed() < 30000 && process.state() == QProcess::Running) {
            process.waitForReadyRead(child.isEmpty() ? 100 : 5);
            out += process.readAllStandardOutput();
        }
        if (process.state() != QProcess::Running) {
            qWarning("cleardbctl ended before it was interrupted");
            return result;
        }
        result.children = childrenOf(process.processId());
        ::kill(pid_t(process.processId()), signal);
        if (!process.waitForFinished(30000)) {
            qWarning("cleardbctl hung after the signal");
            process.kill();
            process.waitForFinished(5000);
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = QString::fromUtf8(out + process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    void checkCleanEnd(const Interrupted &run)
    {
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(!run.children.isEmpty(), "premise: a client child was running");
        for (const qint64 child : run.children)
            QVERIFY2(TestProcesses::isGone(child), "a child outlived the interrupt");
        for (const QString &secret : {m_src.password, m_dst.password})
            QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), "a password was printed");
        const QList<QJsonObject> lines = jsonLines(run.out);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.last().value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
        QCOMPARE(lines.last().value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(lines.last().value(QStringLiteral("errorKind")).toString(), QStringLiteral("cancelled"));
        // One line on stderr, the status.
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("error: ")), qPrintable(run.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning() && m_status.dedicatedRunning, qPrintable(m_status.state));
        QVERIFY(provisionPair(m_status, QStringLiteral("int"), m_src, m_dst));
        const TransferTestDb::SqlRun load = TransferTestDb::sql(m_src.endpoint(), kInterruptibleData);
        QVERIFY2(load.exitCode == 0, load.err.constData());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        CtlProcess ctl(m_sim);
        prepare(ctl);
        m_dump = m_tmp.filePath(QStringLiteral("big.sql"));
        const CtlProcess::Run dumped =
            ctl.run(args("db", "dump", "--from", "env:CTLDB_SRC", "--output", m_dump));
        QVERIFY2(dumped.exitCode == 0, qPrintable(dumped.err));
        QVERIFY(QFileInfo(m_dump).size() > 12 * 1000 * 1000);
    }

    void sigtermMidDumpRemovesThePartialFile()
    {
        CtlProcess ctl(m_sim);
        prepare(ctl);
        const QString output = m_tmp.filePath(QStringLiteral("cut.sql.gz"));
        const Interrupted run =
            interrupt(ctl, args("db", "dump", "--json", "--from", "env:CTLDB_SRC", "--output", output),
                      SIGTERM, "mariadb-dump");
        checkCleanEnd(run);
        QVERIFY2(run.err.contains(QStringLiteral("partial file was removed")), qPrintable(run.err));
        QVERIFY(!QFile::exists(output));
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("big.sql")});
    }

    void sigintMidRestoreThenReplaceCompletes()
    {
        CtlProcess ctl(m_sim);
        prepare(ctl);
        // SQL handed to the client is not yet executed: wait until the target holds a table, so the
        // interrupt lands with it partly loaded.
        const auto tables = [this] {
            const auto counted =
                TransferTestDb::rows(m_dst.endpoint(), "SELECT COUNT(*) FROM information_schema.TABLES "
                                                       "WHERE TABLE_SCHEMA = DATABASE()");
            return counted.isEmpty() ? 0 : counted.first().first().toInt();
        };
        const Interrupted run =
            interrupt(ctl, args("db", "restore", "--json", "--input", m_dump, "--to", "env:CTLDB_DST"),
                      SIGINT, {}, [&] { return tables() > 0; });
        checkCleanEnd(run);
        QVERIFY2(run.err.contains(QStringLiteral("partly loaded")) &&
                     run.err.contains(QStringLiteral("with --replace")),
                 qPrintable(run.err));
        // Premise: the target really is partly loaded, so the re-run has something to complete.
        QVERIFY(tables() > 0);

        CtlProcess::Run rerun =
            ctl.run(args("db", "restore", "--input", m_dump, "--to", "env:CTLDB_DST", "--replace"));
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        rerun = ctl.run(args("db", "verify", "--from", "env:CTLDB_SRC", "--to", "env:CTLDB_DST"));
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.out + rerun.err));
        QVERIFY(rerun.out.startsWith(QStringLiteral("Identical: ")));
    }
};

QTEST_GUILESS_MAIN(TestCleardbctlDbInterrupt)
#include "tst_cleardbctl_dbinterrupt.moc"
