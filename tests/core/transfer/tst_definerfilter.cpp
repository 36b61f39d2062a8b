// SPDX-License-Identifier: MIT
// DefinerFilter: every form the dump tools write loses its DEFINER clause, data and string literals
// that merely look like one keep it, and chunk boundaries anywhere give the same output.
#include "transfer/DefinerFilter.h"

#include <QtTest>

class TestDefinerFilter : public QObject
{
    Q_OBJECT

    static QByteArray filterAll(const QByteArray &input, qsizetype chunk)
    {
        DefinerFilter filter;
        QByteArray out;
        for (qsizetype i = 0; i < input.size(); i += chunk)
            filter.feed(input.constData() + i, qMin(chunk, input.size() - i), out);
        filter.finish(out);
        return out;
    }

private Q_SLOTS:
    void stripsEveryDumpForm_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("mariadb routine") << QByteArray("CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()\n")
                                         << QByteArray("CREATE  PROCEDURE `p`()\n");
        QTest::newRow("trigger")
            << QByteArray("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 "
                          "TRIGGER tr BEFORE INSERT ON g FOR EACH ROW SET NEW.n = 1\n")
            << QByteArray("/*!50003 CREATE*/ /*!50017 */ /*!50003 TRIGGER tr BEFORE INSERT ON g "
                          "FOR EACH ROW SET NEW.n = 1\n");
        QTest::newRow("view") << QByteArray("/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n")
                              << QByteArray("/*!50013  SQL SECURITY DEFINER */\n");
        QTest::newRow("event") << QByteArray(
                                      "/*!50106 CREATE*/ /*!50117 DEFINER=`a`@`%`*/ /*!50106 EVENT `e` x\n")
                               << QByteArray("/*!50106 CREATE*/ /*!50117 */ /*!50106 EVENT `e` x\n");
        QTest::newRow("mysql 5 routine")
            << QByteArray("/*!50003 CREATE*/ /*!50020 DEFINER=`u`@`h`*/ /*!50003 FUNCTION f\n")
            << QByteArray("/*!50003 CREATE*/ /*!50020 */ /*!50003 FUNCTION f\n");
        QTest::newRow("view statement")
            << QByteArray("CREATE OR REPLACE ALGORITHM=MERGE DEFINER='x'@'1.2.3.4' VIEW v\n")
            << QByteArray("CREATE OR REPLACE ALGORITHM=MERGE  VIEW v\n");
        QTest::newRow("backticks in names")
            << QByteArray("CREATE DEFINER=`we``ird user`@`h ``x` FUNCTION f()\n")
            << QByteArray("CREATE  FUNCTION f()\n");
        QTest::newRow("current_user") << QByteArray("CREATE DEFINER=CURRENT_USER() PROCEDURE p()\n")
                                      << QByteArray("CREATE  PROCEDURE p()\n");
        QTest::newRow("lower case") << QByteArray("create definer = `u`@`h` procedure p()\n")
                                    << QByteArray("create  procedure p()\n");
        QTest::newRow("data untouched")
            << QByteArray("INSERT INTO `t` VALUES (1,'CREATE DEFINER=`a`@`b` PROCEDURE');\n")
            << QByteArray("INSERT INTO `t` VALUES (1,'CREATE DEFINER=`a`@`b` PROCEDURE');\n");
        QTest::newRow("trigger body untouched")
            << QByteArray("/*!50003 CREATE*/ /*!50017 DEFINER=`r`@`l`*/ /*!50003 TRIGGER t SET NEW.n = "
                          "'DEFINER=`a`@`b`'\n")
            << QByteArray("/*!50003 CREATE*/ /*!50017 */ /*!50003 TRIGGER t SET NEW.n = 'DEFINER=`a`@`b`'\n");
        QTest::newRow("a word starting with create")
            << QByteArray("CREATED DEFINER=`a`@`b`\n") << QByteArray("CREATED DEFINER=`a`@`b`\n");
    }

    void stripsEveryDumpForm()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        for (const qsizetype chunk : {qsizetype(1), qsizetype(3), qsizetype(7), qsizetype(1 << 20)})
            QCOMPARE(filterAll(line, chunk), expected);
    }

    // A routine body's string literal that spans lines: its later lines are data, even when one of
    // them looks exactly like a definer clause.
    void multiLineStringsAndCommentsAreNotCode()
    {
        const QByteArray input = "CREATE DEFINER=`u`@`h` PROCEDURE p()\n"
                                 "SELECT 'first line\n"
                                 "CREATE DEFINER=`kept`@`h` FUNCTION inside_a_string\n"
                                 "'\n"
                                 ";;\n"
                                 "/* a comment that isn't closed on this line\n"
                                 "CREATE DEFINER=`kept2`@`h` PROCEDURE in_comment */\n"
                                 "-- it's a line comment, its quote opens nothing\n"
                                 "CREATE DEFINER=`gone`@`h` PROCEDURE q()\n";
        const QByteArray expected = "CREATE  PROCEDURE p()\n"
                                    "SELECT 'first line\n"
                                    "CREATE DEFINER=`kept`@`h` FUNCTION inside_a_string\n"
                                    "'\n"
                                    ";;\n"
                                    "/* a comment that isn't closed on this line\n"
                                    "CREATE DEFINER=`kept2`@`h` PROCEDURE in_comment */\n"
                                    "-- it's a line comment, its quote opens nothing\n"
                                    "CREATE  PROCEDURE q()\n";
        for (const qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(5), qsizetype(4096)}) {
            DefinerFilter filter;
            QByteArray out;
            for (qsizetype i = 0; i < input.size(); i += chunk)
                filter.feed(input.constData() + i, qMin(chunk, input.size() - i), out);
            filter.finish(out);
            QCOMPARE(out, expected);
            QCOMPARE(filter.definersRemoved(), 2);
        }
    }

    // An escaped quote inside a string does not end it; a doubled one does not either.
    void escapedQuotesKeepTheString()
    {
        const QByteArray input = "SELECT 'a\\'b''c\n"
                                 "CREATE DEFINER=`kept`@`h` PROCEDURE x'\n"
                                 "CREATE DEFINER=`gone`@`h` PROCEDURE y()\n";
        const QByteArray out = filterAll(input, 1);
        QVERIFY(out.contains("DEFINER=`kept`"));
        QVERIFY(!out.contains("DEFINER=`gone`"));
    }

    // A line far longer than the held-back head (a big extended INSERT) passes through whole, and the
    // filter holds at most MaxHeadBytes of it at any time.
    void longLinesPassThroughWithBoundedMemory()
    {
        QByteArray line = "INSERT INTO t VALUES ('";
        line += QByteArray(3 * 1024 * 1024, 'x');
        line += "');\nCREATE DEFINER=`u`@`h` PROCEDURE p()\n";
        DefinerFilter filter;
        QByteArray out;
        QByteArray all;
        const qsizetype chunk = 64 * 1024;
        for (qsizetype i = 0; i < line.size(); i += chunk) {
            out.clear();
            filter.feed(line.constData() + i, qMin(chunk, line.size() - i), out);
            // Output follows input within one held-back head: nothing accumulates.
            QVERIFY(out.size() <= chunk + DefinerFilter::MaxHeadBytes);
            all += out;
        }
        out.clear();
        filter.finish(out);
        all += out;
        QCOMPARE(all.size(), line.size() - qsizetype(sizeof("DEFINER=`u`@`h`") - 1));
        QVERIFY(all.endsWith("CREATE  PROCEDURE p()\n"));
    }

    void lastLineWithoutNewline()
    {
        QCOMPARE(filterAll("CREATE DEFINER=`u`@`h` PROCEDURE p()", 4), QByteArray("CREATE  PROCEDURE p()"));
    }
};

QTEST_GUILESS_MAIN(TestDefinerFilter)
#include "tst_definerfilter.moc"
