// SPDX-License-Identifier: MIT
// libFuzzer: a dump file to restore is outside input (any server, any tool, any hand may have made it).
// DefinerFilter never crashes or loops, gives the same output however the input is cut into chunks,
// holds back at most MaxHeadBytes beyond each chunk, and only ever removes bytes: unchanged when it
// reports no clause removed, shorter otherwise.
#include "transfer/DefinerFilter.h"

#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "definer filter property broken: %s\n", what);
        std::abort();
    }
}

QByteArray filterInChunks(const QByteArray &input, qsizetype chunk, qint64 *removed)
{
    DefinerFilter filter;
    QByteArray all;
    for (qsizetype i = 0; i < input.size(); i += chunk) {
        QByteArray out;
        const qsizetype n = qMin(chunk, input.size() - i);
        filter.feed(input.constData() + i, n, out);
        require(out.size() <= n + DefinerFilter::MaxHeadBytes,
                "output ran ahead of the input by more than a head");
        all += out;
    }
    QByteArray rest;
    filter.finish(rest);
    require(rest.size() <= DefinerFilter::MaxHeadBytes, "more than one head was held back");
    *removed = filter.definersRemoved();
    return all + rest;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    qint64 removedWhole = 0;
    const QByteArray whole = filterInChunks(input, qMax<qsizetype>(1, input.size()), &removedWhole);
    if (removedWhole == 0)
        require(whole == input, "the input changed although no clause was removed");
    else
        require(whole.size() < input.size(), "a clause was reported removed but nothing got shorter");

    // The chunk size picked by the first byte, and single bytes: the same output.
    const qsizetype chunk = size > 0 ? qsizetype(data[0] % 17) + 1 : 1;
    for (const qsizetype c : {chunk, qsizetype(1)}) {
        qint64 removed = 0;
        require(filterInChunks(input, c, &removed) == whole, "the output depends on where chunks end");
        require(removed == removedWhole, "the count depends on where chunks end");
    }
    return 0;
}
