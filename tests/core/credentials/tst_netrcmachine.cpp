// SPDX-License-Identifier: MIT
#include "credentials/CredentialResolver.h"
#include "heroku/ApiEndpoint.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Source = CredentialResolution::Source;

Q_DECLARE_METATYPE(CredentialResolution)

// The ~/.netrc machine for an endpoint is the one `heroku login` writes, so the two tools share logins.
class TstNetrcMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void machineNameIsTheHerokuCliApiHost_data();
    void machineNameIsTheHerokuCliApiHost();
    void findsTheHerokuCliLoginForHostWithPort();

private:
    CredentialResolution resolve(CredentialResolver &resolver);
    void writeNetrc(const QByteArray &bytes);
    QProcessEnvironment environment() const;

    QTemporaryDir m_home;
};

void TstNetrcMachine::initTestCase()
{
    qRegisterMetaType<CredentialResolution>();
    QVERIFY(m_home.isValid());
}

QProcessEnvironment TstNetrcMachine::environment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), m_home.path());
    return env;
}

void TstNetrcMachine::writeNetrc(const QByteArray &bytes)
{
    QFile f(m_home.filePath(QStringLiteral(".netrc")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

CredentialResolution TstNetrcMachine::resolve(CredentialResolver &resolver)
{
    QSignalSpy spy(&resolver, &CredentialResolver::resolved);
    resolver.resolve();
    if (!spy.wait(5000))
        return {};
    return spy.takeFirst().at(0).value<CredentialResolution>();
}

void TstNetrcMachine::machineNameIsTheHerokuCliApiHost_data()
{
    // @heroku-cli/command's vars.apiHost: for a HEROKU_HOST URL, Node's url.parse(HEROKU_HOST).host,
    // which is the lower-cased host *with* the port; `heroku login` writes that machine to ~/.netrc.
    QTest::addColumn<QString>("herokuHost");
    QTest::addColumn<QString>("machine");
    QTest::newRow("default") << QString() << QStringLiteral("api.heroku.com");
    QTest::newRow("https url") << QStringLiteral("https://api.heroku.com")
                               << QStringLiteral("api.heroku.com");
    QTest::newRow("loopback with port")
        << QStringLiteral("http://127.0.0.1:5000") << QStringLiteral("127.0.0.1:5000");
    QTest::newRow("trailing slash, upper case")
        << QStringLiteral("http://LocalHost:5001/") << QStringLiteral("localhost:5001");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:5002") << QStringLiteral("[::1]:5002");
    QTest::newRow("explicit 443") << QStringLiteral("https://api.example.com:443")
                                  << QStringLiteral("api.example.com:443");
}

void TstNetrcMachine::machineNameIsTheHerokuCliApiHost()
{
    QFETCH(QString, herokuHost);
    QFETCH(QString, machine);
    const ApiEndpoint endpoint = ApiEndpoint::fromSetting(herokuHost);
    QVERIFY(endpoint.isValid());
    QCOMPARE(endpoint.netrcMachine(), machine);
}

void TstNetrcMachine::findsTheHerokuCliLoginForHostWithPort()
{
    // What `HEROKU_HOST=http://127.0.0.1:5000 heroku login` leaves (HEROKU_NETRC_WRITE=true), after
    // an older entry for the bare host: the CLI's own machine wins.
    writeNetrc("machine 127.0.0.1\n  password old-token\nmachine 127.0.0.1:5000\n  login a@example.com\n"
               "  password cli-token\n");
    const ApiEndpoint endpoint = ApiEndpoint::fromSetting(QStringLiteral("http://127.0.0.1:5000"));
    CredentialResolver resolver(nullptr);
    resolver.setEnvironment(environment());
    resolver.setApiHost(endpoint.host());
    resolver.setNetrcMachine(endpoint.netrcMachine());
    CredentialResolution result = resolve(resolver);
    QCOMPARE(result.source, Source::Netrc);
    QVERIFY(result.token.reveal() == QStringLiteral("cli-token"));
    QCOMPARE(result.description, QStringLiteral("from ~/.netrc (line 3)"));

    // Without the CLI's entry the bare host (curl's way of naming machines) still counts.
    writeNetrc("machine 127.0.0.1\n  password old-token\n");
    result = resolve(resolver);
    QVERIFY(result.token.reveal() == QStringLiteral("old-token"));

    // A login for another port is another server's.
    writeNetrc("machine 127.0.0.1:6000\n  password other-token\n");
    QVERIFY(!resolve(resolver).hasToken());
}

QTEST_GUILESS_MAIN(TstNetrcMachine)
#include "tst_netrcmachine.moc"
