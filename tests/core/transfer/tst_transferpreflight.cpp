// SPDX-License-Identifier: MIT
// TransferPreflight against real servers (the pair's primary as source, the dedicated server as target,
// each database with its own unprivileged user): a source larger than the quota is a blocker even while
// information_schema still reads a fresh table as nearly empty; a target user without TRIGGER is a
// blocker naming it; a non-empty target is a blocker unless replacing; binary logging without trusted
// function creators warns of ERROR 1419; both versions are reported; a refused login is one line.
#include "CopyTestSupport.h"
#include "heroku/ClearDbPlans.h"
#include "transfer/TransferPreflight.h"

#include <QtTest>

using namespace TransferTestDb;
using namespace CopyTestSupport;
using Severity = PreflightFinding::Severity;

class TestTransferPreflight : public QObject
{
    Q_OBJECT

    SandboxStatus m_status;
    const QString m_pass = QStringLiteral("Pre'flight pass #%1").arg(QCoreApplication::applicationPid());

    DatabaseEndpoint source(const QString &db = QStringLiteral("xpf_src")) const
    {
        return endpoint(m_status, QStringLiteral("xpf_s"), m_pass, db);
    }
    DatabaseEndpoint target(const QString &user, const QString &db) const
    {
        return onDedicated(m_status, endpoint(m_status, user, m_pass, db));
    }

    // Runs a pre-flight to its end; returns "severity: line" for each finding.
    static QStringList run(TransferPreflight &check)
    {
        QSignalSpy done(&check, &TransferPreflight::finished);
        check.start();
        if (!done.wait(15000))
            return {QStringLiteral("no answer")};
        QStringList lines;
        for (const PreflightFinding &finding : check.findings())
            lines << PreflightFinding::severityName(finding.severity) + QStringLiteral(": ") + finding.line;
        return lines;
    }

    static QStringList matching(const QStringList &lines, const QString &prefix, const QString &text)
    {
        QStringList found;
        for (const QString &line : lines) {
            if (line.startsWith(prefix) && line.contains(text))
                found << line;
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning() && m_status.dedicatedRunning, qPrintable(m_status.state));
        createUserWithDatabases(admin(m_status, QString()), "xpf_s", m_pass, {"xpf_src"});
        createUserWithDatabases(dedicatedAdmin(m_status, QString()), "xpf_t", m_pass,
                                {"xpf_dst", "xpf_busy"});
        // The same database for a user with everything but TRIGGER.
        const SqlRun partial =
            sql(dedicatedAdmin(m_status, QString()),
                "DROP USER IF EXISTS xpf_nt@'%'; CREATE USER xpf_nt@'%' IDENTIFIED BY " + sqlString(m_pass) +
                    "; GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, "
                    "CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, REFERENCES, "
                    "EXECUTE, LOCK TABLES ON xpf_dst.* TO xpf_nt@'%';");
        QVERIFY2(partial.exitCode == 0, partial.err.constData());
        trustFunctionCreators(m_status);
        // 3000 rows of 2000 random bytes (about 5.7 MiB), a trigger and a routine.
        const SqlRun load =
            sql(source(), "CREATE TABLE big (id INT PRIMARY KEY, b BLOB);"
                          "INSERT INTO big SELECT seq, RANDOM_BYTES(1000) FROM seq_1_to_3000;"
                          "UPDATE big SET b = CONCAT(b, RANDOM_BYTES(1000));"
                          "CREATE TRIGGER big_bi BEFORE INSERT ON big FOR EACH ROW SET NEW.id = "
                          "NEW.id; CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;");
        QVERIFY2(load.exitCode == 0, load.err.constData());
        const SqlRun busy =
            sql(target(QStringLiteral("xpf_t"), QStringLiteral("xpf_busy")),
                "CREATE TABLE a (id INT); CREATE TABLE b (id INT); CREATE VIEW v AS SELECT 1;");
        QVERIFY2(busy.exitCode == 0, busy.err.constData());
    }

