// SPDX-License-Identifier: MIT
#include "TestProcesses.h"
#include "credentials/CredentialWriter.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/NetrcFile.h"

#include "MessageCapture.h"
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QtTest>

#include <sys/stat.h>

using StoreStatus = CredentialStoreResult::Status;

Q_DECLARE_METATYPE(CredentialWriteResult)

namespace {

const QString Token = QStringLiteral("HRKU-writer-token-5555");
const QString Email = QStringLiteral("dev@example.com");

} // namespace

// Login stores the token in the keychain or, failing that, in ~/.netrc the way
// `heroku login` does; logout removes it from wherever it is.
class TstCredentialWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void loginPrefersKeychain();
    void loginFallsBackToNetrc_data();
    void loginFallsBackToNetrc();
    void loginForSandboxHostWritesOneMachine();
    void loginRefusesToRewriteBrokenNetrc();
    void logoutRemovesFromBoth();
    void logoutWithNothingStored();
    void logoutReportsKeychainRefusal();
    void logoutIsNotConfirmedWhenKeychainTimedOut();
    void usesTheHerokuCliMachineName();
    void tokenIsNeverPrinted();

private:
    CredentialWriteResult run(CredentialWriter &writer, const std::function<void()> &action);
    QString netrcPath() const { return m_home->filePath(QStringLiteral(".netrc")); }
    QByteArray netrcBytes() const;
    void writeNetrc(const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<InMemoryCredentialStore> m_store;
};

void TstCredentialWriter::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    qRegisterMetaType<CredentialWriteResult>();
}

void TstCredentialWriter::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_store = std::make_unique<InMemoryCredentialStore>();
}

