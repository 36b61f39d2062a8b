// SPDX-License-Identifier: MIT
// ConsoleSession against the real heroku-sim: it owns the client and the catalog of one connection,
// and retiring it (signing in again) tells its dialogs, stops its reads and deletes it, client and
// catalog included, only from the event loop.
#include "SimProcess.h"
#include "heroku/HerokuClient.h"
#include "session/AppCatalog.h"
#include "session/ConsoleSession.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QtTest>

class TestConsoleSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ownsTheClientAndCatalogOfItsConnection();
    void retireStopsItsReadsAndDeletesItLater();
    void destroyingTheOwnerDeletesTheSession();

private:
    ConsoleConnection connection(bool sandbox = false) const;

    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestConsoleSession::initTestCase()
{
    // The app list answers late, so a refresh is still in flight when the session retires.
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--faults"),
                          QStringLiteral("GET /apps=slow:400")}),
             qPrintable(m_sim.errorString()));
}

ConsoleConnection TestConsoleSession::connection(bool sandbox) const
{
    ConsoleConnection connection;
    connection.endpoint = ApiEndpoint::fromSetting(m_sim.baseUrl());
    connection.token = Secret(m_sim.token());
    connection.credentialSource = QStringLiteral("from the test");
    connection.sandbox = sandbox;
    return connection;
}

void TestConsoleSession::ownsTheClientAndCatalogOfItsConnection()
{
    ConsoleSession session(&m_network, connection(true));
    QVERIFY(session.isSandbox());
    QVERIFY(!session.isRetired());
    QCOMPARE(session.client()->parent(), &session);
    QCOMPARE(session.catalog()->parent(), &session);
    QCOMPARE(session.client()->endpoint().baseUrl(), connection().endpoint.baseUrl());
    QVERIFY(session.client()->hasToken());
    QCOMPARE(session.connection().credentialSource, QStringLiteral("from the test"));

    QSignalSpy apps(session.catalog(), &AppCatalog::appsChanged);
    session.catalog()->refresh();
    QVERIFY(apps.wait(10000));
    QCOMPARE(apps.first().first().toInt(), 3);
}

void TestConsoleSession::retireStopsItsReadsAndDeletesItLater()
{
    QPointer<ConsoleSession> session = new ConsoleSession(&m_network, connection());
    const QPointer<HerokuClient> client = session->client();
    const QPointer<AppCatalog> catalog = session->catalog();
    QSignalSpy retiring(session.data(), &ConsoleSession::retiring);
    QSignalSpy busy(catalog.data(), &AppCatalog::busyChanged);
    catalog->refresh();
    QVERIFY(catalog->isBusy());

    session->retire();
    session->retire(); // once is enough; a second call changes nothing
    QCOMPARE(retiring.count(), 1);
    QVERIFY(session->isRetired());
    QVERIFY(!catalog->isBusy()); // its reads were cancelled
    // Still there: a reply being delivered up the stack may still use it.
    QVERIFY(session && client && catalog);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(session.isNull());
    QVERIFY(client.isNull());
    QVERIFY(catalog.isNull());
    // Cut off from every receiver before it was cancelled: not even "not busy" got out.
    QCOMPARE(busy.count(), 1);
    QCOMPARE(busy.first().first().toBool(), true);
}

void TestConsoleSession::destroyingTheOwnerDeletesTheSession()
{
    auto *owner = new QObject;
    const QPointer<ConsoleSession> session = new ConsoleSession(&m_network, connection(), owner);
    const QPointer<HerokuClient> client = session->client();
    session->catalog()->refresh();
    delete owner;
    QVERIFY(session.isNull());
    QVERIFY(client.isNull());
    QTest::qWait(600); // the slow app list would have answered by now: nothing is left to crash
}

QTEST_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
