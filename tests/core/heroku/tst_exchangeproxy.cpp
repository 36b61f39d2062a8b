// SPDX-License-Identifier: MIT
// SingleAttemptExchange and HTTP proxies: it must go where QNetworkAccessManager goes.
// A scripted proxy shows what reaches the proxy (CONNECT for https, an absolute-form
// request for http, a 407); a real tinyproxy in front of heroku-sim shows a POST
// passing through it exactly once, and NO_PROXY bypassing it.
#include "ScriptedHttpServer.h"
#include "SimProcess.h"
#include "SimRequestLog.h"
#include "heroku/SingleAttemptExchange.h"

#include <QHostInfo>
#include <QNetworkProxyFactory>
#include <QTemporaryDir>
#include <QtTest>

Q_DECLARE_METATYPE(HttpAnswer)

namespace {
HttpAnswer post(const QUrl &url, const SingleAttemptExchange::Headers &headers,
                QNetworkProxyFactory *factory = nullptr)
{
    SingleAttemptExchange exchange;
    exchange.setProxyFactory(factory);
    QSignalSpy spy(&exchange, &SingleAttemptExchange::finished);
    exchange.start(url, "POST", headers, R"({"plan":"cleardb:ignite"})", 10000);
    if (!spy.wait(15000))
        return {};
    return spy.first().first().value<HttpAnswer>();
}

// A host name that is not loopback to Qt (which never proxies localhost or 127/8) and that
// the exchange must never resolve itself when a proxy is in the way.
QString originName()
{
    return QHostInfo::localHostName();
}

// What QNetworkAccessManager would use if Qt did not exempt loopback: the system settings
// (http_proxy, HTTPS_PROXY, NO_PROXY, ... through libproxy on Linux).
class SystemProxies : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return systemProxyForQuery(query);
    }
};

// Offers only a proxy that cannot carry HTTP at all.
class FtpOnlyProxies : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &) override
    {
        return {QNetworkProxy(QNetworkProxy::FtpCachingProxy, QStringLiteral("127.0.0.1"), 21)};
    }
};

// Debian's tinyproxy on a free 127.0.0.1 port, logging each request to a file.
class Tinyproxy
{
public:
    bool start(quint16 connectPort)
    {
        QTcpServer probe;
        if (!m_dir.isValid() || !probe.listen(QHostAddress::LocalHost, 0))
            return false;
        m_port = probe.serverPort();
        probe.close();
        QFile conf(m_dir.filePath(QStringLiteral("tinyproxy.conf")));
        if (!conf.open(QIODevice::WriteOnly))
            return false;
        conf.write(QStringLiteral("Port %1\nListen 127.0.0.1\nAllow 127.0.0.1\nTimeout 30\nMaxClients 16\n"
                                  "LogLevel Info\nLogFile \"%2\"\nConnectPort %3\n")
                       .arg(m_port)
                       .arg(logPath())
                       .arg(connectPort)
                       .toUtf8());
        conf.close();
        // -d: stay in the foreground, so the test owns (and stops) the process.
        m_process.start(QStringLiteral("tinyproxy"),
                        {QStringLiteral("-d"), QStringLiteral("-c"), conf.fileName()});
        if (!m_process.waitForStarted(5000))
            return false;
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(500))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    ~Tinyproxy() { stop(); }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }
    QString logPath() const { return m_dir.filePath(QStringLiteral("tinyproxy.log")); }
    // "Request (file descriptor N): POST http://… HTTP/1.1" lines of the log.
    int requestsLogged(const QByteArray &requestLine) const
    {
        QFile log(logPath());
        if (!log.open(QIODevice::ReadOnly))
            return 0;
        return int(log.readAll().count(QByteArray("): " + requestLine + "\n")));
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

SingleAttemptExchange::Headers apiHeaders(const SimProcess &sim)
{
    return {{"Authorization", "Bearer " + sim.token().toUtf8()},
            {"Accept", "application/vnd.heroku+json; version=3"},
            {"Content-Type", "application/json"}};
}

void setProxyEnvironment(const QByteArray &proxy, const QByteArray &noProxy)
{
    for (const char *name :
         {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY"})
        qunsetenv(name);
    qputenv("http_proxy", proxy);
    qputenv("HTTPS_PROXY", proxy);
    if (!noProxy.isEmpty())
        qputenv("NO_PROXY", noProxy);
}
} // namespace

class TestExchangeProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void httpsTunnelsThroughEnvironmentProxy();
    void httpIsForwardedToApplicationProxy();
    void refusedProxyCredentialsAreAClearError_data();
    void refusedProxyCredentialsAreAClearError();
    void unusableProxyIsAnError();
    void postPassesThroughTinyproxyOnce();
    void noProxyBypassesTinyproxy();
};

void TestExchangeProxy::initTestCase()
{
    qRegisterMetaType<HttpAnswer>();
    const QHostAddress literal(originName());
    QVERIFY2(!originName().isEmpty() && originName() != QLatin1String("localhost") && literal.isNull(),
             "the tests need a host name that Qt does not treat as loopback");
}

void TestExchangeProxy::cleanup()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
    setProxyEnvironment(QByteArray(), QByteArray());
    qunsetenv("http_proxy");
    qunsetenv("HTTPS_PROXY");
}