QByteArray TstCredentialWriter::netrcBytes() const
{
    QFile f(netrcPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TstCredentialWriter::writeNetrc(const QByteArray &bytes)
{
    QFile f(netrcPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

CredentialWriteResult TstCredentialWriter::run(CredentialWriter &writer, const std::function<void()> &action)
{
    QSignalSpy spy(&writer, &CredentialWriter::finished);
    action();
    if (!spy.isEmpty() || !spy.wait(5000))
        return {}; // must arrive exactly once, from the event loop
    return spy.takeFirst().at(0).value<CredentialWriteResult>();
}

void TstCredentialWriter::loginPrefersKeychain()
{
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    writer.setApiHost(QStringLiteral("API.Heroku.COM")); // the keychain account is the host, case-folded
    const CredentialWriteResult result = run(writer, [&] { writer.login(Email, Secret(Token)); });
    QVERIFY(result.ok);
    QVERIFY(result.keychain);
    QVERIFY(result.netrcMachines.isEmpty());
    QCOMPARE(result.description, QStringLiteral("stored in the system keychain"));
    QVERIFY(m_store->contains(KeychainCredentialStore::serviceName(), QStringLiteral("api.heroku.com")));
    QVERIFY(!QFile::exists(netrcPath()));
}

void TstCredentialWriter::loginFallsBackToNetrc_data()
{
    QTest::addColumn<int>("failure");
    QTest::addColumn<bool>("withStore");
    QTest::newRow("keychain unavailable") << int(StoreStatus::Unavailable) << true;
    QTest::newRow("keychain access denied") << int(StoreStatus::AccessDenied) << true;
    QTest::newRow("no keychain configured") << int(StoreStatus::Ok) << false;
}

void TstCredentialWriter::loginFallsBackToNetrc()
{
    QFETCH(int, failure);
    QFETCH(bool, withStore);
    const QString reason = QStringLiteral("no system keychain is available (none in this test)");
    m_store->setFailure(StoreStatus(failure), reason);
    const QByteArray existing("# keep me\nmachine ftp.example.org login a password \"b c\"\n");
    writeNetrc(existing);
    QVERIFY(QFile::setPermissions(netrcPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ReadGroup | QFileDevice::ReadOther));

    CredentialWriter writer(withStore ? m_store.get() : nullptr);
    writer.setHomeDir(m_home->path());
    const CredentialWriteResult result = run(writer, [&] { writer.login(Email, Secret(Token)); });
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.keychain);
    QCOMPARE(result.netrcMachines,
             (QStringList{QStringLiteral("api.heroku.com"), QStringLiteral("git.heroku.com")}));
    // Where it went and why not the keychain, in one sentence.
    QVERIFY2(result.description.startsWith(
                 QStringLiteral("stored in ~/.netrc (api.heroku.com, git.heroku.com) because ") +
                 (withStore ? reason : QStringLiteral("no keychain is configured"))),
             qPrintable(result.description));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(!result.description.contains(Token));

    const QByteArray bytes = netrcBytes();
    QCOMPARE(bytes, existing + "machine api.heroku.com\n  login dev@example.com\n  password " +
                        Token.toUtf8() + "\nmachine git.heroku.com\n  login dev@example.com\n  password " +
                        Token.toUtf8() + "\n");
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(netrcPath()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));

    // A second login with a new token updates the same entries in place.
    const QString newer = QStringLiteral("HRKU-second-token-6666");
    QVERIFY(run(writer, [&] { writer.login(Email, Secret(newer)); }).ok);
    const Netrc netrc = NetrcFile(netrcPath()).load().netrc;
    QCOMPARE(netrc.entries().size(), 3);
    QVERIFY(netrc.find(QStringLiteral("api.heroku.com"))->password.reveal() == newer);
    QVERIFY(netrc.find(QStringLiteral("git.heroku.com"))->password.reveal() == newer);
}

void TstCredentialWriter::loginForSandboxHostWritesOneMachine()
{
    QCOMPARE(CredentialWriter::netrcMachinesFor(QStringLiteral("127.0.0.1")),
             QStringList{QStringLiteral("127.0.0.1")});
    QCOMPARE(CredentialWriter::netrcMachinesFor(QStringLiteral("api.example.com")),
             (QStringList{QStringLiteral("api.example.com"), QStringLiteral("git.example.com")}));

    m_store->setFailure(StoreStatus::Unavailable);
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    writer.setApiHost(QStringLiteral("127.0.0.1"));
    const CredentialWriteResult result = run(writer, [&] { writer.login(Email, Secret(Token)); });
    QVERIFY(result.ok);
    QCOMPARE(result.netrcMachines, QStringList{QStringLiteral("127.0.0.1")});
    QVERIFY(!NetrcFile(netrcPath()).load().netrc.find(QStringLiteral("api.heroku.com")));
}

void TstCredentialWriter::loginRefusesToRewriteBrokenNetrc()
{
    m_store->setFailure(StoreStatus::Unavailable, QStringLiteral("no backend"));
    const QByteArray broken("machine a\n  password two words\n");
    writeNetrc(broken);
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    const CredentialWriteResult result = run(writer, [&] { writer.login(Email, Secret(Token)); });
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("~/.netrc line 2: unexpected word")),
             qPrintable(result.error));
    QVERIFY(result.error.contains(QStringLiteral("no backend")));
    QVERIFY(!result.error.contains(Token));
    QCOMPARE(netrcBytes(), broken);
}

void TstCredentialWriter::logoutRemovesFromBoth()
{
    const QByteArray other("machine ftp.example.org login a password b\n");
    writeNetrc("machine api.heroku.com\n  login dev@example.com\n  password x\n" + other +
               "machine git.heroku.com\n  login dev@example.com\n  password x\n");
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    QVERIFY(run(writer, [&] { writer.login(Email, Secret(Token)); }).keychain);

    const CredentialWriteResult result = run(writer, [&] { writer.logout(); });
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.operation, CredentialWriteResult::Operation::Logout);
    QVERIFY(result.keychain);
    QCOMPARE(result.netrcMachines,
             (QStringList{QStringLiteral("api.heroku.com"), QStringLiteral("git.heroku.com")}));
    QCOMPARE(result.description,
             QStringLiteral("removed from the system keychain and ~/.netrc (api.heroku.com, "
                            "git.heroku.com)"));
    QVERIFY(!m_store->contains(KeychainCredentialStore::serviceName(), QStringLiteral("api.heroku.com")));
    QCOMPARE(netrcBytes(), other);
}

void TstCredentialWriter::logoutWithNothingStored()
{
    m_store->setFailure(StoreStatus::Unavailable);
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    const CredentialWriteResult result = run(writer, [&] { writer.logout(); });
    QVERIFY(result.ok);
    QVERIFY(!result.keychain);
    QVERIFY(result.netrcMachines.isEmpty());
    QCOMPARE(result.description, QStringLiteral("no stored credentials to remove"));
    QVERIFY(!QFile::exists(netrcPath()));
}

