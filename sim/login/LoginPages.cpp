// SPDX-License-Identifier: MIT
#include "sim/login/LoginPages.h"

namespace {
HttpResponse html(int status, const QString &title, const QString &body)
{
    HttpResponse r;
    r.status = status;
    r.body =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1</title>"
                       "</head>\n<body>\n%2</body></html>\n")
            .arg(title.toHtmlEscaped(), body)
            .toUtf8();
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    // The page is per request and holds a one-time choice.
    r.setHeader("Cache-Control", "no-store");
    return r;
}
} // namespace

namespace LoginPages {

HttpResponse approval(const QString &requestId, const QString &description,
                      const QList<SimState::Account> &accounts)
{
    const QString base = QStringLiteral("/auth/cli/browser/") + requestId;
    QString options;
    for (int i = 0; i < accounts.size(); ++i) {
        const SimState::Account &a = accounts.at(i);
        options += QStringLiteral("<option value=\"%1\"%2>%3</option>\n")
                       .arg(a.email.toHtmlEscaped(), i == 0 ? QStringLiteral(" selected") : QString(),
                            QStringLiteral("%1 (%2)").arg(a.email, a.name).toHtmlEscaped());
    }
    const QString shown = description.isEmpty() ? QStringLiteral("Unnamed login") : description;
    const QString body = QStringLiteral("<h1>Log in to heroku-sim</h1>\n"
                                        "<p id=\"description\">%1</p>\n"
                                        "<form method=\"post\" action=\"%2/approve\">\n"
                                        "<label for=\"account\">Account</label>\n"
                                        "<select name=\"account\" id=\"account\">\n%3</select>\n"
                                        "<button type=\"submit\" id=\"approve\">Approve</button>\n"
                                        "</form>\n"
                                        "<form method=\"post\" action=\"%2/deny\">\n"
                                        "<button type=\"submit\" id=\"deny\">Deny</button>\n"
                                        "</form>\n")
                             .arg(shown.toHtmlEscaped(), base.toHtmlEscaped(), options);
    return html(200, QStringLiteral("Log in to heroku-sim"), body);
}

HttpResponse message(int status, const QString &title, const QString &text)
{
    return html(status, title,
                QStringLiteral("<h1>%1</h1>\n<p id=\"message\">%2</p>\n")
                    .arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
}

} // namespace LoginPages
