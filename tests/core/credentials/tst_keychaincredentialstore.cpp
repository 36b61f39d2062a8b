// SPDX-License-Identifier: MIT
#include "credentials/KeychainCredentialStore.h"
#ifdef CLEARDB_HAVE_LIBSECRET
#include "credentials/SecretServiceStore.h"
#endif

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QLibrary>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using Status = CredentialStoreResult::Status;
using namespace std::chrono_literals;

namespace {

const QString SecretsService = QStringLiteral("org.freedesktop.secrets");

// Takes every D-Bus call addressed to it and never replies.
class SilentObject : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return QString(); }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override
    {
        ++m_calls;
        return true; // "handled": QtDBus sends no error reply either
    }
    int calls() const { return m_calls; }

private:
    std::atomic<int> m_calls{0};
};

bool libsecretIsInstalled()
{
    // What QtKeychain's libsecret backend dlopens (QLibrary("secret-1", 0)).
    QLibrary library(QStringLiteral("secret-1"), 0);
    return library.load();
}

const QString Token = QStringLiteral("keychain-test-token-7777");
const QString Account = QStringLiteral("tst-keychain.invalid");

} // namespace

// The real QtKeychain backend where CI and headless servers run it: no Secret
// Service. It must answer "unavailable" promptly, and a keychain that never
// answers must be cut off by the timeout rather than hang the program.
class TstKeychainCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unavailableWithoutSessionBus_data();
    void unavailableWithoutSessionBus();
    void noCallbackAfterContextIsGone();
    void silentKeychainTimesOut();
    void cleanupTestCase();

private:
    void start(KeychainCredentialStore &store, const QString &operation, QObject *context,
               CredentialStore::Callback done);

    QProcess m_bus;
    SilentObject m_silent; // outlives the bus connection that serves it
};

void TstKeychainCredentialStore::initTestCase()
{
    // What a CI runner or an ssh session looks like: no session bus to find,
    // neither by address, nor by $XDG_RUNTIME_DIR/bus, nor by X11 autolaunch.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("XDG_RUNTIME_DIR");
    qunsetenv("DISPLAY");
    QCOMPARE(KeychainCredentialStore::serviceName(), QStringLiteral("cleardb-console"));
}

void TstKeychainCredentialStore::start(KeychainCredentialStore &store, const QString &operation,
                                       QObject *context, CredentialStore::Callback done)
{
    const QString service = KeychainCredentialStore::serviceName();
    if (operation == QLatin1String("read"))
        store.read(service, Account, context, std::move(done));
    else if (operation == QLatin1String("write"))
        store.write(service, Account, Secret(Token), context, std::move(done));
    else
        store.remove(service, Account, context, std::move(done));
}

void TstKeychainCredentialStore::unavailableWithoutSessionBus_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("expectedOperation");
    QTest::newRow("read") << QStringLiteral("read") << int(CredentialStoreResult::Operation::Read);
    QTest::newRow("write") << QStringLiteral("write") << int(CredentialStoreResult::Operation::Write);
    QTest::newRow("remove") << QStringLiteral("remove") << int(CredentialStoreResult::Operation::Remove);
}

void TstKeychainCredentialStore::unavailableWithoutSessionBus()
{
    QFETCH(QString, operation);
    QFETCH(int, expectedOperation);
    KeychainCredentialStore store;
    QVector<CredentialStoreResult> results;
    QElapsedTimer clock;
    clock.start();
    start(store, operation, this, [&](const CredentialStoreResult &r) { results << r; });
    QVERIFY(results.isEmpty()); // never inside the call
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    QVERIFY(clock.elapsed() < store.timeout().count()); // answered by the backend, not by our timeout
    const CredentialStoreResult &result = results.first();
    QCOMPARE(int(result.operation), expectedOperation);
    QCOMPARE(result.status, Status::Unavailable);
    QCOMPARE(result.service, KeychainCredentialStore::serviceName());
    QCOMPARE(result.account, Account);
    QVERIFY(result.secret.isEmpty());
    QVERIFY(!result.errorMessage.contains(Token));
    // Plain words for the user, whatever the backend said ("Unknown error" when libsecret is missing).
    QVERIFY2(result.errorMessage.startsWith(QStringLiteral("no system keychain is available (")),
             qPrintable(result.errorMessage));
    QVERIFY(!result.errorMessage.contains(QStringLiteral("Unknown error")));
}

void TstKeychainCredentialStore::noCallbackAfterContextIsGone()
{
    KeychainCredentialStore store;
    auto *context = new QObject;
    int calls = 0;
    store.read(KeychainCredentialStore::serviceName(), Account, context,
               [&](const CredentialStoreResult &) { ++calls; });
    delete context;
    // A second request on a live context shows when the backend has answered.
    int marker = 0;
    store.read(KeychainCredentialStore::serviceName(), Account, this,
               [&](const CredentialStoreResult &) { ++marker; });
    QTRY_COMPARE_WITH_TIMEOUT(marker, 1, 10000);
    QTest::qWait(100);
    QCOMPARE(calls, 0);
}

