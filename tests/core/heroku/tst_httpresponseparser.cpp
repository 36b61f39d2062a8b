// SPDX-License-Identifier: MIT
// HttpResponseParser against the framing rules of RFC 9112: every answer is fed whole,
// in 3-byte pieces and byte by byte, and must give the same verdict each way.
#include "heroku/HttpResponseParser.h"

#include <QtTest>

using State = HttpResponseParser::State;
using Error = HttpResponseParser::Error;

class TestHttpResponseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void keepsTrailersApart();
    void ignoresInputAfterTheAnswer();
};

namespace {
const QByteArray Chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
constexpr qint64 MiB = 1024 * 1024;
} // namespace

void TestHttpResponseParser::parses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("closeAtEnd");
    QTest::addColumn<qint64>("maxBody");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    const auto ok = [](const char *name, const QByteArray &input, int status, const QByteArray &body,
                       bool close = false, qint64 maxBody = HttpResponseParser::DefaultMaxBodyBytes) {
        QTest::newRow(name) << input << close << maxBody << int(State::Complete) << int(Error::None) << status
                            << body;
    };
    const auto bad = [](const char *name, const QByteArray &input, Error error, bool close = false,
                        qint64 maxBody = HttpResponseParser::DefaultMaxBodyBytes) {
        QTest::newRow(name) << input << close << maxBody << int(State::Failed) << int(error) << 0
                            << QByteArray();
    };

    // Well-formed answers.
    ok("content-length", "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello", 201, "hello");
    ok("content-length 0", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200, "");
    ok("same length twice", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab", 200, "ab");
    ok("same length listed", "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nab", 200, "ab");
    ok("chunked", Chunked + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 200, "hello world");
    ok("chunk extensions ignored", Chunked + "5;ext=1\r\nhello\r\n1 ; a=\"b\"\r\n!\r\n0;last\r\n\r\n", 200,
       "hello!");
    ok("upper-case hex, leading zeros", Chunked + "0000A\r\n0123456789\r\n00\r\n\r\n", 200, "0123456789");
    ok("chunked trailers", Chunked + "2\r\nok\r\n0\r\nChecksum: abc\r\nX-Other: 1\r\n\r\n", 200, "ok");
    ok("chunked case-insensitive", "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
       200, "x");
    ok("close-delimited", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end", 200,
       "until the end", true);
    ok("http/1.0 close-delimited", "HTTP/1.0 200 OK\r\n\r\nold", 200, "old", true);
    ok("100 continue skipped",
       "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}", 201, "{}");
    ok("103 early hints skipped",
       "HTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n"
       "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx",
       200, "x");
    ok("204 has no body", "HTTP/1.1 204 No Content\r\n\r\n", 204, "");
    ok("304 has no body despite length", "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", 304, "");
    ok("status without reason", "HTTP/1.1 202\r\nContent-Length: 0\r\n\r\n", 202, "");
    ok("body at the cap", "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabcd", 200, "abcd", false, 4);

    // Chunk sizes that must never be trusted (the -6 one used to loop forever).
    bad("chunk size -6", Chunked + "-6\r\nhello!\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk size +5", Chunked + "+5\r\nhello\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk size overflows 64 bits", Chunked + "ffffffffffffffffff\r\nx\r\n", Error::Malformed);
    bad("chunk size 2^64-1 over the cap", Chunked + "ffffffffffffffff\r\nx\r\n", Error::TooLarge);
    bad("chunk size empty", Chunked + "\r\nhello\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk size with junk", Chunked + "5 junk\r\nhello\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk size 0x prefix", Chunked + "0x5\r\nhello\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk size with space inside", Chunked + "1 0\r\n0123456789abcdef\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk longer than its size", Chunked + "5\r\nhello!\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk size line ends in bare LF", Chunked + "5\nhello\r\n0\r\n\r\n", Error::Malformed);
    bad("chunk size line too long", Chunked + "5;" + QByteArray(5000, 'x') + "\r\nhello\r\n",
        Error::TooLarge);
    bad("chunks over the cap", Chunked + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n", Error::TooLarge, false, 5);
    bad("chunked truncated", Chunked + "5\r\nhel", Error::Truncated, true);
    bad("chunked without last chunk", Chunked + "5\r\nhello\r\n", Error::Truncated, true);

    // Framing headers (RFC 9112 §6.3) and the header section.
    bad("length and chunked",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        Error::Malformed);
    bad("conflicting lengths", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
        Error::Malformed);
    bad("conflicting length list", "HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nabc", Error::Malformed);
    bad("length +3", "HTTP/1.1 200 OK\r\nContent-Length: +3\r\n\r\nabc", Error::Malformed);
    bad("length -1", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", Error::Malformed);
    bad("length empty", "HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n", Error::Malformed);
    bad("length overflows", "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        Error::Malformed);
    bad("length over the cap", "HTTP/1.1 200 OK\r\nContent-Length: 16777217\r\n\r\n", Error::TooLarge);
    bad("close-delimited over the cap", "HTTP/1.1 200 OK\r\n\r\n" + QByteArray(11, 'x'), Error::TooLarge,
        true, 10);
    bad("unknown transfer coding", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
        Error::Malformed);
    bad("space before colon", "HTTP/1.1 200 OK\r\nContent-Length : 1\r\n\r\nx", Error::Malformed);
    bad("obs-fold", "HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\nContent-Length: 0\r\n\r\n",
        Error::Malformed);
    bad("header line ends in bare LF", "HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n", Error::Malformed);
    bad("NUL in a header", QByteArray("HTTP/1.1 200 OK\r\nX-A: a") + '\0' + "b\r\n\r\n", Error::Malformed);
    bad("header section too large", "HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n",
        Error::TooLarge);
    bad("endless 100 continues", QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(3000), Error::TooLarge);
    bad("101 switching protocols", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
        Error::Malformed);
    bad("not http", "SSH-2.0-OpenSSH_9.2\r\n", Error::Malformed);
    bad("http/2 status line", "HTTP/2 200\r\n\r\n", Error::Malformed);
    bad("status 99", "HTTP/1.1 099 Low\r\n\r\n", Error::Malformed);
    bad("status 600", "HTTP/1.1 600 High\r\n\r\n", Error::Malformed);
    bad("status with sign", "HTTP/1.1 +20 Odd\r\n\r\n", Error::Malformed);
    bad("length body truncated", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", Error::Truncated, true);
    bad("head truncated", "HTTP/1.1 200 OK\r\nContent-Le", Error::Truncated, true);
    bad("nothing at all", "", Error::Truncated, true);
}

void TestHttpResponseParser::parses()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, closeAtEnd);
    QFETCH(qint64, maxBody);
    QFETCH(int, state);
    QFETCH(int, error);
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    for (const qsizetype piece : {input.size(), qsizetype(3), qsizetype(1)}) {
        HttpResponseParser parser(maxBody);
        for (qsizetype at = 0; at < input.size() && parser.state() == State::NeedMore;
             at += qMax<qsizetype>(1, piece))
            parser.feed(input.mid(at, qMax<qsizetype>(1, piece)));
        if (closeAtEnd)
            parser.finishInput();
        const QByteArray where =
            "in pieces of " + QByteArray::number(piece) + ": " + parser.errorString().toUtf8();
        QVERIFY2(int(parser.state()) == state, where.constData());
        QVERIFY2(int(parser.error()) == error, where.constData());
        if (state == int(State::Failed)) {
            QVERIFY(!parser.errorString().isEmpty());
            QVERIFY(parser.body().isEmpty());
            continue;
        }
        QCOMPARE(parser.status(), status);
        QCOMPARE(parser.body(), body);
    }
    QCOMPARE(HttpResponseParser::DefaultMaxBodyBytes, 16 * MiB);
}

void TestHttpResponseParser::keepsTrailersApart()
{
    HttpResponseParser parser;
    QCOMPARE(parser.feed(Chunked + "1\r\nx\r\n0\r\nChecksum: abc\r\n\r\n"), State::Complete);
    QCOMPARE(parser.trailers().size(), 1);
    QCOMPARE(parser.trailers().first().first, QByteArray("checksum"));
    QCOMPARE(parser.trailers().first().second, QByteArray("abc"));
    QCOMPARE(parser.headers().size(), 1); // only Transfer-Encoding: trailers are not headers
    QCOMPARE(parser.headers().first().first, QByteArray("transfer-encoding"));
}

void TestHttpResponseParser::ignoresInputAfterTheAnswer()
{
    HttpResponseParser parser;
    QCOMPARE(parser.feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA"),
             State::Complete);
    QCOMPARE(parser.interimResponses(), 1);
    QCOMPARE(parser.feed("-6\r\n"), State::Complete);
    QCOMPARE(parser.finishInput(), State::Complete);
    QCOMPARE(parser.body(), QByteArray("ok"));
    QCOMPARE(parser.reason(), QByteArray("OK"));
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
