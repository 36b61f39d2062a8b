// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSet>

// Where a listing stands in Heroku's Range protocol, and the guard against a server that
// never lets it end.
//
// Heroku answers a list request with 206 Partial Content and a Next-Range header while
// more items remain; the client sends that value back verbatim as the next Range
// (devcenter "Platform API reference", Ranges). A broken or hostile server can answer 206
// forever; a Next-Range we already sent would repeat pages we hold, and a listing longer
// than the page limit is not an account, so both stop the listing.
//
//     PageCursor cursor(spec.rangeField, spec.pageSize, limits.maxPages);
//     request.setRawHeader("Range", cursor.range());
//     switch (cursor.advance(status, answer.header("Next-Range"))) { ... }
class PageCursor
{
public:
    enum class Step
    {
        Done,         // that was the last page
        Next,         // fetch range() next
        Repeated,     // the server sent a Next-Range we already requested
        TooManyPages, // the page limit is reached and the server still says "more"
    };

    PageCursor() = default;
    PageCursor(const QString &rangeField, int pageSize, int maxPages);

    bool isActive() const { return !m_range.isEmpty(); }
    // The Range header value for the next request.
    const QByteArray &range() const { return m_range; }
    int pages() const { return m_pages; }
    int maxPages() const { return m_maxPages; }
    // After a successful page: what to do next; with Next, range() is the new Range.
    Step advance(int status, const QByteArray &nextRange);

private:
    QByteArray m_range;
    QSet<QByteArray> m_requested;
    int m_pages = 0;
    int m_maxPages = 0;
};
