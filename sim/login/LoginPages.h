// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpResponse.h"
#include "sim/state/SimState.h"

#include <QList>
#include <QString>

// The login host's HTML pages. Plain forms, no JavaScript, so a headless browser (or a test posting
// the form itself) can click through them: the approval page has <select id="account"> and the
// buttons #approve and #deny. Every text that comes from a request is HTML-escaped.
namespace LoginPages {
HttpResponse approval(const QString &requestId, const QString &description,
                      const QList<SimState::Account> &accounts);
// A page with a heading and one line of text, e.g. "Approved" / "You may close this page."
HttpResponse message(int status, const QString &title, const QString &text);
} // namespace LoginPages
