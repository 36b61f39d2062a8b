// SPDX-License-Identifier: MIT
// SecretServiceStore and CredentialResolver against a real Secret Service: Debian's gnome-keyring-daemon
// on a private bus (SecretServiceSession), with the Heroku CLI's item written by secret-tool exactly as
// `heroku login` writes it. Nothing here touches the developer's keyring: the whole process runs with the
// session's HOME, XDG_* and DBUS_SESSION_BUS_ADDRESS, set before libsecret is first called.
#include "credentials/CredentialResolver.h"
#include "credentials/HerokuCliStore.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/SecretServiceStore.h"

#include "SecretServiceSession.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QtTest>

using namespace std::chrono_literals;
using Source = CredentialResolution::Source;
using StoreStatus = CredentialStoreResult::Status;

Q_DECLARE_METATYPE(CredentialResolution)

namespace {
const QString Email = QStringLiteral("cli-user@example.com");
const QString Second = QStringLiteral("second@example.com");
const QString Token = QStringLiteral("HRKU-cli-token-6666");
} // namespace

class TstSecretServiceStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsTheItemSecretToolWrote();
    void listsTheCliAccounts();
    void resolverFindsTheCliLogin();
    void writesAnItemTheCliFinds();
    void removes();
    void lockedKeyringIsAccessDeniedWithoutAPrompt();

private:
    CredentialStoreResult
    call(const std::function<void(SecretServiceStore &, CredentialStore::Callback)> &op);

    SecretServiceSession m_keyring;
};

void TstSecretServiceStore::initTestCase()
{
    qRegisterMetaType<CredentialResolution>();
    QVERIFY2(m_keyring.start(), qPrintable(m_keyring.errorString()));
    const QProcessEnvironment env = m_keyring.environment();
    for (const QString &name :
         {QStringLiteral("HOME"), QStringLiteral("XDG_DATA_HOME"), QStringLiteral("XDG_RUNTIME_DIR"),
          QStringLiteral("DBUS_SESSION_BUS_ADDRESS")})
        qputenv(name.toLatin1().constData(), env.value(name).toUtf8());
    QVERIFY(m_keyring.storeLikeHerokuCli(Email, Token));
    QVERIFY(m_keyring.storeLikeHerokuCli(Second, QStringLiteral("second-token")));
    QVERIFY(m_keyring.writeLoginJson(Email));
}

CredentialStoreResult
TstSecretServiceStore::call(const std::function<void(SecretServiceStore &, CredentialStore::Callback)> &op)
{
    SecretServiceStore store;
    store.setTimeout(10s);
    QList<CredentialStoreResult> results;
    op(store, [&](const CredentialStoreResult &r) { results << r; });
    if (!QTest::qWaitFor([&] { return !results.isEmpty(); }, 12000))
        return {};
    return results.first();
}

void TstSecretServiceStore::readsTheItemSecretToolWrote()
{
    const CredentialStoreResult r = call([](SecretServiceStore &s, auto done) {
        s.read(QStringLiteral("heroku-cli"), Email, nullptr, std::move(done));
    });
    QCOMPARE(int(r.status), int(StoreStatus::Ok));
    QCOMPARE(r.secret.reveal(), Token);
    const CredentialStoreResult missing = call([](SecretServiceStore &s, auto done) {
        s.read(QStringLiteral("heroku-cli"), QStringLiteral("nobody@example.com"), nullptr, std::move(done));
    });
    QCOMPARE(int(missing.status), int(StoreStatus::NotFound));
}

void TstSecretServiceStore::listsTheCliAccounts()
{
    const CredentialStoreResult r = call([](SecretServiceStore &s, auto done) {
        s.list(QStringLiteral("heroku-cli"), nullptr, std::move(done));
    });
    QCOMPARE(int(r.status), int(StoreStatus::Ok));
    QCOMPARE(r.accounts, (QStringList{Email, Second}));
}

