// SPDX-License-Identifier: MIT
#include "credentials/KeychainCredentialStore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using Status = CredentialStoreResult::Status;
using namespace std::chrono_literals;

namespace {

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
    QVERIFY(!result.errorMessage.isEmpty());
    QVERIFY(!result.errorMessage.contains(Token));
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
    // A private session bus on which org.freedesktop.secrets is "activatable"
    // but its program never takes the name: every call waits, as with a locked
    // keyring whose unlock prompt nobody can see. The bus gives up after its
    // activation timeout (25 s); the store must give up after its own.
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed (Debian package dbus-daemon)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("services")));
    QFile service(dir.filePath(QStringLiteral("services/org.freedesktop.secrets.service")));
    QVERIFY(service.open(QIODevice::WriteOnly));
    service.write("[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/sleep 3\n");
    service.close();
    QFile config(dir.filePath(QStringLiteral("session.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                 " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                 "<busconfig><type>session</type><listen>unix:dir=" +
                 QFile::encodeName(dir.path()) + "</listen><servicedir>" +
                 QFile::encodeName(dir.filePath(QStringLiteral("services"))) +
                 "</servicedir><policy context=\"default\"><allow send_destination=\"*\"/><allow own=\"*\"/>"
                 "</policy></busconfig>\n");
    config.close();

    m_bus.start(daemon, {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                         QStringLiteral("--print-address=1")});
    QVERIFY(m_bus.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 5000);
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(address.startsWith("unix:"));
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);

    KeychainCredentialStore store;
    store.setTimeout(500ms);
    QVector<CredentialStoreResult> results;
    QElapsedTimer clock;
    clock.start();
    store.read(KeychainCredentialStore::serviceName(), Account, this,
               [&](const CredentialStoreResult &r) { results << r; });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(results.first().status, Status::Unavailable);
    QCOMPARE(results.first().errorMessage,
             QStringLiteral("the system keychain did not answer within 500 ms"));
    // When the bus finally fails the activation (the service program exits
    // after 3 s), the late answer is dropped: exactly one callback.
    QTest::qWait(4000);
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
