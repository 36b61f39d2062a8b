// SPDX-License-Identifier: MIT
// libFuzzer: heroku-sim's HTTP/1.1 request parser. The first input byte picks how the rest is cut
// into reads (TCP may deliver any split); the properties: no crash or sanitizer report; the same
// requests and the same error whether the bytes come at once or piecewise; every request handed
// out is well-formed (token method, origin-form target, one Host, clean field values, no
// Transfer-Encoding) with a body of exactly its Content-Length; the requests never account for more
// bytes than arrived; and a buffer holding a whole request's worth never answers NeedMore.
#include "sim/http/HttpRequestParser.h"
#include "sim/http/HttpSyntax.h"

#include <cstdio>
#include <cstdlib>

namespace {

constexpr qint64 maxHeader = 512;
constexpr qint64 maxBody = 2048;

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "HTTP request parser broken: %s\n", what);
        std::abort();
    }
}

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

void checkRequest(const HttpRequest &request)
{
    require(HttpSyntax::isToken(request.method), "method is not a token");
    require(HttpSyntax::isOriginForm(request.target), "target is not origin-form");
    require(request.version == "HTTP/1.1" || request.version == "HTTP/1.0", "unsupported version accepted");
    const qsizetype hosts = request.headerValues("host").size();
    require(hosts <= 1, "two Host fields accepted");
    require(hosts == 1 || request.version == "HTTP/1.0", "HTTP/1.1 request without Host");
    require(!request.hasHeader("transfer-encoding"), "Transfer-Encoding accepted");
    for (const auto &field : request.headers) {
        require(HttpSyntax::isToken(field.first), "field name is not a token");
        require(HttpSyntax::isFieldValue(field.second), "field value holds CR, LF, NUL or a control byte");
    }
    const HttpSyntax::ContentLength length =
        HttpSyntax::contentLength(request.headerValues("content-length"));
    require(length.valid, "invalid Content-Length accepted");
    require(request.body.size() == (length.present ? length.value : 0), "body differs from Content-Length");
    require(request.body.size() <= maxBody, "body over the limit");
}

Outcome parse(const QByteArray &input, qsizetype step)
{
    Outcome outcome;
    HttpRequestParser parser(maxHeader, maxBody);
    qint64 handedOut = 0;
    for (qsizetype at = 0; at < input.size() || at == 0; at += step) {
        parser.append(input.mid(at, step));
        HttpRequestParser::Result result;
        HttpRequest request;
        while ((result = parser.next(&request)) == HttpRequestParser::Result::Complete) {
            checkRequest(request);
            handedOut += request.body.size() + request.method.size() + request.target.size();
            outcome.requests.append(request);
        }
        require(handedOut + parser.bufferedBytes() <= qMin<qint64>(at + step, input.size()),
                "requests account for more bytes than arrived");
        if (result == HttpRequestParser::Result::Error) {
            outcome.errorStatus = parser.errorStatus();
            const int s = outcome.errorStatus;
            require(s == 400 || s == 413 || s == 431 || s == 501 || s == 505, "unexpected error status");
            require(parser.next(&request) == HttpRequestParser::Result::Error, "an error did not stick");
            require(parser.bufferedBytes() == 0, "a failed parser keeps input");
            return outcome;
        }
        require(parser.bufferedBytes() < parser.maxRequestBytes(), "NeedMore with a whole request buffered");
        if (input.isEmpty())
            break;
    }
    return outcome;
}

bool sameRequests(const Outcome &a, const Outcome &b)
{
    if (a.errorStatus != b.errorStatus || a.requests.size() != b.requests.size())
        return false;
    for (qsizetype i = 0; i < a.requests.size(); ++i) {
        const HttpRequest &x = a.requests.at(i);
        const HttpRequest &y = b.requests.at(i);
        if (x.method != y.method || x.target != y.target || x.headers != y.headers || x.body != y.body)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype step = 1 + data[0] % 16;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Outcome whole = parse(input, qMax<qsizetype>(1, input.size()));
    const Outcome pieces = parse(input, step);
    require(sameRequests(whole, pieces), "piecewise reads change the parse");
    return 0;
}