void TstSecretServiceStore::resolverFindsTheCliLogin()
{
    InMemoryCredentialStore own;
    SecretServiceStore cli;
    CredentialResolver resolver(&own);
    resolver.setHerokuCliStore(&cli);
    resolver.setEnvironment(m_keyring.environment());
    QSignalSpy spy(&resolver, &CredentialResolver::resolved);
    resolver.resolve();
    QVERIFY(spy.wait(12000));
    const auto result = spy.takeFirst().at(0).value<CredentialResolution>();
    QVERIFY2(result.hasToken(), qPrintable(result.description));
    QCOMPARE(result.source, Source::HerokuCli);
    QCOMPARE(result.token.reveal(), Token);
    QCOMPARE(
        result.description,
        QStringLiteral("from the Heroku CLI's login (GNOME Keyring / Secret Service, cli-user@example.com)"));
    QVERIFY(result.warnings.isEmpty());
}

void TstSecretServiceStore::writesAnItemTheCliFinds()
{
    const QString email = QStringLiteral("written@example.com");
    const CredentialStoreResult r = call([&](SecretServiceStore &s, auto done) {
        s.write(QStringLiteral("heroku-cli"), email, Secret(QStringLiteral("written-token")), nullptr,
                std::move(done));
    });
    QCOMPARE(int(r.status), int(StoreStatus::Ok));
    // The Heroku CLI's own lookup (linux-handler.js): `secret-tool lookup service heroku-cli account
    // <email>`.
    QByteArray out;
    QCOMPARE(m_keyring.secretTool({QStringLiteral("lookup"), QStringLiteral("service"),
                                   QStringLiteral("heroku-cli"), QStringLiteral("account"), email},
                                  {}, &out),
             0);
    QCOMPARE(out, QByteArray("written-token"));
    // Its list (`search --all service heroku-cli`, accounts from stderr) and the label it gives.
    QByteArray listed;
    QByteArray attributes;
    QCOMPARE(m_keyring.secretTool({QStringLiteral("search"), QStringLiteral("--all"),
                                   QStringLiteral("service"), QStringLiteral("heroku-cli")},
                                  {}, &listed, &attributes),
             0);
    QVERIFY2(attributes.contains("attribute.account = written@example.com"), attributes.constData());
    QVERIFY(listed.contains("label = Heroku CLI"));
}

void TstSecretServiceStore::removes()
{
    const QString email = QStringLiteral("removed@example.com");
    QVERIFY(m_keyring.storeLikeHerokuCli(email, QStringLiteral("x")));
    const CredentialStoreResult r = call([&](SecretServiceStore &s, auto done) {
        s.remove(QStringLiteral("heroku-cli"), email, nullptr, std::move(done));
    });
    QCOMPARE(int(r.status), int(StoreStatus::Ok));
    QCOMPARE(m_keyring.secretTool({QStringLiteral("lookup"), QStringLiteral("service"),
                                   QStringLiteral("heroku-cli"), QStringLiteral("account"), email}),
             1);
    const CredentialStoreResult again = call([&](SecretServiceStore &s, auto done) {
        s.remove(QStringLiteral("heroku-cli"), email, nullptr, std::move(done));
    });
    QCOMPARE(int(again.status), int(StoreStatus::NotFound));
}

void TstSecretServiceStore::lockedKeyringIsAccessDeniedWithoutAPrompt()
{
    // Last: the daemon comes back without --unlock, so the login keyring is locked, as after a reboot.
    QVERIFY2(m_keyring.restartLocked(), qPrintable(m_keyring.errorString()));
    QElapsedTimer clock;
    clock.start();
    const CredentialStoreResult r = call([](SecretServiceStore &s, auto done) {
        s.read(QStringLiteral("heroku-cli"), Email, nullptr, std::move(done));
    });
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(r.status == StoreStatus::AccessDenied, qPrintable(r.errorMessage));
    QVERIFY2(r.errorMessage.contains(QStringLiteral("locked")), qPrintable(r.errorMessage));
    // GNOME Keyring keeps a locked keyring's attributes hashed: the list says "locked", not "empty".
    const CredentialStoreResult listed = call([](SecretServiceStore &s, auto done) {
        s.list(QStringLiteral("heroku-cli"), nullptr, std::move(done));
    });
    QCOMPARE(int(listed.status), int(StoreStatus::AccessDenied));
    QVERIFY(listed.accounts.isEmpty());
}

QTEST_GUILESS_MAIN(TstSecretServiceStore)
#include "tst_secretservicestore.moc"
