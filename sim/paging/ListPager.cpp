// SPDX-License-Identifier: MIT
#include "sim/paging/ListPager.h"

#include "sim/paging/PageRange.h"

#include <QJsonArray>
#include <algorithm>

namespace {
QString sortValue(const QJsonObject &item, const QString &field)
{
    const QJsonValue v = item.value(field);
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}
} // namespace

HttpResponse ListPager::respond(const HttpRequest &request, QList<QJsonObject> items,
                                const QStringList &sortFields)
{
    const Result<PageRange> parsed = PageRange::parse(request.header("range"), sortFields);
    if (!parsed)
        return HttpResponse::error(416, QStringLiteral("requested_range_not_satisfiable"),
                                   parsed.error().oneLine());
    const PageRange &range = *parsed;

    std::stable_sort(items.begin(), items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const int c = PageRange::compareValues(sortValue(a, range.field), sortValue(b, range.field));
        return range.descending ? c > 0 : c < 0;
    });
    QJsonArray page;
    bool more = false;
    for (const QJsonObject &item : std::as_const(items)) {
        if (!range.contains(sortValue(item, range.field)))
            continue;
        if (page.size() == range.max) {
            more = true;
            break;
        }
        page.append(item);
    }
    HttpResponse response = HttpResponse::json(more ? 206 : 200, page);
    response.setHeader("Accept-Ranges", sortFields.join(QStringLiteral(", ")).toUtf8());
    if (!page.isEmpty()) {
        const QString first = sortValue(page.first().toObject(), range.field);
        const QString last = sortValue(page.last().toObject(), range.field);
        response.setHeader("Content-Range", range.contentRange(first, last));
        // Heroku keeps answering 206 with Next-Range until the last page (Platform API "Ranges").
        if (more)
            response.setHeader("Next-Range", range.nextRange(last));
    }
    return response;
}
