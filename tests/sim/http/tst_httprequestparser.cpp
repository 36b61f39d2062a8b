// SPDX-License-Identifier: MIT
// HttpRequestParser: partial reads, pipelining, Content-Length bodies and bounded, refused input.
#include "sim/http/HttpRequestParser.h"

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
    void accepted_data();
    void accepted();
    void configurableLimits();
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
        "GET /a HTTP/1.1\r\nHost: h\r\n\r\nDELETE /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}"
        "GET /c HTTP/1.1\r\nHost: h\r\n");
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
    const QByteArray post = "POST / HTTP/1.1\r\nHost: h\r\n";
    QTest::newRow("request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET apps HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("bad length") << QByteArray(post + "Content-Length: -4\r\n\r\n") << 400;
    QTest::newRow("huge body") << QByteArray(post + "Content-Length: 99999999\r\n\r\n") << 413;
    QTest::newRow("chunked") << QByteArray(post + "Transfer-Encoding: chunked\r\n\r\n") << 501;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 400;
    QTest::newRow("version") << QByteArray("GET / HTTP/3.0\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("endless headers") << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(20000, 'a') << 431;

    // Content-Length is 1*DIGIT (RFC 9110 §8.6); anything else makes the framing unknowable and
    // RFC 9112 §6.3 requires 400 and a close. Two different lengths are the request-smuggling
    // pattern: a proxy and this server would disagree on where the next request starts.
    QTest::newRow("duplicate length, different values")
        << QByteArray(post + "Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde") << 400;
    QTest::newRow("length list, different values")
        << QByteArray(post + "Content-Length: 3, 5\r\n\r\nabcde") << 400;
    QTest::newRow("length with plus sign") << QByteArray(post + "Content-Length: +3\r\n\r\nabc") << 400;
    QTest::newRow("length -1") << QByteArray(post + "Content-Length: -1\r\n\r\n") << 400;
    QTest::newRow("length in hex") << QByteArray(post + "Content-Length: 0x10\r\n\r\n") << 400;
    QTest::newRow("length empty") << QByteArray(post + "Content-Length: \r\n\r\n") << 400;
    QTest::newRow("length with inner space") << QByteArray(post + "Content-Length: 1 2\r\n\r\n") << 400;
    QTest::newRow("length list, empty member") << QByteArray(post + "Content-Length: 3,\r\n\r\nabc") << 400;
    QTest::newRow("length overflows 64 bits")
        << QByteArray(post + "Content-Length: 99999999999999999999999\r\n\r\n") << 400;
    // Transfer-Encoding (RFC 9112 §6.1, §6.3): with Content-Length, or without chunked as the final
    // coding, or on HTTP/1.0, the length cannot be determined reliably.
    QTest::newRow("transfer-encoding and length")
        << QByteArray(post + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc") << 400;
    QTest::newRow("length and transfer-encoding")
        << QByteArray(post + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc") << 400;
    QTest::newRow("chunked not last") << QByteArray(post + "Transfer-Encoding: chunked, gzip\r\n\r\n") << 400;
    QTest::newRow("identity coding") << QByteArray(post + "Transfer-Encoding: identity\r\n\r\n") << 400;
    QTest::newRow("transfer-encoding on HTTP/1.0")
        << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    // Field syntax (RFC 9112 §5.1, §5.2, §2.2; RFC 9110 §5.5).
    QTest::newRow("space before colon") << QByteArray(post + "Content-Length : 3\r\n\r\nabc") << 400;
    QTest::newRow("tab before colon") << QByteArray(post + "Content-Length\t: 3\r\n\r\nabc") << 400;
    QTest::newRow("name not a token") << QByteArray(post + "X(y): z\r\n\r\n") << 400;
    QTest::newRow("whitespace before first field") << QByteArray("GET / HTTP/1.1\r\n Host: h\r\n\r\n") << 400;
    QTest::newRow("folded with tab") << QByteArray(post + "A: b\r\n\tc\r\n\r\n") << 400;
    QTest::newRow("bare LF after request line") << QByteArray("GET / HTTP/1.1\nHost: h\r\n\r\n") << 400;
    QTest::newRow("bare LF ends the head") << QByteArray("GET / HTTP/1.1\r\nHost: h\n\n") << 400;
    QTest::newRow("bare LF between fields") << QByteArray(post + "A: b\nContent-Length: 3\r\n\r\nabc") << 400;
    QTest::newRow("bare CR in a value") << QByteArray("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n") << 400;
    QTest::newRow("NUL in a value") << QByteArray(post + QByteArray("X: a\0b\r\n\r\n", 10)) << 400;
    QTest::newRow("control byte in a value") << QByteArray(post + "X: a\x01z\r\n\r\n") << 400;
    // Request line (RFC 9112 §3): method SP request-target SP HTTP-version, one SP each.
    QTest::newRow("method not a token") << QByteArray("G@T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("empty method") << QByteArray(" / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("tab separator") << QByteArray("GET\t/ HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("trailing space") << QByteArray("GET / HTTP/1.1 \r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("control byte in target") << QByteArray("GET /a\x01z HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("fragment in target") << QByteArray("GET /a#b HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("version with junk") << QByteArray("GET / HTTP/1.1x\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("version without minor") << QByteArray("GET / HTTP/1\r\nHost: h\r\n\r\n") << 400;
    // Host (RFC 9112 §3.2): an HTTP/1.1 request needs exactly one.
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two Host fields") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
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
    parser.append("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Error); // stays failed: connection closes
}

void TestHttpRequestParser::accepted_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("body");
    const QByteArray post = "POST / HTTP/1.1\r\nHost: h\r\n";
    // RFC 9110 §8.6 lets a recipient take repeated identical lengths as one.
    QTest::newRow("identical duplicate lengths")
        << QByteArray(post + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc") << QByteArray("abc");
    QTest::newRow("identical length list")
        << QByteArray(post + "Content-Length: 3, 3\r\n\r\nabc") << QByteArray("abc");
    QTest::newRow("optional whitespace around the value")
        << QByteArray(post + "Content-Length:\t 3 \t\r\n\r\nabc") << QByteArray("abc");
    QTest::newRow("leading zeros") << QByteArray(post + "Content-Length: 0003\r\n\r\nabc")
                                   << QByteArray("abc");
    QTest::newRow("no length, no body") << QByteArray(post + "\r\n") << QByteArray();
    QTest::newRow("HTTP/1.0 without Host") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray();
    QTest::newRow("obs-text in a value")
        << QByteArray(post + "X: caf\xc3\xa9\r\nContent-Length: 1\r\n\r\nz") << QByteArray("z");
    QTest::newRow("empty lines before the request") << QByteArray("\r\n\r\n" + post + "\r\n") << QByteArray();
    QTest::newRow("empty value") << QByteArray(post + "X-Empty:\r\n\r\n") << QByteArray();
}

void TestHttpRequestParser::accepted()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, body);
    HttpRequestParser parser;
    parser.append(wire);
    HttpRequest request;
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::Complete);
    QCOMPARE(request.body, body);
    QCOMPARE(parser.next(&request), HttpRequestParser::Result::NeedMore);
}

void TestHttpRequestParser::configurableLimits()
{
    // A head of exactly the limit passes; one byte more is 431. A body of the limit passes; more is 413.
    const QByteArray start = "POST / HTTP/1.1\r\nHost: h\r\nX: ";
    const QByteArray head = start + QByteArray(64 - start.size() - 2, 'a') + "\r\n";
    QCOMPARE(head.size(), 64);
    HttpRequest request;
    {
        HttpRequestParser parser(64, 10);
        parser.append(head + "\r\n");
        QCOMPARE(parser.next(&request), HttpRequestParser::Result::Complete);
    }
    {
        HttpRequestParser parser(63, 10);
        parser.append(head + "\r\n");
        QCOMPARE(parser.next(&request), HttpRequestParser::Result::Error);
        QCOMPARE(parser.errorStatus(), 431);
    }
    {
        HttpRequestParser parser(64, 10);
        parser.append("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789");
        QCOMPARE(parser.next(&request), HttpRequestParser::Result::Complete);
        QCOMPARE(request.body, QByteArray("0123456789"));
        parser.append("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n");
        QCOMPARE(parser.next(&request), HttpRequestParser::Result::Error);
        QCOMPARE(parser.errorStatus(), 413);
    }
    {
        // Once a whole request's worth is buffered the parser has decided: the caller can stop reading.
        HttpRequestParser parser(64, 10);
        parser.append(QByteArray(parser.maxRequestBytes(), 'x'));
        QCOMPARE(parser.next(&request), HttpRequestParser::Result::Error);
        QCOMPARE(parser.errorStatus(), 431);
        QCOMPARE(parser.bufferedBytes(), qint64(0));
    }
}

void TestHttpRequestParser::keepAliveRules()
{
    HttpRequestParser parser;
    parser.append("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
                  "GET / HTTP/1.0\r\n\r\n"
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
    parser.append("POST /a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
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
    parser.append("POST /b HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n");
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
    const QByteArray valid = "POST /apps HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc";
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