    void sourceLargerThanQuotaIsABlocker()
    {
        const qint64 ignite = ClearDbPlans::find(QStringLiteral("ignite"))->storageBytes();
        QCOMPARE(ignite, qint64(5 * 1024 * 1024));
        // Premise: the data really is larger than ignite's quota.
        const auto bytes = rows(admin(m_status, QStringLiteral("xpf_src")), "SELECT SUM(LENGTH(b)) FROM big");
        QCOMPARE(bytes.value(0).value(0), QByteArray("6000000"));
        const auto stats =
            rows(admin(m_status, QStringLiteral("xpf_src")),
                 "SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                 "DATABASE() AND TABLE_NAME = 'big'");
        qInfo("information_schema reads %s bytes for the table", stats.value(0).value(0).constData());

        TransferPreflight check(source(), target(QStringLiteral("xpf_t"), QStringLiteral("xpf_dst")));
        check.setTargetQuotaBytes(ignite);
        const QStringList lines = run(check);
        QVERIFY2(check.status().ok(), qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(matching(lines, QStringLiteral("blocker"), QStringLiteral("will not fit")).size(), 1);
        QVERIFY(check.hasBlocker());
        QVERIFY2(check.estimatedSourceBytes() >= 6000000,
                 qPrintable(QString::number(check.estimatedSourceBytes())));
        QVERIFY(lines.first().startsWith(QStringLiteral("blocker"))); // blockers come first

        TransferPreflight roomy(source(), target(QStringLiteral("xpf_t"), QStringLiteral("xpf_dst")));
        roomy.setTargetQuotaBytes(ClearDbPlans::find(QStringLiteral("punch"))->storageBytes());
        const QStringList fits = run(roomy);
        QVERIFY2(!roomy.hasBlocker(), qPrintable(fits.join(QLatin1Char('\n'))));
        QCOMPARE(matching(fits, QStringLiteral("note"), QStringLiteral("it fits")).size(), 1);
    }

    void versionsAreReported()
    {
        TransferPreflight check(source(), target(QStringLiteral("xpf_t"), QStringLiteral("xpf_dst")));
        const QStringList lines = run(check);
        const QStringList versions =
            matching(lines, QStringLiteral("note"), QStringLiteral("Source server: MariaDB 10."));
        QCOMPARE(versions.size(), 1);
        QVERIFY2(versions.first().contains(QStringLiteral("target server: MariaDB 10.")),
                 qPrintable(versions.first()));
        QCOMPARE(matching(lines, QStringLiteral("note"), QStringLiteral("quota is not known")).size(), 1);
        QCOMPARE(matching(lines, QStringLiteral("note"), QStringLiteral("is empty")).size(), 1);
        QVERIFY2(!check.hasBlocker(),
                 qPrintable(lines.join(QLatin1Char('\n')))); // the full user lacks nothing
    }

    void userWithoutTriggerIsABlockerNamingIt()
    {
        TransferPreflight check(source(), target(QStringLiteral("xpf_nt"), QStringLiteral("xpf_dst")));
        const QStringList lines = run(check);
        const QStringList blockers = matching(lines, QStringLiteral("blocker"), QString());
        QCOMPARE(blockers.size(), 1);
        QVERIFY2(blockers.first().contains(QStringLiteral("lacks TRIGGER on the target database")),
                 qPrintable(blockers.first()));
    }

    void nonEmptyTargetIsABlockerUnlessReplacing()
    {
        TransferPreflight check(source(), target(QStringLiteral("xpf_t"), QStringLiteral("xpf_busy")));
        const QStringList lines = run(check);
        QCOMPARE(
            matching(lines, QStringLiteral("blocker"), QStringLiteral("not empty (2 table(s), 1 view(s))"))
                .size(),
            1);
        TransferPreflight replacing(source(), target(QStringLiteral("xpf_t"), QStringLiteral("xpf_busy")));
        replacing.setReplace(true);
        const QStringList replaced = run(replacing);
        QVERIFY2(!replacing.hasBlocker(), qPrintable(replaced.join(QLatin1Char('\n'))));
        QCOMPARE(matching(replaced, QStringLiteral("warning"), QStringLiteral("will be dropped and replaced"))
                     .size(),
                 1);
    }

    // The pair logs binary: with function creators untrusted, an unprivileged target user's triggers and
    // routines would be refused.
    void untrustedBinaryLogWarnsOfTriggersAndRoutines()
    {
        const DatabaseEndpoint adminPrimary = admin(m_status, QString());
        QCOMPARE(rows(adminPrimary, "SELECT @@log_bin").value(0).value(0), QByteArray("1")); // premise
        QCOMPARE(sql(adminPrimary, "SET GLOBAL log_bin_trust_function_creators = 0;").exitCode, 0);
        createUserWithDatabases(adminPrimary, "xpf_p", m_pass, {"xpf_pair_dst"});
        TransferPreflight check(
            source(), endpoint(m_status, QStringLiteral("xpf_p"), m_pass, QStringLiteral("xpf_pair_dst")));
        const QStringList lines = run(check);
        trustFunctionCreators(m_status);
        const QStringList warnings = matching(lines, QStringLiteral("warning"), QStringLiteral("ERROR 1419"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("1 trigger(s) and 1 routine(s)")),
                 qPrintable(warnings.first()));
    }

    void cancelStopsAtOnce()
    {
        TransferPreflight check(source(), target(QStringLiteral("xpf_t"), QStringLiteral("xpf_dst")));
        QSignalSpy done(&check, &TransferPreflight::finished);
        check.start();
        QVERIFY(check.isRunning());
        check.cancel();
        QVERIFY(done.wait(5000));
        QVERIFY(!check.status().ok());
        QCOMPARE(check.status().error().kind, Error::Kind::Cancelled);
        QVERIFY(check.findings().isEmpty());
        // The killed queries' answers arrive later and change nothing.
        QTest::qWait(500);
        QCOMPARE(done.size(), 1);
        QVERIFY(check.findings().isEmpty());
    }

    void refusedLoginIsOneLineWithoutThePassword()
    {
        const QString wrong = QStringLiteral("Wrong#Preflight-pass-7731");
        DatabaseEndpoint badTarget = target(QStringLiteral("xpf_t"), QStringLiteral("xpf_dst"));
        badTarget.password = Secret(wrong);
        TransferPreflight check(source(), badTarget);
        const QStringList lines = run(check);
        const QStringList blockers =
            matching(lines, QStringLiteral("blocker"), QStringLiteral("Access denied"));
        QCOMPARE(blockers.size(), 1);
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(wrong));
        QVERIFY(!blockers.first().contains(QLatin1Char('\n')));
        // The source side still answered.
        QCOMPARE(matching(lines, QStringLiteral("note"), QStringLiteral("The source holds")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTransferPreflight)
#include "tst_transferpreflight.moc"