void TestExchangeProxy::httpsTunnelsThroughEnvironmentProxy()
{
    ScriptedHttpServer proxy;
    QVERIFY(proxy.listen());
    proxy.setAnswer(
        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
        "Content-Length: 0\r\n\r\n");
    setProxyEnvironment("http://127.0.0.1:" + QByteArray::number(proxy.port()), QByteArray());
    const QUrl url(QStringLiteral("https://%1/apps/a/addons").arg(originName()));
    // Premise: Qt itself (what QNetworkAccessManager uses) sends this URL to the proxy.
    const QList<QNetworkProxy> qtChoice = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    QCOMPARE(qtChoice.first().type(), QNetworkProxy::HttpProxy);
    QCOMPARE(qtChoice.first().port(), proxy.port());

    const HttpAnswer answer = post(url, {{"Authorization", "Bearer secret-token"}});
    // One CONNECT, and nothing else: the POST (and the token) never went out.
    QCOMPARE(proxy.connections(), 1);
    QVERIFY2(
        proxy.received().startsWith(QByteArray("CONNECT " + originName().toUtf8() + ":443 HTTP/1.1\r\n")),
        proxy.received().left(80).constData());
    QVERIFY(!proxy.received().contains("secret-token"));
    QCOMPARE(answer.transportError, QNetworkReply::ProxyAuthenticationRequiredError);
    QVERIFY2(answer.transportErrorText.contains(QLatin1String("407")), qPrintable(answer.transportErrorText));
}

void TestExchangeProxy::httpIsForwardedToApplicationProxy()
{
    ScriptedHttpServer proxy;
    QVERIFY(proxy.listen());
    proxy.setAnswer("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"),
                                                     proxy.port(), QStringLiteral("user"),
                                                     QStringLiteral("pw")));
    const QUrl url(QStringLiteral("http://%1:8080/apps/a/addons").arg(originName()));
    const HttpAnswer answer = post(url, {});
    QCOMPARE(proxy.connections(), 1);
    const QByteArray expected = "POST http://" + originName().toUtf8() + ":8080/apps/a/addons HTTP/1.1\r\n";
    QVERIFY2(proxy.received().startsWith(expected), proxy.received().left(80).constData());
    const QByteArray credentials =
        "\r\nProxy-Authorization: Basic " + QByteArray("user:pw").toBase64() + "\r\n";
    QVERIFY(proxy.received().contains(credentials));
    QCOMPARE(proxy.received().count("POST "), 1);
    QCOMPARE(answer.status, 201);
}

void TestExchangeProxy::refusedProxyCredentialsAreAClearError_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("https: CONNECT refused") << QStringLiteral("https");
    QTest::newRow("http: forwarded request refused") << QStringLiteral("http");
}

