// SPDX-License-Identifier: MIT
// libFuzzer: HttpResponseParser on arbitrary server bytes. Beyond "no crash, no sanitizer
// report": the verdict does not depend on how the bytes were split (the same answer fed
// whole and in pieces of 1..16 bytes gives the same state, error, status and body), the
// body never exceeds its cap, and a finished parser stays finished.
#include "heroku/HttpResponseParser.h"

#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "http response parser broken: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // First byte: piece size (low nibble + 1) and a small body cap, so the caps are reached.
    const qsizetype piece = (data[0] & 0x0f) + 1;
    const qint64 maxBody = (data[0] >> 4) * 64;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    HttpResponseParser whole(maxBody, 512);
    whole.feed(input);
    whole.finishInput();

    HttpResponseParser split(maxBody, 512);
    for (qsizetype at = 0; at < input.size(); at += piece) {
        const HttpResponseParser::State before = split.state();
        const HttpResponseParser::State after = split.feed(input.mid(at, piece));
        require(before == HttpResponseParser::State::NeedMore || after == before, "left a final state");
    }
    split.finishInput();

    require(whole.state() != HttpResponseParser::State::NeedMore, "undecided after the end of input");
    require(whole.state() == split.state(), "verdict depends on how the input was split");
    require(whole.error() == split.error(), "error depends on how the input was split");
    require(whole.body() == split.body(), "body depends on how the input was split");
    require(whole.status() == split.status() || whole.state() == HttpResponseParser::State::Failed,
            "status depends on how the input was split");
    require(whole.body().size() <= maxBody, "body larger than its cap");
    if (whole.state() == HttpResponseParser::State::Complete)
        require(whole.status() >= 200 && whole.status() <= 599, "completed without a final status");
    else
        require(!whole.errorString().isEmpty(), "failed without saying why");
    return 0;
}
