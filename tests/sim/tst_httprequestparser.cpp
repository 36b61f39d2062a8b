// SPDX-License-Identifier: MIT
// HttpRequestParser: partial reads, pipelining, Content-Length bodies and bounded, refused input.
#include "HttpRequestParser.h"

#include <QRandomGenerator>
#include <QTest>

class TestHttpRequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void byteByByte();
    void pipelined();
    void errors_data();
    void errors();
    void keepAliveRules();
    void expectContinue();
    void survivesRandomInput();
};

void TestHttpRequestParser::byteByByte()
{
    const QByteArray wire = "PATCH /apps/a%20b/config-vars?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n"
                            "Accept: application/vnd.heroku+json; version=3\r\n\r\n{\"A\":\"b c\"}";
    HttpRequestParser parser;
    HttpRequest request;
    for (int i = 0; i < wire.size() - 1; ++i) {
        parser.append(wire.mid(i, 1));
        QCOMPARE(parser.next(&request), HttpRequestParser::Result::NeedMore);
    }
    parser.append(wire.right(1));
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Complete);
    QCOMPARE(request.method, QByteArray("PATCH"));
    QCOMPARE(request.path, QStringLiteral("/apps/a b/config-vars"));
    QCOMPARE(request.query.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
    QCOMPARE(request.header("ACCEPT"), QByteArray("application/vnd.heroku+json; version=3"));
    QCOMPARE(request.body, QByteArray("{\"A\":\"b c\"}"));
}

void TestHttpRequestParser::pipelined()
{
    HttpRequestParser parser;
    parser.append(
        "GET /a HTTP/1.1\r\n\r\nDELETE /b HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET /c HTTP/1.1\r\n");
    HttpRequest request;
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Complete);
    QCOMPARE(request.path, QStringLiteral("/a"));
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Complete);
    QCOMPARE(request.path, QStringLiteral("/b"));
    QCOMPARE(request.body, QByteArray("{}"));
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::NeedMore);
    parser.append("\r\n");
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Complete);
    QCOMPARE(request.path, QStringLiteral("/c"));
}

void TestHttpRequestParser::errors_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::newRow("request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET apps HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -4\r\n\r\n") << 400;
    QTest::newRow("huge body") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n") << 413;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 400;
    QTest::newRow("version") << QByteArray("GET / HTTP/3.0\r\n\r\n") << 505;
    QTest::newRow("endless headers") << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(20000, 'a') << 431;
}

void TestHttpRequestParser::errors()
{
    QFETCH(QByteArray, wire);
    HttpRequestParser parser;
    parser.append(wire);
    HttpRequest request;
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Error);
    QTEST(parser.errorStatus(), "status");
    QVERIFY(!parser.errorMessage().isEmpty());
    parser.append("GET / HTTP/1.1\r\n\r\n");
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Error); // stays failed: connection closes
}

void TestHttpRequestParser::keepAliveRules()
{
    HttpRequestParser parser;
    parser.append("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.0\r\n\r\n"
                  "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
    HttpRequest r;
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::Complete);
    QVERIFY(r.keepAlive());
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::Complete);
    QVERIFY(!r.keepAlive());
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::Complete);
    QVERIFY(!r.keepAlive());
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::Complete);
    QVERIFY(r.keepAlive());
}

void TestHttpRequestParser::expectContinue()
{
    HttpRequestParser parser;
    HttpRequest r;
    QVERIFY(!parser.takeContinue());
    parser.append("POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::NeedMore);
    QVERIFY(parser.takeContinue());
    QVERIFY(!parser.takeContinue()); // owed once
    parser.append("ab");
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::NeedMore);
    QVERIFY(!parser.takeContinue()); // still the same request
    parser.append("cd");
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::Complete);
    QCOMPARE(r.body, QByteArray("abcd"));
    // The next request on the connection is owed its own interim answer.
    parser.append("POST /b HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n");
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::NeedMore);
    QVERIFY(parser.takeContinue());
    parser.append("x");
    QCOMPARE(parser.next(&r), HttpRequestParser::Result::Complete);
    QCOMPARE(r.path, QStringLiteral("/b"));
}

void TestHttpRequestParser::survivesRandomInput()
{
    // Deterministic noise around valid requests: the parser must always end in a defined state,
    // never read past its buffer, and never report a body longer than its Content-Length.
    QRandomGenerator rng(42);
    const QByteArray valid = "POST /apps HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc";
    for (int round = 0; round < 2000; ++round) {
        QByteArray wire = valid;
        const int edits = int(rng.bounded(1, 6));
        for (int e = 0; e < edits; ++e) {
            const int at = int(rng.bounded(wire.size()));
            wire[at] = char(rng.bounded(256));
        }
        HttpRequestParser parser;
        for (int i = 0; i < wire.size(); i += 5)
            parser.append(wire.mid(i, 5));
        HttpRequest r;
        int completed = 0;
        HttpRequestParser::Result result;
        while ((result = parser.next(&r)) == HttpRequestParser::Result::Complete) {
            QVERIFY(r.body.size() <= wire.size());
            QVERIFY(++completed <= 2);
        }
        if (result == HttpRequestParser::Result::Error)
            QVERIFY(parser.errorStatus() >= 400 && parser.errorStatus() < 600);
    }
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
