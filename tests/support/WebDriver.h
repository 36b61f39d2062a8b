// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

// A real browser for tests: Debian's headless chromium driven through chromedriver's W3C WebDriver
// HTTP API (https://www.w3.org/TR/webdriver2/), the few commands a sign-in page needs.
//
//     WebDriver browser;
//     if (!WebDriver::available()) QSKIP("...");
//     QVERIFY2(browser.start(), qPrintable(browser.errorString()));
//     QVERIFY2(browser.navigate(url), ...);
//     QVERIFY2(browser.click("#approve"), ...);
//     browser.bodyText();   // what the page says now
//
// start() runs chromedriver on a free 127.0.0.1 port and opens one session with chromium
// --headless=new and a private profile (--no-sandbox: tests may run as root, where chromium's
// sandbox refuses to start). Calls wait (test code only) up to 60 s each. The destructor closes
// the session and stops chromedriver, which ends the browser.
class WebDriver
{
public:
    WebDriver();
    ~WebDriver();
    WebDriver(const WebDriver &) = delete;
    WebDriver &operator=(const WebDriver &) = delete;

    // chromium and chromedriver are installed (Debian: chromium, chromium-driver).
    static bool available();
    static QString chromiumPath();
    static QString chromedriverPath();

    bool start();
    bool navigate(const QUrl &url);
    // Finds the first element matching the CSS selector and clicks it (a submit button submits).
    bool click(const QString &cssSelector);
    // document.body.innerText of the current page; empty on failure.
    QString bodyText();
    QString errorString() const { return m_error; }

private:
    // One WebDriver command; the answer's "value", or an undefined value with m_error set.
    QJsonValue call(const QByteArray &method, const QString &path, const QJsonValue &body = QJsonValue());
    void stop();

    QProcess m_driver;
    QNetworkAccessManager m_network;
    QTemporaryDir m_profile;
    QUrl m_base;
    QString m_session;
    QString m_error;
};
