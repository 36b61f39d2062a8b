// SPDX-License-Identifier: MIT
// libFuzzer: the password never shows through redacted() or a hidden-password snippet. The strong
// form: the output with one password equals the output with any other (non-empty) password, so it
// carries no information about it; plus the literal check that the password's text is absent.
#include "FuzzInput.h"

#include "dburl/FrameworkSnippet.h"

#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "dburl redaction broken: %s\n", what);
        std::abort();
    }
}

QString everySnippet(const DatabaseUrl &url)
{
    QString all;
    for (Framework::Id framework : Framework::snippetFrameworks()) {
        const FrameworkSnippet snippet = FrameworkSnippet::generate(url, framework);
        all += snippet.text() + snippet.connectionString;
    }
    return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const DatabaseUrl::ParseResult built = fuzzUrlFromBytes(data, size).validated();
    if (!built.ok() || !built.url.hasPassword())
        return 0;
    const DatabaseUrl &url = built.url;
    DatabaseUrl other = url;
    other.setPassword(url.password() + QStringLiteral("-different"));
    require(url.redacted() == other.redacted(), "redacted() depends on the password");
    require(everySnippet(url) == everySnippet(other), "a hidden-password snippet depends on the password");

    // Where the password cannot straddle the mask and does not occur in the other parts anyway, its
    // text must simply be absent.
    const QString password = url.password();
    DatabaseUrl without = url;
    without.setPassword(QString());
    const bool separable = !password.contains(QLatin1Char('*')) && !password.contains(QLatin1Char(':')) &&
                           !password.contains(QLatin1Char('@')) && !without.toString().contains(password);
    if (separable)
        require(!url.redacted().contains(password), "redacted() contains the password");
    return 0;
}
