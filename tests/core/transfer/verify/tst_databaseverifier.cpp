// SPDX-License-Identifier: MIT
#include "../../sandbox/SandboxTestEnv.h"
#include "probe/SqlSession.h"
#include "transfer/verify/DatabaseVerifier.h"
#include "transfer/verify/TableDigest.h"

#include <QSignalSpy>
#include <QtTest>

// DatabaseVerifier between two separate servers: the source on the sandbox pair (routed endpoint) and
// the target on the dedicated server, each database owned by its own unprivileged user, who is also
// the one verifying. Every test loads the same fixture on both sides (a table with a primary key and
// a comment, one without a key holding duplicate rows, one with VIRTUAL and STORED generated columns,
// a view, a trigger and a procedure), changes one thing on the target and checks that exactly that is
// reported.
class TestDatabaseVerifier : public QObject
{
    Q_OBJECT
    using E = SandboxStatus::Endpoint;
    SandboxStatus m_status;
    const QString m_password = QStringLiteral("Verify-pw-%1").arg(QCoreApplication::applicationPid());

    ProbeTarget source() const
    {
        return m_status.target(E::Routed, QStringLiteral("verify_src_u"), m_password,
                               QStringLiteral("verify_src"));
    }
    ProbeTarget target() const
    {
        return m_status.target(E::Dedicated, QStringLiteral("verify_dst_u"), m_password,
                               QStringLiteral("verify_dst"));
    }

    // Runs statements as the database's own user; returns the first row of the last one.
    static QVariantList run(const ProbeTarget &where, const QStringList &sql)
    {
        SqlSession session;
        const ProbeError opened = session.open(where);
        if (opened.isError()) {
            qWarning("login failed: %s", qPrintable(opened.toString()));
            return {};
        }
        QVariantList row;
        for (const QString &statement : sql) {
            const ProbeError error = session.exec(statement, {}, &row);
            if (error.isError()) {
                qWarning("%s failed: %s", qPrintable(statement), qPrintable(error.toString()));
                return {QStringLiteral("<failed>")};
            }
        }
        return row;
    }

    void load(const ProbeTarget &where, E endpoint)
    {
        run(where,
            {QStringLiteral("DROP VIEW IF EXISTS v_items"),
             QStringLiteral("DROP PROCEDURE IF EXISTS count_items"),
             QStringLiteral("DROP TABLE IF EXISTS items, log_lines, gen"),
             QStringLiteral(
                 "CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL "
                 "COMMENT 'display name', note TEXT NULL, price DECIMAL(65,30) DEFAULT 0, "
                 "data BLOB, flags BIT(5)) COMMENT='things' AUTO_INCREMENT=101"),
             // Explicit ids: the pair interleaves generated ones (auto-increment-increment=2),
             // the dedicated server does not, and the verifier would rightly see other rows.
             QStringLiteral("INSERT INTO items (id, name, note, price, data, flags) VALUES "
                            "(1, 'a', NULL, 1.5, X'00FF', b'10101'), (2, 'b', 'x', -2, NULL, b'0'), "
                            "(3, 'c', NULL, 0, '', NULL)"),
             QStringLiteral("CREATE TABLE log_lines (line VARCHAR(20), n INT)"),
             QStringLiteral("INSERT INTO log_lines VALUES ('dup', 1), ('dup', 1), (NULL, 2), ('', 3)"),
             QStringLiteral("CREATE TABLE gen (id INT PRIMARY KEY, a INT, v INT AS (a * 2) VIRTUAL, "
                            "s VARCHAR(20) AS (CONCAT('n', a)) STORED)"),
             QStringLiteral("INSERT INTO gen (id, a) VALUES (1, 1), (2, 20), (3, NULL)"),
             QStringLiteral("CREATE VIEW v_items AS SELECT id, name FROM items WHERE note IS NULL"),
             QStringLiteral("CREATE PROCEDURE count_items(OUT c INT) SELECT COUNT(*) INTO c FROM items")});
        // With binary logging on (the pair), only a SUPER user may create triggers: the admin does, with
        // the database's user as definer, as ClearDB's own tooling would.
        SandboxTestEnv::adminExec(
            m_status, endpoint,
            {QStringLiteral("CREATE DEFINER = `%1`@`%` TRIGGER items_bi BEFORE INSERT ON "
                            "items FOR EACH ROW SET NEW.name = TRIM(NEW.name)")
                 .arg(where.user)},
            where.database);
    }

    VerifyOutcome verify()
    {
        DatabaseVerifier verifier;
        QSignalSpy finished(&verifier, &DatabaseVerifier::finished);
        QSignalSpy progressed(&verifier, &DatabaseVerifier::progressed);
        if (!verifier.start(source(), target()))
            return {makeError(Error::Kind::Conflict, QStringLiteral("did not start")), {}};
        if (!finished.wait(60000))
            return {makeError(Error::Kind::Timeout, QStringLiteral("no answer")), {}};
        const VerifyOutcome outcome = finished.takeFirst().at(0).value<VerifyOutcome>();
        if (outcome.ok() && progressed.size() != outcome.report.tablesDigested)
            qWarning("%d progress signals for %d tables", int(progressed.size()),
                     outcome.report.tablesDigested);
        return outcome;
    }

