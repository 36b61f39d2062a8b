// SPDX-License-Identifier: MIT
#include "credentials/AccountChoice.h"
#include "credentials/AccountDirectory.h"
#include "credentials/CredentialResolver.h"
#include "credentials/HerokuCliStore.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/SecretRedactor.h"

#include "MessageCapture.h"
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QtTest>

#include <sys/stat.h>

using Source = CredentialResolution::Source;
using StoreStatus = CredentialStoreResult::Status;

Q_DECLARE_METATYPE(CredentialResolution)

namespace {

const QString EnvToken = QStringLiteral("env-token-1111");
const QString KeychainToken = QStringLiteral("keychain-token-2222");
const QString NetrcToken = QStringLiteral("netrc-token-3333");

// Why nothing was found, as the programs print it; empty when a token was found.
QString problem(const CredentialResolution &resolution)
{
    return resolution.outcome.ok() ? QString() : resolution.outcome.error().oneLine();
}

} // namespace

// The order HEROKU_API_KEY → keychain → ~/.netrc, each source alone, and what
// the user is told when there is nothing.
class TstCredentialResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void picksFirstAvailableSource_data();
    void picksFirstAvailableSource();
    void explainsMissingCredentials_data();
    void explainsMissingCredentials();
    void usesTheApiHostAsMachine();
    void refusesNetrcOthersCanChange();
    void keychainProblemIsToldOnlyWhenItMatters_data();
    void keychainProblemIsToldOnlyWhenItMatters();
    void keychainUnavailableFallsBackToNetrc();
    void warnsAboutReadableNetrc();
    void newerResolveWins();
    void tokenIsNeverPrinted();
    void sandboxResolutionForThePrograms();
    void accountSignedInHereBeatsTheHerokuCliLogin();

private:
    CredentialResolution resolve(CredentialResolver &resolver);
    void writeNetrc(const QByteArray &bytes, int mode = 0600);
    QProcessEnvironment environment(const QString &apiKey = QString()) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<InMemoryCredentialStore> m_store;
};

void TstCredentialResolver::initTestCase()
{
    qRegisterMetaType<CredentialResolution>();
}

void TstCredentialResolver::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_store = std::make_unique<InMemoryCredentialStore>();
}

QProcessEnvironment TstCredentialResolver::environment(const QString &apiKey) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), m_home->path());
    if (!apiKey.isNull())
        env.insert(QStringLiteral("HEROKU_API_KEY"), apiKey);
    return env;
}

