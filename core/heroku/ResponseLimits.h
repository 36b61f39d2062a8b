// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// How much the client accepts from the API before it calls an answer broken. Heroku
// serves at most 1000 items per page (Range max=1000), so a real account fits in a few
// pages of a few megabytes; anything far beyond is a loop or a hostile server, and is
// stopped with an error instead of filling memory or running forever.
struct ResponseLimits
{
    // Pages of one listing (206 + Next-Range); 1000 pages are a million items.
    int maxPages = 1000;
    // Body bytes of one HTTP answer, checked while it arrives (and against Content-Length).
    qint64 maxBodyBytes = 32LL * 1024 * 1024;
};
