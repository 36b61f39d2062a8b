// SPDX-License-Identifier: MIT
#include "PageCursor.h"

#include <QString>

PageCursor::PageCursor(const QString &rangeField, int pageSize, int maxPages)
    : m_range(rangeField.toLatin1() + " ..; max=" + QByteArray::number(pageSize)), m_maxPages(maxPages)
{
    m_requested.insert(m_range);
}

PageCursor::Step PageCursor::advance(int status, const QByteArray &nextRange)
{
    ++m_pages;
    if (status != 206 || nextRange.isEmpty())
        return Step::Done;
    if (m_requested.contains(nextRange))
        return Step::Repeated;
    if (m_pages >= m_maxPages)
        return Step::TooManyPages;
    m_range = nextRange;
    m_requested.insert(nextRange);
    return Step::Next;
}