void TstCredentialResolver::writeNetrc(const QByteArray &bytes, int mode)
{
    QFile f(m_home->filePath(QStringLiteral(".netrc")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    QCOMPARE(::chmod(QFile::encodeName(f.fileName()).constData(), mode_t(mode)), 0);
}

CredentialResolution TstCredentialResolver::resolve(CredentialResolver &resolver)
{
    QSignalSpy spy(&resolver, &CredentialResolver::resolved);
    resolver.resolve();
    // Always delivered from the event loop, never inside resolve().
    if (!spy.isEmpty())
        return {};
    if (!spy.wait(5000))
        return {};
    return spy.takeFirst().at(0).value<CredentialResolution>();
}

void TstCredentialResolver::picksFirstAvailableSource_data()
{
    QTest::addColumn<bool>("inEnvironment");
    QTest::addColumn<bool>("inKeychain");
    QTest::addColumn<bool>("inNetrc");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("description");

    const QString env = QStringLiteral("from HEROKU_API_KEY");
    const QString keychain = QStringLiteral("from the system keychain");
    const QString netrc = QStringLiteral("from ~/.netrc (line 3)");
    QTest::newRow("all three: environment")
        << true << true << true << int(Source::Environment) << EnvToken << env;
    QTest::newRow("environment alone")
        << true << false << false << int(Source::Environment) << EnvToken << env;
    QTest::newRow("keychain beats netrc")
        << false << true << true << int(Source::Keychain) << KeychainToken << keychain;
    QTest::newRow("keychain alone") << false << true << false << int(Source::Keychain) << KeychainToken
                                    << keychain;
    QTest::newRow("netrc alone") << false << false << true << int(Source::Netrc) << NetrcToken << netrc;
}

void TstCredentialResolver::picksFirstAvailableSource()
{
    QFETCH(bool, inEnvironment);
    QFETCH(bool, inKeychain);
    QFETCH(bool, inNetrc);
    QFETCH(int, source);
    QFETCH(QString, token);
    QFETCH(QString, description);

    if (inKeychain) {
        bool written = false;
        m_store->write(KeychainCredentialStore::serviceName(), QStringLiteral("api.heroku.com"),
                       Secret(KeychainToken), this,
                       [&](const CredentialStoreResult &r) { written = r.isOk(); });
        QTRY_VERIFY(written);
    }
    if (inNetrc)
        writeNetrc(
            "# mine\nmachine git.heroku.com password other\nmachine api.heroku.com\n  login dev@example.com\n"
            "  password " +
            NetrcToken.toUtf8() + "\n");

    CredentialResolver resolver(m_store.get());
    resolver.setEnvironment(environment(inEnvironment ? EnvToken : QString()));
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(int(result.source), source);
    QVERIFY(result.hasToken());
    QVERIFY(result.token.reveal() == token);
    QCOMPARE(result.description, description);
    QVERIFY(result.outcome.ok());
    if (result.source == Source::Netrc)
        QCOMPARE(result.login, QStringLiteral("dev@example.com"));
    // The environment wins without asking the keychain at all.
    QCOMPARE(m_store->operationCount(), (inKeychain ? 1 : 0) + (inEnvironment ? 0 : 1));
}

void TstCredentialResolver::explainsMissingCredentials_data()
{
    QTest::addColumn<QByteArray>("netrc");
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("nothing anywhere")
        << QByteArray() << QString() << QStringLiteral("No Heroku credentials found for api.heroku.com");
    QTest::newRow("empty HEROKU_API_KEY counts as unset")
        << QByteArray() << QStringLiteral("  ") << QStringLiteral("No Heroku credentials found");
    QTest::newRow("machine without password")
        << QByteArray("\nmachine api.heroku.com login dev@example.com\n") << QString()
        << QStringLiteral("~/.netrc line 2: machine api.heroku.com has no password");
    QTest::newRow("broken netrc") << QByteArray("machine api.heroku.com\npassword two SECRETWORDS\n")
                                  << QString() << QStringLiteral("~/.netrc line 2: unexpected word");
    QTest::newRow("default entry is not used") << QByteArray("default login me password SECRETDEFAULT\n")
                                               << QString() << QStringLiteral("No Heroku credentials found");
}

void TstCredentialResolver::explainsMissingCredentials()
{
    QFETCH(QByteArray, netrc);
    QFETCH(QString, apiKey);
    QFETCH(QString, mentions);
    if (!netrc.isEmpty())
        writeNetrc(netrc);

    CredentialResolver resolver(m_store.get());
    resolver.setEnvironment(environment(apiKey));
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(result.source, Source::None);
    QVERIFY(!result.hasToken());
    QVERIFY2(problem(result).contains(mentions), qPrintable(problem(result)));
    QVERIFY(problem(result).contains(QStringLiteral("cleardbctl login")));
    QVERIFY(problem(result).contains(QStringLiteral("HEROKU_API_KEY")));
    QVERIFY(problem(result).contains(QStringLiteral("sandbox")));
    QVERIFY(!problem(result).contains(QLatin1Char('\n')));
    QVERIFY(!problem(result).contains(QStringLiteral("SECRET")));
    QCOMPARE(result.description, problem(result));
}

void TstCredentialResolver::usesTheApiHostAsMachine()
{
    writeNetrc("machine api.heroku.com password real-token\nmachine 127.0.0.1 password sim-token\n");
    CredentialResolver resolver(m_store.get());
    resolver.setEnvironment(environment());
    resolver.setApiHost(QStringLiteral("127.0.0.1"));
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(result.source, Source::Netrc);
    QVERIFY(result.token.reveal() == QStringLiteral("sim-token"));
    QCOMPARE(result.description, QStringLiteral("from ~/.netrc (line 2)"));

    resolver.setApiHost(QString()); // an empty host means the real API
    QVERIFY(resolve(resolver).token.reveal() == QStringLiteral("real-token"));
}

void TstCredentialResolver::refusesNetrcOthersCanChange()
{
    writeNetrc("machine api.heroku.com password " + NetrcToken.toUtf8() + "\n", 0666);
    CredentialResolver resolver(nullptr);
    resolver.setEnvironment(environment());
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(result.source, Source::None);
    QVERIFY(!result.hasToken());
    QVERIFY2(problem(result).contains(QStringLiteral("chmod 600 ~/.netrc")), qPrintable(problem(result)));
    QVERIFY(!problem(result).contains(NetrcToken));
}

void TstCredentialResolver::keychainProblemIsToldOnlyWhenItMatters_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("inNetrc");
    QTest::addColumn<bool>("warned");
    // No keychain on this machine: nothing worth saying while ~/.netrc has the token.
    QTest::newRow("unavailable, netrc has it") << int(StoreStatus::Unavailable) << true << false;
    // A keychain that did not answer may hold a newer token: say which one is used instead.
    QTest::newRow("timed out, netrc has it") << int(StoreStatus::TimedOut) << true << true;
    QTest::newRow("denied, netrc has it") << int(StoreStatus::AccessDenied) << true << true;
    // Nothing anywhere: the reason is part of the one message, not a second line.
    QTest::newRow("unavailable, nothing") << int(StoreStatus::Unavailable) << false << false;
    QTest::newRow("timed out, nothing") << int(StoreStatus::TimedOut) << false << false;
}

void TstCredentialResolver::keychainProblemIsToldOnlyWhenItMatters()
{
    QFETCH(int, status);
    QFETCH(bool, inNetrc);
    QFETCH(bool, warned);
    const QString reason = QStringLiteral("the keychain's own words");
    m_store->setFailure(StoreStatus(status), reason);
    if (inNetrc)
        writeNetrc("machine api.heroku.com password " + NetrcToken.toUtf8() + "\n");
    CredentialResolver resolver(m_store.get());
    resolver.setEnvironment(environment());
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(result.hasToken(), inNetrc);
    if (warned) {
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings.first().contains(reason), qPrintable(result.warnings.first()));
        QVERIFY2(result.warnings.first().contains(
                     QStringLiteral("using the token from ~/.netrc (line 1) instead")),
                 qPrintable(result.warnings.first()));
    } else {
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('|'))));
    }
    if (!inNetrc)
        QVERIFY2(problem(result).contains(reason), qPrintable(problem(result)));
    // Once where it matters, not at all where it does not.
    const QString all = result.warnings.join(QLatin1Char(' ')) + problem(result) +
                        (result.hasToken() ? result.description : QString());
    QCOMPARE(all.count(reason), warned || !inNetrc ? 1 : 0);
}

