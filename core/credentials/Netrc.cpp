// SPDX-License-Identifier: MIT
#include "Netrc.h"

#include "NetrcParser.h"

Netrc Netrc::parse(const QByteArray &bytes)
{
    return NetrcParser(bytes).parse();
}

const NetrcEntry *Netrc::find(const QString &machine) const
{
    for (const NetrcEntry &entry : m_entries) {
        if (!entry.isDefault && entry.machine.compare(machine, Qt::CaseInsensitive) == 0)
            return &entry;
    }
    return nullptr;
}

const NetrcEntry *Netrc::defaultEntry() const
{
    for (const NetrcEntry &entry : m_entries) {
        if (entry.isDefault)
            return &entry;
    }
    return nullptr;
}

QByteArray Netrc::lineEnding() const
{
    return m_bytes.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}