void TestExchangeProxy::refusedProxyCredentialsAreAClearError()
{
    QFETCH(QString, scheme);
    ScriptedHttpServer proxy;
    QVERIFY(proxy.listen());
    proxy.setAnswer(
        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
        "Content-Length: 0\r\n\r\n");
    // Like a real proxy: every CONNECT on the kept-alive connection gets its own 407.
    proxy.setCloseAtEnd(false);
    proxy.setAnswerEveryRequest(true);
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"),
                                                     proxy.port(), QStringLiteral("user"),
                                                     QStringLiteral("wrong")));
    const HttpAnswer answer =
        post(QUrl(QStringLiteral("%1://%2/apps/a/addons").arg(scheme, originName())), {});
    QCOMPARE(answer.transportError, QNetworkReply::ProxyAuthenticationRequiredError);
    QVERIFY2(answer.transportErrorText.contains(QLatin1String("407")), qPrintable(answer.transportErrorText));
    // Qt repeats a refused CONNECT once with the credentials; the POST itself reached the
    // proxy at most once (https: never, it waits for the tunnel).
    const qsizetype requests = proxy.received().count(" HTTP/1.1\r\n");
    QVERIFY2(requests >= 1 && requests <= 2, qPrintable(QString::number(requests)));
    QCOMPARE(proxy.received().count("POST "), scheme == QLatin1String("http") ? 1 : 0);
}

void TestExchangeProxy::unusableProxyIsAnError()
{
    // As QNetworkAccessManager: no silent fallback to a direct connection.
    ScriptedHttpServer origin;
    QVERIFY(origin.listen());
    origin.setAnswer("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
    FtpOnlyProxies ftpOnly;
    const HttpAnswer answer = post(origin.url(QStringLiteral("/apps/a/addons")), {}, &ftpOnly);
    QCOMPARE(answer.transportError, QNetworkReply::ProxyNotFoundError);
    QCOMPARE(origin.connections(), 0);
}

void TestExchangeProxy::postPassesThroughTinyproxyOnce()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(sim.errorString()));
    Tinyproxy tinyproxy;
    QVERIFY2(tinyproxy.start(quint16(sim.url(QStringLiteral("/")).port())),
             "tinyproxy did not start and listen "
             "(apt install tinyproxy)");
    setProxyEnvironment("http://127.0.0.1:" + QByteArray::number(tinyproxy.port()), QByteArray());
    SystemProxies system;
    const QUrl url = sim.url(QStringLiteral("/apps/%1/addons").arg(sim.appName(1)));
    SimRequestLog log(sim);
    const SingleAttemptExchange::Headers headers = apiHeaders(sim);
    const HttpAnswer answer = post(url, headers, &system);
    QVERIFY2(answer.status == 201, qPrintable(answer.transportErrorText + QString::number(answer.status)));
    QVERIFY(answer.header("Via").contains("tinyproxy"));
    QTRY_COMPARE(log.count(QStringLiteral("POST"), url.path()), 1);
    QCOMPARE(tinyproxy.requestsLogged("POST " + url.toEncoded() + " HTTP/1.1"), 1);

    // With the proxy gone the exchange fails on the proxy, and the sim receives nothing more.
    tinyproxy.stop();
    const HttpAnswer refused = post(url, headers, &system);
    QCOMPARE(refused.transportError, QNetworkReply::ProxyConnectionRefusedError);
    QVERIFY2(refused.transportErrorText.contains(QStringLiteral("proxy 127.0.0.1:%1").arg(tinyproxy.port())),
             qPrintable(refused.transportErrorText));
    QCOMPARE(log.count(QStringLiteral("POST"), url.path()), 1);
}

void TestExchangeProxy::noProxyBypassesTinyproxy()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(sim.errorString()));
    Tinyproxy tinyproxy;
    QVERIFY(tinyproxy.start(quint16(sim.url(QStringLiteral("/")).port())));
    setProxyEnvironment("http://127.0.0.1:" + QByteArray::number(tinyproxy.port()), "127.0.0.1");
    SystemProxies system;
    const QUrl url = sim.url(QStringLiteral("/apps/%1/addons").arg(sim.appName(1)));
    SimRequestLog log(sim);
    const HttpAnswer answer = post(url, apiHeaders(sim), &system);
    QVERIFY2(answer.status == 201, qPrintable(answer.transportErrorText + QString::number(answer.status)));
    QVERIFY(!answer.hasHeader("Via"));
    QTRY_COMPARE(log.count(QStringLiteral("POST"), url.path()), 1);
    QCOMPARE(tinyproxy.requestsLogged("POST " + url.toEncoded() + " HTTP/1.1"), 0);
}

QTEST_GUILESS_MAIN(TestExchangeProxy)
#include "tst_exchangeproxy.moc"
