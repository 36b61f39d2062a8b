// SPDX-License-Identifier: MIT
// The pre-flight's judgements without a server: versions, size against quota, privileges, binary
// logging, target contents.
#include "transfer/PreflightRules.h"

#include <QtTest>

using Severity = PreflightFinding::Severity;
using Version = PreflightRules::ServerVersion;
Q_DECLARE_METATYPE(Severity)

class TestPreflightRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versions_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("target");
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<QString>("text");
        QTest::newRow("same MariaDB") << "10.11.19-MariaDB-0+deb12u1"
                                      << "10.11.19-MariaDB-0+deb12u1" << Severity::Note
                                      << "Source server: MariaDB 10.11.19; target server: MariaDB 10.11.19.";
        QTest::newRow("MariaDB to MySQL") << "10.11.6-MariaDB"
                                          << "8.0.36" << Severity::Warning << "refused by MySQL";
        QTest::newRow("older MySQL target") << "8.0.36"
                                            << "5.6.50-log" << Severity::Warning << "the target is older";
        QTest::newRow("newer MySQL target") << "5.6.50-log"
                                            << "8.0.36" << Severity::Note << "MySQL 8.0.36.";
        QTest::newRow("MySQL to MariaDB") << "5.6.50"
                                          << "10.11.6-MariaDB" << Severity::Note << "MariaDB 10.11.6.";
    }

    void versions()
    {
        QFETCH(QString, source);
        QFETCH(QString, target);
        QFETCH(Severity, severity);
        QFETCH(QString, text);
        const PreflightFinding finding = PreflightRules::versions(Version{source, {}}, Version{target, {}});
        QCOMPARE(finding.severity, severity);
        QVERIFY2(finding.line.contains(text), qPrintable(finding.line));
    }

    void size_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<qint64>("quota");
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<QString>("text");
        constexpr qint64 Mb = 1024 * 1024;
        QTest::newRow("no quota") << 3 * Mb << qint64(0) << Severity::Note
                                  << "about 3.0 MB; the target's quota is not known";
        QTest::newRow("fits") << 3 * Mb << 1024 * Mb << Severity::Note << "quota of 1.0 GB: it fits";
        QTest::newRow("close") << (9 * 5 * Mb) / 10 << 5 * Mb << Severity::Warning << "close to the limit";
        QTest::newRow("too large") << 6 * Mb << 5 * Mb << Severity::Blocker
                                   << "6.0 MB against the target's quota of 5.0 MB: it will not fit";
    }

    void size()
    {
        QFETCH(qint64, bytes);
        QFETCH(qint64, quota);
        QFETCH(Severity, severity);
        QFETCH(QString, text);
        const PreflightFinding finding = PreflightRules::size(bytes, quota, false);
        QCOMPARE(finding.severity, severity);
        QVERIFY2(finding.line.contains(text), qPrintable(finding.line));
    }

    void missingPrivilegesAreNamed()
    {
        QSet<QString> all;
        for (const QString &privilege : PreflightRules::requiredPrivileges())
            all.insert(privilege);
        QVERIFY(PreflightRules::privileges(all).isEmpty());
        QSet<QString> partial = all;
        partial.remove(QStringLiteral("TRIGGER"));
        partial.remove(QStringLiteral("CREATE VIEW"));
        const QList<PreflightFinding> findings = PreflightRules::privileges(partial);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().severity, Severity::Blocker);
        QVERIFY2(findings.first().line.contains(QStringLiteral("lacks CREATE VIEW, TRIGGER on")),
                 qPrintable(findings.first().line));
    }

    void untrustedBinaryLogWarnsOnlyWhenItMatters()
    {
        QCOMPARE(PreflightRules::binlogTrust(true, false, false, 1, 0).size(), 1);
        QCOMPARE(PreflightRules::binlogTrust(true, false, false, 0, 0).size(), 0);  // nothing to refuse
        QCOMPARE(PreflightRules::binlogTrust(true, true, false, 1, 1).size(), 0);   // trusted
        QCOMPARE(PreflightRules::binlogTrust(true, false, true, 1, 1).size(), 0);   // SUPER
        QCOMPARE(PreflightRules::binlogTrust(false, false, false, 1, 1).size(), 0); // no binary log
        // A dump file: what it holds is not known, so the warning says "any".
        const QList<PreflightFinding> unknown = PreflightRules::binlogTrust(true, false, false, -1, -1);
        QCOMPARE(unknown.size(), 1);
        QVERIFY2(unknown.first().line.contains(QStringLiteral("any trigger or routine in the dump")) &&
                     !unknown.first().line.contains(QStringLiteral("-1")),
                 qPrintable(unknown.first().line));
    }

    void targetContents()
    {
        const QString label = QStringLiteral("u@h:3306/db");
        QCOMPARE(PreflightRules::targetContents(QString(), false, label).severity, Severity::Note);
        QVERIFY(!PreflightRules::targetContents(QString(), false, label).targetNotEmpty);
        QVERIFY(PreflightRules::targetContents(QStringLiteral("1 table"), false, label).targetNotEmpty);
        QVERIFY(PreflightRules::targetContents(QStringLiteral("1 table"), true, label).targetNotEmpty);
        const PreflightFinding refused =
            PreflightRules::targetContents(QStringLiteral("2 table(s)"), false, label);
        QCOMPARE(refused.severity, Severity::Blocker);
        QVERIFY(refused.line.contains(QStringLiteral("not empty (2 table(s))")));
        QCOMPARE(PreflightRules::targetContents(QStringLiteral("2 table(s)"), true, label).severity,
                 Severity::Warning);
    }
};

QTEST_GUILESS_MAIN(TestPreflightRules)
#include "tst_preflightrules.moc"
