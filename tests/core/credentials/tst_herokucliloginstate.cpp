// SPDX-License-Identifier: MIT
// The Heroku CLI's login as CredentialResolver reads it: login.json's account (HerokuCliLoginState) and
// the token the "heroku-cli" store holds for it, in the order HEROKU_API_KEY → the CLI's login → our
// keychain → ~/.netrc. Stores are in memory here; tst_secretservicestore runs the real Secret Service.
#include "credentials/CredentialResolver.h"
#include "credentials/HerokuCliLoginState.h"
#include "credentials/HerokuCliStore.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Source = CredentialResolution::Source;

Q_DECLARE_METATYPE(CredentialResolution)

namespace {
const QString Email = QStringLiteral("user@example.com");
const QString CliToken = QStringLiteral("cli-token-4444");
const QString OwnToken = QStringLiteral("own-token-5555");
} // namespace

class TstHerokuCliLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<CredentialResolution>(); }
    void init();
    void dataDirFollowsTheCli_data();
    void dataDirFollowsTheCli();
    void parsesOnlyANonEmptyStringAccount_data();
    void parsesOnlyANonEmptyStringAccount();
    void refusesAnOversizedFile();
    void writesLikeTheCli();
    void order_data();
    void order();
    void unreadableCliTokenFallsBackWithAWarning();
    void neverTouchesLoginJson();

private:
    QProcessEnvironment environment(const QString &apiKey = {}) const;
    void writeLoginJson(const QByteArray &bytes);
    CredentialResolution resolve(CredentialResolver &resolver);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<InMemoryCredentialStore> m_own;
    std::unique_ptr<InMemoryCredentialStore> m_cli;
};

void TstHerokuCliLogin::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_own = std::make_unique<InMemoryCredentialStore>();
    m_cli = std::make_unique<InMemoryCredentialStore>();
}

QProcessEnvironment TstHerokuCliLogin::environment(const QString &apiKey) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), m_home->path());
    if (!apiKey.isEmpty())
        env.insert(QStringLiteral("HEROKU_API_KEY"), apiKey);
    return env;
}

void TstHerokuCliLogin::writeLoginJson(const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(m_home->filePath(QStringLiteral(".local/share/heroku"))));
    QFile file(m_home->filePath(QStringLiteral(".local/share/heroku/login.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

CredentialResolution TstHerokuCliLogin::resolve(CredentialResolver &resolver)
{
    QSignalSpy spy(&resolver, &CredentialResolver::resolved);
    resolver.resolve();
    if (!spy.isEmpty() || !spy.wait(5000))
        return {};
    return spy.takeFirst().at(0).value<CredentialResolution>();
}

void TstHerokuCliLogin::dataDirFollowsTheCli_data()
{
    QTest::addColumn<QString>("herokuDataDir");
    QTest::addColumn<QString>("xdgDataHome");
    QTest::addColumn<QString>("home");
    QTest::addColumn<QString>("expected");
    QTest::newRow("HEROKU_DATA_DIR wins") << "/d"
                                          << "/x"
                                          << "/h"
                                          << "/d/login.json";
    QTest::newRow("then XDG_DATA_HOME") << ""
                                        << "/x"
                                        << "/h"
                                        << "/x/heroku/login.json";
    QTest::newRow("then HOME") << ""
                               << ""
                               << "/h"
                               << "/h/.local/share/heroku/login.json";
    QTest::newRow("nothing") << ""
                             << ""
                             << ""
                             << "";
}

void TstHerokuCliLogin::dataDirFollowsTheCli()
{
    QFETCH(QString, herokuDataDir);
    QFETCH(QString, xdgDataHome);
    QFETCH(QString, home);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (!herokuDataDir.isEmpty())
        env.insert(QStringLiteral("HEROKU_DATA_DIR"), herokuDataDir);
    if (!xdgDataHome.isEmpty())
        env.insert(QStringLiteral("XDG_DATA_HOME"), xdgDataHome);
    if (!home.isEmpty())
        env.insert(QStringLiteral("HOME"), home);
    QCOMPARE(HerokuCliLoginState::filePath(env), expected);
}

void TstHerokuCliLogin::parsesOnlyANonEmptyStringAccount_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("account");
    QTest::newRow("the CLI's own") << QByteArray("{\"account\":\"user@example.com\"}\n") << Email;
    QTest::newRow("other members") << QByteArray("{\"x\":1,\"account\":\"a@b\"}") << QStringLiteral("a@b");
    QTest::newRow("empty account") << QByteArray("{\"account\":\"\"}") << QString();
    QTest::newRow("number") << QByteArray("{\"account\":5}") << QString();
    QTest::newRow("null") << QByteArray("{\"account\":null}") << QString();
    QTest::newRow("array") << QByteArray("[\"user@example.com\"]") << QString();
    QTest::newRow("not JSON") << QByteArray("account=user@example.com") << QString();
    QTest::newRow("empty file") << QByteArray() << QString();
}

void TstHerokuCliLogin::parsesOnlyANonEmptyStringAccount()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, account);
    QCOMPARE(HerokuCliLoginState::parse(bytes), account);
}