void TstCredentialResolver::keychainUnavailableFallsBackToNetrc()
{
    m_store->setFailure(StoreStatus::Unavailable,
                        QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY"));
    writeNetrc("machine api.heroku.com password " + NetrcToken.toUtf8() + "\n");
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    CredentialResolver resolver(m_store.get());
    resolver.setEnvironment(QProcessEnvironment()); // no HOME: the explicit path is used
    resolver.setNetrcPath(path);
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(result.source, Source::Netrc);
    QVERIFY(result.token.reveal() == NetrcToken);
    // The usual headless machine: ~/.netrc is where the token lives, nothing to warn about.
    QVERIFY(result.warnings.isEmpty());
}

void TstCredentialResolver::warnsAboutReadableNetrc()
{
    writeNetrc("machine api.heroku.com password " + NetrcToken.toUtf8() + "\n", 0644);
    CredentialResolver resolver(nullptr); // no keychain at all
    resolver.setEnvironment(environment());
    const CredentialResolution result = resolve(resolver);
    QCOMPARE(result.source, Source::Netrc);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.first().contains(QStringLiteral("chmod 600 ~/.netrc")));
}

void TstCredentialResolver::newerResolveWins()
{
    CredentialResolver resolver(m_store.get());
    resolver.setEnvironment(environment());
    QSignalSpy spy(&resolver, &CredentialResolver::resolved);
    resolver.resolve();
    resolver.setEnvironment(environment(EnvToken));
    resolver.resolve();
    QVERIFY(spy.wait(5000));
    QTest::qWait(50); // let the superseded keychain read finish too
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().at(0).value<CredentialResolution>().source, Source::Environment);
}

void TstCredentialResolver::tokenIsNeverPrinted()
{
    // Every path through the unit, with a token present, while capturing all Qt
    // output without any redaction in between: the token must not show up.
    MessageCapture capture;
    writeNetrc("machine api.heroku.com password " + NetrcToken.toUtf8() + "\n", 0644);
    QStringList texts;
    for (const QString &apiKey : {EnvToken, QString()}) {
        for (StoreStatus failure : {StoreStatus::Ok, StoreStatus::Unavailable}) {
            m_store->setFailure(failure, QStringLiteral("backend said no"));
            CredentialResolver resolver(m_store.get());
            resolver.setEnvironment(environment(apiKey));
            const CredentialResolution result = resolve(resolver);
            QVERIFY(result.hasToken());
            texts << result.description << problem(result) << result.warnings;
            qWarning() << "resolved" << result.token << CredentialResolution::sourceName(result.source);
        }
    }
    writeNetrc("machine api.heroku.com\n password " + NetrcToken.toUtf8() + " " + NetrcToken.toUtf8() + "\n");
    CredentialResolver broken(m_store.get());
    broken.setEnvironment(environment());
    texts << problem(resolve(broken));
    capture.stop();

    const QString all = (capture.lines() + texts).join(QLatin1Char('\n'));
    QVERIFY(capture.lines().size() >= 4);
    for (const QString &token : {EnvToken, NetrcToken})
        QVERIFY2(!all.contains(token),
                 qPrintable(QStringLiteral("token leaked into: ") + SecretRedactor::redact(all)));
}

