// SPDX-License-Identifier: MIT
// libFuzzer: parse(build(x)) == x. Two entry shapes, picked by the first byte:
// text URLs (anything parse() accepts must rebuild to text that parses to the same value, a fixed
// point) and structured parts (anything validated() accepts must survive toString() → parse()).
#include "FuzzInput.h"

#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        // Only the property's name: the input is in the crash file libFuzzer writes.
        std::fprintf(stderr, "dburl round trip broken: %s\n", what);
        std::abort();
    }
}

void checkRoundTrip(const DatabaseUrl &url)
{
    const QString text = url.toString();
    const DatabaseUrl::ParseResult again = DatabaseUrl::parse(text);
    require(again.ok(), "built URL does not parse");
    require(again.url == url, "parsed URL differs from the built one");
    require(again.url.toString() == text, "building is not a fixed point");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] & 1) {
        const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
        const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(text);
        if (parsed.ok())
            checkRoundTrip(parsed.url);
        else
            require(parsed.error.message.startsWith(DatabaseUrlError::partName(parsed.error.part)),
                    "error does not name the part");
        return 0;
    }
    const DatabaseUrl::ParseResult built = fuzzUrlFromBytes(data + 1, size - 1).validated();
    if (built.ok())
        checkRoundTrip(built.url);
    return 0;
}