void TstCredentialWriter::logoutReportsKeychainRefusal()
{
    m_store->setFailure(StoreStatus::AccessDenied, QStringLiteral("collection is locked"));
    writeNetrc("machine api.heroku.com password x\n");
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    const CredentialWriteResult result = run(writer, [&] { writer.logout(); });
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("collection is locked")));
    // The part that could be done is done and reported.
    QCOMPARE(result.netrcMachines, QStringList{QStringLiteral("api.heroku.com")});
    QCOMPARE(netrcBytes(), QByteArray());
}

void TstCredentialWriter::logoutIsNotConfirmedWhenKeychainTimedOut()
{
    // A keychain that never answered may still hold the token: the next start would find it.
    m_store->setFailure(StoreStatus::TimedOut,
                        QStringLiteral("the system keychain did not answer within 15 s"));
    writeNetrc("machine api.heroku.com password x\n");
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    const CredentialWriteResult result = run(writer, [&] { writer.logout(); });
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(QStringLiteral("could not confirm removal from the system keychain: the "
                                                    "system keychain did not answer within 15 s")),
             qPrintable(result.error));
    QCOMPARE(result.netrcMachines, QStringList{QStringLiteral("api.heroku.com")});
    QCOMPARE(netrcBytes(), QByteArray());
}

void TstCredentialWriter::usesTheHerokuCliMachineName()
{
    // HEROKU_HOST=http://127.0.0.1:5000: `heroku login` names the machine "127.0.0.1:5000".
    m_store->setFailure(StoreStatus::Unavailable);
    writeNetrc("machine 127.0.0.1 password older\n");
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    writer.setApiHost(QStringLiteral("127.0.0.1"));
    writer.setNetrcMachine(QStringLiteral("127.0.0.1:5000"));
    const CredentialWriteResult login = run(writer, [&] { writer.login(Email, Secret(Token)); });
    QVERIFY2(login.ok, qPrintable(login.error));
    QCOMPARE(login.netrcMachines, QStringList{QStringLiteral("127.0.0.1:5000")});
    QVERIFY(NetrcFile(netrcPath()).load().netrc.find(QStringLiteral("127.0.0.1:5000")));

    // Logout removes every entry the resolver could use, the bare host's included.
    const CredentialWriteResult logout = run(writer, [&] { writer.logout(); });
    QVERIFY2(logout.ok, qPrintable(logout.error));
    QCOMPARE(logout.netrcMachines,
             (QStringList{QStringLiteral("127.0.0.1:5000"), QStringLiteral("127.0.0.1")}));
    QCOMPARE(netrcBytes(), QByteArray());
}

void TstCredentialWriter::tokenIsNeverPrinted()
{
    // Success and failure paths of login and logout, all Qt output captured raw.
    MessageCapture capture;
    QStringList texts;
    const auto record = [&texts](const CredentialWriteResult &r) {
        texts << r.description << r.error << r.warnings << r.netrcMachines;
    };
    CredentialWriter writer(m_store.get());
    writer.setHomeDir(m_home->path());
    record(run(writer, [&] { writer.login(Email, Secret(Token)); }));
    m_store->setFailure(StoreStatus::Unavailable, QStringLiteral("no bus"));
    record(run(writer, [&] { writer.login(Email, Secret(Token)); }));
    record(run(writer, [&] { writer.logout(); }));
    writeNetrc("machine api.heroku.com password " + Token.toUtf8() + " " + Token.toUtf8() + "\n");
    record(run(writer, [&] { writer.login(Email, Secret(Token)); }));
    m_store->setFailure(StoreStatus::Failed, QStringLiteral("backend error"));
    record(run(writer, [&] { writer.logout(); }));
    qWarning() << "login with" << Secret(Token);
    capture.stop();

    QCOMPARE(capture.lines().size(), 1);
    const QString all = (capture.lines() + texts).join(QLatin1Char('\n'));
    QVERIFY(all.contains(QStringLiteral("stored in ~/.netrc")));
    QVERIFY(!all.contains(Token));
}

QTEST_GUILESS_MAIN(TstCredentialWriter)
#include "tst_credentialwriter.moc"