void TstHerokuCliLogin::refusesAnOversizedFile()
{
    QByteArray big = "{\"account\":\"user@example.com\",\"pad\":\"";
    big += QByteArray(HerokuCliLoginState::MaxBytes, 'x') + "\"}";
    writeLoginJson(big);
    const Result<QString> account = HerokuCliLoginState::read(environment());
    QVERIFY(!account);
    QCOMPARE(account.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(account.error().message.contains(QStringLiteral("larger than 64 KiB")),
             qPrintable(account.error().message));
}

void TstHerokuCliLogin::writesLikeTheCli()
{
    QVERIFY(HerokuCliLoginState::write(environment(), Email).ok());
    const QString path = HerokuCliLoginState::filePath(environment());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{\"account\":\"user@example.com\"}\n"));
    QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFileDevice::Permissions()); // nothing for group/other
    QCOMPARE(QFileInfo(QFileInfo(path).path()).permissions() & 0x0077, QFileDevice::Permissions());
    QCOMPARE(HerokuCliLoginState::read(environment()).valueOr({}), Email);
}

void TstHerokuCliLogin::order_data()
{
    QTest::addColumn<bool>("apiKey");
    QTest::addColumn<bool>("loginJson");
    QTest::addColumn<bool>("cliToken");
    QTest::addColumn<bool>("ownToken");
    QTest::addColumn<int>("source");
    QTest::newRow("env beats the CLI") << true << true << true << true << int(Source::Environment);
    QTest::newRow("the CLI beats our keychain") << false << true << true << true << int(Source::HerokuCli);
    QTest::newRow("no login.json: our keychain") << false << false << true << true << int(Source::Keychain);
    QTest::newRow("login.json, no CLI token: ours")
        << false << true << false << true << int(Source::Keychain);
    QTest::newRow("the CLI alone") << false << true << true << false << int(Source::HerokuCli);
}

void TstHerokuCliLogin::order()
{
    QFETCH(bool, apiKey);
    QFETCH(bool, loginJson);
    QFETCH(bool, cliToken);
    QFETCH(bool, ownToken);
    QFETCH(int, source);
    if (loginJson)
        writeLoginJson("{\"account\":\"user@example.com\"}\n");
    if (cliToken)
        m_cli->write(HerokuCliStore::serviceName(), Email, Secret(CliToken), nullptr, [](auto &) {});
    if (ownToken)
        m_own->write(KeychainCredentialStore::serviceName(), QStringLiteral("api.heroku.com"),
                     Secret(OwnToken), nullptr, [](auto &) {});
    QTest::qWait(0);
    QCoreApplication::processEvents();
    CredentialResolver resolver(m_own.get());
    resolver.setHerokuCliStore(m_cli.get());
    resolver.setEnvironment(environment(apiKey ? QStringLiteral("env-key") : QString()));
    const CredentialResolution result = resolve(resolver);
    QVERIFY2(result.hasToken(), qPrintable(result.description));
    QCOMPARE(int(result.source), source);
    if (result.source == Source::HerokuCli) {
        QCOMPARE(result.token.reveal(), CliToken);
        QCOMPARE(result.login, Email);
        QCOMPARE(result.description, QStringLiteral("from the Heroku CLI's login (%1, user@example.com)")
                                         .arg(HerokuCliStore::displayName()));
        QCOMPARE(CredentialResolution::sourceName(result.source), QStringLiteral("heroku-cli"));
    }
}

void TstHerokuCliLogin::unreadableCliTokenFallsBackWithAWarning()
{
    writeLoginJson("{\"account\":\"user@example.com\"}\n");
    m_cli->setFailure(CredentialStoreResult::Status::AccessDenied,
                      QStringLiteral("the keyring that holds it is locked"));
    m_own->write(KeychainCredentialStore::serviceName(), QStringLiteral("api.heroku.com"), Secret(OwnToken),
                 nullptr, [](auto &) {});
    CredentialResolver resolver(m_own.get());
    resolver.setHerokuCliStore(m_cli.get());
    resolver.setEnvironment(environment());
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(result.source, Source::Keychain);
    QCOMPARE(result.warnings,
             QStringList{
                 QStringLiteral("the Heroku CLI is signed in as user@example.com, but its token could not be "
                                "read: the keyring that holds it is locked")});
    QCOMPARE(m_cli->operationCount(), 1); // it really asked the CLI's store
}

void TstHerokuCliLogin::neverTouchesLoginJson()
{
    // A login.json whose account has no token: the CLI deletes it (api-client.js); we must not.
    const QByteArray bytes = "{\"account\":\"gone@example.com\"}\n";
    writeLoginJson(bytes);
    const QString path = m_home->filePath(QStringLiteral(".local/share/heroku/login.json"));
    const QDateTime modified = QFileInfo(path).lastModified();
    CredentialResolver resolver(m_own.get());
    resolver.setHerokuCliStore(m_cli.get());
    resolver.setEnvironment(environment());
    const CredentialResolution result = resolve(resolver);
    QVERIFY(!result.hasToken());
    QCOMPARE(m_cli->operationCount(), 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
}

QTEST_GUILESS_MAIN(TstHerokuCliLogin)
#include "tst_herokucliloginstate.moc"
