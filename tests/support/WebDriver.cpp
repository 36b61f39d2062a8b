// SPDX-License-Identifier: MIT
#include "WebDriver.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

namespace {
constexpr int CallTimeoutMs = 60000;
// The W3C element reference key (WebDriver §12.1, "web element identifier").
const QString ElementKey = QStringLiteral("element-6066-11e4-a52e-4f735466cecf");

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}
} // namespace

WebDriver::WebDriver() = default;

WebDriver::~WebDriver()
{
    stop();
}

QString WebDriver::chromiumPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("chromium"));
}

QString WebDriver::chromedriverPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("chromedriver"));
}

bool WebDriver::available()
{
    return !chromiumPath().isEmpty() && !chromedriverPath().isEmpty();
}

bool WebDriver::start()
{
    if (!available()) {
        m_error = QStringLiteral("chromium or chromedriver is not installed");
        return false;
    }
    const quint16 port = freePort();
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    m_driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_driver.setStandardOutputFile(QProcess::nullDevice());
    m_driver.start(chromedriverPath(), {QStringLiteral("--port=%1").arg(port)});
    if (!m_driver.waitForStarted(10000)) {
        m_error = QStringLiteral("chromedriver did not start: %1").arg(m_driver.errorString());
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    // chromedriver answers GET /status once it listens.
    while (call("GET", QStringLiteral("/status")).isUndefined()) {
        if (waited.elapsed() > 10000 || m_driver.state() != QProcess::Running) {
            m_error = QStringLiteral("chromedriver did not answer on port %1: %2").arg(port).arg(m_error);
            return false;
        }
        QTest::qWait(50);
    }
    const QJsonObject options{
        {QStringLiteral("binary"), chromiumPath()},
        {QStringLiteral("args"),
         QJsonArray{QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                    QStringLiteral("--disable-gpu"), QStringLiteral("--disable-dev-shm-usage"),
                    QStringLiteral("--no-first-run"),
                    QString(QStringLiteral("--user-data-dir=") + m_profile.path())}}};
    const QJsonObject capabilities{
        {QStringLiteral("alwaysMatch"), QJsonObject{{QStringLiteral("browserName"), QStringLiteral("chrome")},
                                                    {QStringLiteral("goog:chromeOptions"), options}}}};
    const QJsonValue session =
        call("POST", QStringLiteral("/session"), QJsonObject{{QStringLiteral("capabilities"), capabilities}});
    m_session = session.toObject().value(QStringLiteral("sessionId")).toString();
    if (m_session.isEmpty()) {
        m_error = QStringLiteral("chromedriver opened no session: %1").arg(m_error);
        return false;
    }
    return true;
}

bool WebDriver::navigate(const QUrl &url)
{
    return !call("POST", QStringLiteral("/session/%1/url").arg(m_session),
                 QJsonObject{{QStringLiteral("url"), url.toString(QUrl::FullyEncoded)}})
                .isUndefined();
}

bool WebDriver::click(const QString &cssSelector)
{
    const QJsonValue element = call("POST", QStringLiteral("/session/%1/element").arg(m_session),
                                    QJsonObject{{QStringLiteral("using"), QStringLiteral("css selector")},
                                                {QStringLiteral("value"), cssSelector}});
    const QString id = element.toObject().value(ElementKey).toString();
    if (id.isEmpty()) {
        m_error = QStringLiteral("no element %1 on the page: %2").arg(cssSelector, m_error);
        return false;
    }
    return !call("POST", QStringLiteral("/session/%1/element/%2/click").arg(m_session, id), QJsonObject())
                .isUndefined();
}

QString WebDriver::bodyText()
{
    return call("POST", QStringLiteral("/session/%1/execute/sync").arg(m_session),
                QJsonObject{{QStringLiteral("script"), QStringLiteral("return document.body.innerText")},
                            {QStringLiteral("args"), QJsonArray()}})
        .toString();
}

QJsonValue WebDriver::call(const QByteArray &method, const QString &path, const QJsonValue &body)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(CallTimeoutMs);
    const QByteArray payload =
        body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact) : QByteArray();
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(CallTimeoutMs)) {
        reply->abort();
        reply->deleteLater();
        m_error = QStringLiteral("%1 %2: no answer in time").arg(QString::fromLatin1(method), path);
        return QJsonValue(QJsonValue::Undefined);
    }
    reply->deleteLater();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    const QJsonValue value = answer.value(QStringLiteral("value"));
    // WebDriver §6.6: an error is {"value": {"error", "message", "stacktrace"}} with a 4xx/5xx status.
    if (reply->error() != QNetworkReply::NoError || value.toObject().contains(QStringLiteral("error"))) {
        m_error = QStringLiteral("%1 %2: %3")
                      .arg(QString::fromLatin1(method), path,
                           value.toObject().value(QStringLiteral("message")).toString().left(300) +
                               QLatin1Char(' ') + reply->errorString());
        return QJsonValue(QJsonValue::Undefined);
    }
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

void WebDriver::stop()
{
    if (!m_session.isEmpty() && m_driver.state() == QProcess::Running)
        call("DELETE", QStringLiteral("/session/%1").arg(m_session));
    m_session.clear();
    if (m_driver.state() != QProcess::NotRunning) {
        m_driver.terminate();
        if (!m_driver.waitForFinished(5000)) {
            m_driver.kill();
            m_driver.waitForFinished(5000);
        }
    }
}
