// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>

// Answers heroku-sim's sign-in approval page the way its forms do, without a browser: POST
// application/x-www-form-urlencoded to <browser_url>/approve (account=<email>, or the first
// account) or <browser_url>/deny, on the login host the address names.
//
//     QCOMPARE(SimLoginPage::approve(browserUrl), 200);
//
// Waits (test code only) up to 10 s; returns the HTTP status, 0 when no answer came.
namespace SimLoginPage {
int approve(const QUrl &browserUrl, const QString &account = QString());
int deny(const QUrl &browserUrl);
} // namespace SimLoginPage