void TstKeychainCredentialStore::silentKeychainTimesOut()
{
    // A private session bus on which org.freedesktop.secrets is owned by a
    // connection that takes every call and never answers, as a keyring waiting
    // for an unlock prompt nobody can see does. The store must give up on its own.
    QVERIFY2(libsecretIsInstalled(),
             "libsecret-1.so.0 cannot be loaded, so QtKeychain never reaches the bus; install the "
             "libsecret-1-0 package (scripts/setup.sh does)");
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    QVERIFY2(!daemon.isEmpty(), "dbus-daemon is not installed (Debian package dbus-daemon)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Debian's own session bus configuration, listening in a private directory.
    m_bus.start(daemon,
                {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1"),
                 QStringLiteral("--address=unix:dir=") + dir.path()});
    QVERIFY(m_bus.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 5000);
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(address.startsWith("unix:"));

    // The silent owner: its own connection, a virtual object that swallows every call.
    const QString ownerName = QStringLiteral("silent-secrets-owner");
    QDBusConnection owner = QDBusConnection::connectToBus(QString::fromUtf8(address), ownerName);
    QVERIFY2(owner.isConnected(), qPrintable(owner.lastError().message()));
    QVERIFY(owner.registerVirtualObject(QStringLiteral("/"), &m_silent, QDBusConnection::SubPath));
    QVERIFY(owner.registerService(SecretsService));

    // The premise, checked from a third connection: the name is owned, and a
    // Secret Service call to it gets no answer (only a client-side timeout).
    {
        QDBusConnection probe =
            QDBusConnection::connectToBus(QString::fromUtf8(address), QStringLiteral("probe"));
        QVERIFY(probe.isConnected());
        QVERIFY(probe.interface()->isServiceRegistered(SecretsService).value());
        QDBusMessage call = QDBusMessage::createMethodCall(
            SecretsService, QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"));
        call << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
        QDBusPendingCallWatcher watcher(probe.asyncCall(call, 300));
        QSignalSpy answered(&watcher, &QDBusPendingCallWatcher::finished);
        QVERIFY(answered.wait(5000));
        QCOMPARE(watcher.error().type(), QDBusError::NoReply);
        QVERIFY(m_silent.calls() >= 1);
    }
    QDBusConnection::disconnectFromBus(QStringLiteral("probe"));

    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    KeychainCredentialStore store;
    store.setTimeout(500ms);
    QVector<CredentialStoreResult> results;
    const int callsBefore = m_silent.calls();
    QElapsedTimer clock;
    clock.start();
    store.read(KeychainCredentialStore::serviceName(), Account, this,
               [&](const CredentialStoreResult &r) { results << r; });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(m_silent.calls() > callsBefore); // the store really asked the silent service
    QCOMPARE(results.first().status, Status::TimedOut);
    QCOMPARE(results.first().errorMessage,
             QStringLiteral("the system keychain did not answer within 0.5 s (it may be locked and waiting "
                            "for an unlock prompt)"));
#ifdef CLEARDB_HAVE_LIBSECRET
    // The Heroku CLI's store calls libsecret itself, on a worker thread: it gives up on its own the same way.
    {
        SecretServiceStore cli;
        cli.setTimeout(500ms);
        QVector<CredentialStoreResult> cliResults;
        QElapsedTimer cliClock;
        cliClock.start();
        const int callsBeforeCli = m_silent.calls();
        cli.read(QStringLiteral("heroku-cli"), QStringLiteral("user@example.com"), this,
                 [&](const CredentialStoreResult &r) { cliResults << r; });
        QTRY_COMPARE_WITH_TIMEOUT(cliResults.size(), 1, 10000);
        QVERIFY2(cliClock.elapsed() < 2500, qPrintable(QString::number(cliClock.elapsed())));
        QVERIFY(m_silent.calls() > callsBeforeCli); // it really asked the silent service
        QCOMPARE(cliResults.first().status, Status::TimedOut);
        QTest::qWait(1000); // the cancelled worker's late answer is dropped
        QCOMPARE(cliResults.size(), 1);
    }
#endif
    // When the owner goes away, the late failure is dropped: exactly one callback.
    QDBusConnection::disconnectFromBus(ownerName);
    QTest::qWait(1000);
    QCOMPARE(results.size(), 1);
}

void TstKeychainCredentialStore::cleanupTestCase()
{
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }
}

QTEST_GUILESS_MAIN(TstKeychainCredentialStore)
#include "tst_keychaincredentialstore.moc"
