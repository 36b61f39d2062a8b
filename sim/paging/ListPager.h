// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpRequest.h"
#include "sim/http/HttpResponse.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// Turns a full resource list into one Heroku page.
//
// Sorts by the Range field (default the first of `sortFields`, normally "id"), keeps the items
// inside the requested bounds and answers 206 Partial Content with Next-Range while more remain,
// 200 on the last page, Content-Range on both, and 416 on a malformed Range.
class ListPager
{
public:
    static HttpResponse respond(const HttpRequest &request, QList<QJsonObject> items,
                                const QStringList &sortFields = {QStringLiteral("id"),
                                                                 QStringLiteral("name")});
};
