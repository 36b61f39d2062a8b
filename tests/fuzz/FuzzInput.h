// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/DatabaseUrl.h"

#include <cstddef>
#include <cstdint>

// Turns fuzzer bytes into DatabaseUrl parts: the input is split at 0x00 bytes into scheme selector,
// user, password, host, database, then option keys and values; two bytes of the first piece pick the
// port. Any split is fine for the properties checked, which must hold for every validated URL.
inline DatabaseUrl fuzzUrlFromBytes(const uint8_t *data, size_t size)
{
    QList<QString> parts;
    size_t start = 0;
    for (size_t i = 0; i <= size; ++i) {
        if (i == size || data[i] == 0) {
            parts.append(
                QString::fromUtf8(reinterpret_cast<const char *>(data + start), qsizetype(i - start)));
            start = i + 1;
        }
    }
    while (parts.size() < 5)
        parts.append(QString());
    DatabaseUrl url;
    const QByteArray head = parts.at(0).toUtf8();
    url.setScheme(head.size() % 2 ? QStringLiteral("mysql2") : QStringLiteral("mysql"));
    url.setPort(head.size() >= 2 ? (uint8_t(head.at(0)) << 8 | uint8_t(head.at(1))) : 0);
    url.setUser(parts.at(1));
    url.setPassword(parts.at(2));
    url.setHost(parts.at(3));
    url.setDatabase(parts.at(4));
    for (qsizetype i = 5; i + 1 < parts.size(); i += 2)
        url.addOption(parts.at(i), parts.at(i + 1));
    return url;
}