void TstCredentialResolver::sandboxResolutionForThePrograms()
{
    // The programs fall back to heroku-sim when resolve() finds nothing; the
    // sandbox token is described like any other source.
    const CredentialResolution sandbox = CredentialResolution::sandbox(Secret(QStringLiteral("sim-token")));
    QCOMPARE(sandbox.source, Source::Sandbox);
    QVERIFY(sandbox.hasToken());
    QCOMPARE(sandbox.description, QStringLiteral("from the local sandbox (heroku-sim)"));
    QCOMPARE(CredentialResolution::sourceName(Source::Sandbox), QStringLiteral("sandbox"));
    QCOMPARE(CredentialResolution::sourceName(Source::Environment), QStringLiteral("environment"));
    QVERIFY(!CredentialResolution().hasToken());
}

void TstCredentialResolver::accountSignedInHereBeatsTheHerokuCliLogin()
{
    const QProcessEnvironment env = environment();
    const QString host = QStringLiteral("api.heroku.com");
    const QString cliAccount = QStringLiteral("cli@example.com");
    const QString ownAccount = QStringLiteral("me@example.com");
    // The Heroku CLI signed in as one account, our own login holds another's token.
    QVERIFY(QDir().mkpath(m_home->filePath(QStringLiteral(".local/share/heroku"))));
    QFile loginJson(m_home->filePath(QStringLiteral(".local/share/heroku/login.json")));
    QVERIFY(loginJson.open(QIODevice::WriteOnly));
    loginJson.write("{\"account\":\"cli@example.com\"}\n");
    loginJson.close();
    InMemoryCredentialStore cliStore;
    bool written = false;
    cliStore.write(HerokuCliStore::serviceName(), cliAccount, Secret(EnvToken), this,
                   [&](const CredentialStoreResult &r) { written = r.isOk(); });
    QTRY_VERIFY(written);
    written = false;
    m_store->write(KeychainCredentialStore::serviceName(), host, Secret(KeychainToken), this,
                   [&](const CredentialStoreResult &r) { written = r.isOk(); });
    QTRY_VERIFY(written);

    CredentialResolver resolver(m_store.get());
    resolver.setHerokuCliStore(&cliStore);
    resolver.setEnvironment(env);
    QCOMPARE(int(resolve(resolver).source), int(Source::HerokuCli)); // the premise: the CLI's login wins

    // A login here is remembered as the choice: it wins from then on, and is listed.
    QVERIFY(AccountChoice::signedInHere(env, host, ownAccount).ok());
    CredentialResolution result = resolve(resolver);
    QCOMPARE(int(result.source), int(Source::Keychain));
    QCOMPARE(result.login, ownAccount);
    QCOMPARE(result.description, QStringLiteral("from the system keychain (me@example.com)"));
    AccountDirectory directory(&cliStore);
    directory.setEnvironment(env);
    QList<StoredAccount> accounts;
    connect(&directory, &AccountDirectory::listed, this,
            [&](const QList<StoredAccount> &all, const QStringList &) { accounts = all; });
    directory.list();
    QTRY_VERIFY(!accounts.isEmpty());
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(1).email, ownAccount);
    QVERIFY(accounts.at(1).signedInHere && accounts.at(1).current && !accounts.at(0).current);

    // Choosing an account with no readable token says so and goes on with our own login.
    QVERIFY(AccountChoice::choose(env, host, QStringLiteral("gone@example.com")).ok());
    result = resolve(resolver);
    QCOMPARE(int(result.source), int(Source::Keychain));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.first().startsWith(QStringLiteral("the account you chose, gone@example.com, has "
                                                               "no readable token")),
             qPrintable(result.warnings.first()));

    // Signing out here forgets our login and its choice: the Heroku CLI's login is used again.
    QVERIFY(AccountChoice::choose(env, host, ownAccount).ok());
    QVERIFY(AccountChoice::signedOutHere(env, host).ok());
    QVERIFY(AccountChoice::own(env, host).isEmpty() && AccountChoice::chosen(env, host).isEmpty());
    QCOMPARE(int(resolve(resolver).source), int(Source::HerokuCli));
}

QTEST_GUILESS_MAIN(TstCredentialResolver)
#include "tst_credentialresolver.moc"