    static QString describe(const VerifyOutcome &o)
    {
        return o.ok() ? o.report.lines().join(QStringLiteral(" | ")) : o.outcome.error().oneLine();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning() && m_status.dedicatedRunning, qPrintable(m_status.state));
        QVERIFY(SandboxTestEnv::provision(QStringLiteral("verify_src"), QStringLiteral("verify_src_u"),
                                          m_password));
        QVERIFY(SandboxTestEnv::provision(QStringLiteral("verify_dst"), QStringLiteral("verify_dst_u"),
                                          m_password,
                                          {QStringLiteral("--server"), QStringLiteral("dedicated")}));
        // Premise: two separate servers, each user confined to its own database.
        const QVariantList a = run(source(), {QStringLiteral("SELECT @@server_id, COUNT(*) FROM "
                                                             "information_schema.SCHEMATA")});
        const QVariantList b = run(target(), {QStringLiteral("SELECT @@server_id, COUNT(*) FROM "
                                                             "information_schema.SCHEMATA")});
        QCOMPARE(a.value(1).toInt(), 2);
        QCOMPARE(b.value(1).toInt(), 2);
        QVERIFY2(a.value(0) != b.value(0), "source and target are the same server");
        QCOMPARE(b.value(0).toInt(), 3);
    }

    void init()
    {
        load(source(), E::Routed);
        load(target(), E::Dedicated);
    }

    void identicalCopiesMatch()
    {
        // Premise: the AUTO_INCREMENT counters agree although the pair interleaves.
        const QString counter = QStringLiteral("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE "
                                               "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'items'");
        QCOMPARE(run(target(), {counter}).value(0).toString(), run(source(), {counter}).value(0).toString());
        const VerifyOutcome o = verify();
        QVERIFY2(o.ok(), qPrintable(describe(o)));
        QVERIFY2(o.report.identical(), qPrintable(describe(o)));
        QCOMPARE(o.report.tablesDigested, 3);
        QCOMPARE(o.report.sourceRows, 10);
        QCOMPARE(o.report.objectsCompared, 6); // 3 tables, the view, the trigger, the procedure
    }

    // The sums are exact integers (a DOUBLE sum would print an exponent and drop low bits), and the
    // same rows in another order give the same digest.
    void digestIsExactAndOrderFree()
    {
        SqlSession session;
        QVERIFY(!session.open(source()).isError());
        const QStringList columns{QStringLiteral("line"), QStringLiteral("n")};
        const Result<TableDigest> before =
            TableDigest::compute(session, QStringLiteral("verify_src"), QStringLiteral("log_lines"), columns);
        QVERIFY2(before.ok(), qPrintable(before ? QString() : before.error().oneLine()));
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{19,}:[0-9]{19,}$")).match(before->sum).hasMatch(),
                 qPrintable(before->sum));
        QCOMPARE(before->rows, 4);
        QVERIFY(
            !session.exec(QStringLiteral("CREATE TABLE log_copy AS SELECT * FROM log_lines ORDER BY n DESC"))
                 .isError());
        const Result<TableDigest> reordered =
            TableDigest::compute(session, QStringLiteral("verify_src"), QStringLiteral("log_copy"), columns);
        QVERIFY(!session.exec(QStringLiteral("DROP TABLE log_copy")).isError());
        QVERIFY(reordered.ok());
        QCOMPARE(reordered->sum, before->sum);
    }

    void oneRowChangeIsNamed()
    {
        run(target(), {QStringLiteral("UPDATE items SET price = price + 1 WHERE id = 2")});
        const VerifyOutcome o = verify();
        QVERIFY2(o.ok(), qPrintable(describe(o)));
        QCOMPARE(o.report.differences.size(), 1);
        QCOMPARE(o.report.differences.first().kind, VerifyDifference::Kind::Rows);
        QCOMPARE(o.report.differences.first().object, QStringLiteral("table `items`"));
    }

    void changedColumnCommentIsNamed()
    {
        run(target(),
            {QStringLiteral("ALTER TABLE items MODIFY name VARCHAR(40) NOT NULL COMMENT 'shown name'")});
        const VerifyOutcome o = verify();
        QVERIFY2(o.ok(), qPrintable(describe(o)));
        QCOMPARE(o.report.differences.size(), 1);
        const VerifyDifference d = o.report.differences.first();
        QCOMPARE(d.kind, VerifyDifference::Kind::Schema);
        QCOMPARE(d.object, QStringLiteral("table `items`"));
        QVERIFY2(d.detail.startsWith(QStringLiteral("column `name`:")) &&
                     d.detail.contains(QStringLiteral("shown name")),
                 qPrintable(d.detail));
    }

    void missingViewIsNamed()
    {
        run(target(), {QStringLiteral("DROP VIEW v_items")});
        const VerifyOutcome o = verify();
        QVERIFY2(o.ok(), qPrintable(describe(o)));
        QCOMPARE(o.report.lines(), QStringList{QStringLiteral("view `v_items`: missing from the target")});
    }

    // NULL and '' are different values; also in a table without a primary key.
    void nullVersusEmptyStringIsNamed()
    {
        const QVariantList before =
            run(target(), {QStringLiteral("UPDATE items SET note = '' WHERE id = 1"),
                           QStringLiteral("UPDATE log_lines SET line = '' WHERE line IS NULL"),
                           QStringLiteral("SELECT COUNT(*) FROM log_lines WHERE line = ''")});
        QCOMPARE(before.value(0).toInt(), 2); // premise: the NULL really became ''
        const VerifyOutcome o = verify();
        QVERIFY2(o.ok(), qPrintable(describe(o)));
        QCOMPARE(o.report.differences.size(), 2);
        QCOMPARE(o.report.differences.at(0).object, QStringLiteral("table `items`"));
        QCOMPARE(o.report.differences.at(1).object, QStringLiteral("table `log_lines`"));
        QCOMPARE(o.report.differences.at(1).kind, VerifyDifference::Kind::Rows);
        QCOMPARE(o.report.differences.at(1).detail, QStringLiteral("source 4 rows, target 4 rows"));
    }

    // The target's table with generated columns is reloaded (a new table filled from the old one, as a
    // restore does); its values are the same, so it must not be reported, whatever CHECKSUM TABLE says.
    // A change to a base column is, so the generated columns' table is really compared.
    void generatedColumnsLoadedIdenticallyMatch()
    {
        run(target(), {QStringLiteral("CREATE TABLE gen_copy LIKE gen"),
                       QStringLiteral("INSERT INTO gen_copy (id, a) SELECT id, a FROM gen"),
                       QStringLiteral("DROP TABLE gen"), QStringLiteral("RENAME TABLE gen_copy TO gen")});
        const QString values = QStringLiteral(
            "SELECT GROUP_CONCAT(CONCAT_WS(':', id, IFNULL(a, 'N'), IFNULL(v, 'N'), IFNULL(s, 'N')) "
            "ORDER BY id), COUNT(*) FROM gen");
        const QVariantList a = run(source(), {values});
        const QVariantList b = run(target(), {values});
        QCOMPARE(a.value(0).toString(), QStringLiteral("1:1:2:n1,2:20:40:n20,3:N:N:N"));
        QCOMPARE(b.value(0).toString(), a.value(0).toString()); // premise: the same values
        qInfo("CHECKSUM TABLE gen: source %s, target %s",
              qPrintable(run(source(), {QStringLiteral("CHECKSUM TABLE gen")}).value(1).toString()),
              qPrintable(run(target(), {QStringLiteral("CHECKSUM TABLE gen")}).value(1).toString()));
        VerifyOutcome o = verify();
        QVERIFY2(o.ok() && o.report.identical(), qPrintable(describe(o)));

        run(target(), {QStringLiteral("UPDATE gen SET a = 21 WHERE id = 2")});
        o = verify();
        QVERIFY2(o.ok(), qPrintable(describe(o)));
        QCOMPARE(o.report.lines(),
                 QStringList{QStringLiteral("table `gen`: rows differ (source 3 rows, target 3 rows)")});
    }

    // cancel() right after start(): the worker is still logging in, and stops before the first table.
    void cancelStopsBeforeTheTables()
    {
        DatabaseVerifier verifier;
        QSignalSpy finished(&verifier, &DatabaseVerifier::finished);
        QSignalSpy progressed(&verifier, &DatabaseVerifier::progressed);
        QVERIFY(verifier.start(source(), target()));
        QVERIFY(!verifier.start(source(), target())); // one run at a time
        verifier.cancel();
        QVERIFY(finished.wait(30000));
        const VerifyOutcome o = finished.takeFirst().at(0).value<VerifyOutcome>();
        QVERIFY(!o.ok());
        QCOMPARE(o.outcome.error().kind, Error::Kind::Cancelled);
        QCOMPARE(progressed.size(), 0);
        QVERIFY(!verifier.isRunning());
    }

    void wrongPasswordFailsWithoutThePassword()
    {
        DatabaseVerifier verifier;
        QSignalSpy finished(&verifier, &DatabaseVerifier::finished);
        ProbeTarget wrong = target();
        wrong.password = QStringLiteral("Not-The-Password-4711");
        QVERIFY(verifier.start(source(), wrong));
        QVERIFY(finished.wait(30000));
        const VerifyOutcome o = finished.takeFirst().at(0).value<VerifyOutcome>();
        QVERIFY(!o.ok());
        const QString line = o.outcome.error().oneLine();
        QVERIFY2(line.startsWith(QStringLiteral("target database")), qPrintable(line));
        QVERIFY(!line.contains(wrong.password) && !line.contains(m_password));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseVerifier)
#include "tst_databaseverifier.moc"
