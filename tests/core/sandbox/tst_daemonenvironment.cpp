// SPDX-License-Identifier: MIT
#include "sandbox/DaemonEnvironment.h"
#include "sandbox/SandboxCluster.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

// What the sandbox's daemons may inherit from whoever starts them: everything but credentials.
class TestDaemonEnvironment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("credential");
        QTest::newRow("api key") << QStringLiteral("HEROKU_API_KEY") << QStringLiteral("0123-abcd") << true;
        QTest::newRow("sim token") << QStringLiteral("HEROKU_SIM_TOKEN") << QStringLiteral("ab12") << true;
        QTest::newRow("cleardb url") << QStringLiteral("CLEARDB_DATABASE_URL")
                                     << QStringLiteral("mysql://u:p@h/db") << true;
        QTest::newRow("database url")
            << QStringLiteral("DATABASE_URL") << QStringLiteral("postgres://h/db") << true;
        QTest::newRow("mysql pwd") << QStringLiteral("MYSQL_PWD") << QStringLiteral("pw") << true;
        QTest::newRow("password") << QStringLiteral("APP_DB_PASSWORD") << QStringLiteral("pw") << true;
        QTest::newRow("password lower") << QStringLiteral("db_password") << QStringLiteral("pw") << true;
        QTest::newRow("passwd") << QStringLiteral("SMTP_PASSWD") << QStringLiteral("pw") << true;
        QTest::newRow("token") << QStringLiteral("GITHUB_TOKEN") << QStringLiteral("ghp_x") << true;
        QTest::newRow("secret") << QStringLiteral("AWS_SECRET") << QStringLiteral("x") << true;
        QTest::newRow("key") << QStringLiteral("AWS_SECRET_ACCESS_KEY") << QStringLiteral("x") << true;
        QTest::newRow("url with password")
            << QStringLiteral("REDIS_URL") << QStringLiteral("redis://h:secretpw@redis.example:6379") << true;
        QTest::newRow("url with user only")
            << QStringLiteral("JAWSDB_URL") << QStringLiteral("mysql://user@h/db") << false;
        QTest::newRow("path") << QStringLiteral("PATH") << QStringLiteral("/usr/bin:/bin") << false;
        QTest::newRow("home") << QStringLiteral("HOME") << QStringLiteral("/home/me") << false;
        QTest::newRow("host") << QStringLiteral("HEROKU_HOST") << QStringLiteral("http://127.0.0.1:5000")
                              << false;
        QTest::newRow("script") << QStringLiteral("CLEARDB_SANDBOX_SCRIPT") << QStringLiteral("/x/cluster.sh")
                                << false;
        QTest::newRow("pwd") << QStringLiteral("PWD") << QStringLiteral("/home/me") << false;
        QTest::newRow("oldpwd") << QStringLiteral("OLDPWD") << QStringLiteral("/tmp") << false;
    }

    void classifies()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, credential);
        QCOMPARE(DaemonEnvironment::isCredential(name, value), credential);
    }

    void removesOnlyCredentials()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HEROKU_API_KEY"), QStringLiteral("k"));
        env.insert(QStringLiteral("PATH"), QStringLiteral("/bin"));
        env.insert(QStringLiteral("X_URL"), QStringLiteral("https://a:b@c/"));
        const QProcessEnvironment clean = DaemonEnvironment::withoutCredentials(env);
        QCOMPARE(clean.keys(), QStringList{QStringLiteral("PATH")});
    }

    // SandboxCluster runs cluster.sh (which starts the daemons) without the caller's credentials.
    void clusterScriptGetsNoCredentials()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(QStringLiteral("cluster.sh"));
        const QString dump = dir.filePath(QStringLiteral("env.txt"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nenv > \"$(dirname \"$0\")/env.txt\"\nexit 3\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        qputenv("HEROKU_API_KEY", "fake-api-key-3c2b");
        qputenv("CLEARDB_SANDBOX_MARKER", "present");
        SandboxCluster cluster(script, dir.filePath(QStringLiteral("c")));
        QSignalSpy spy(&cluster, &SandboxCluster::statusRefreshed);
        cluster.refreshStatus();
        const bool answered = spy.wait(10000);
        qunsetenv("HEROKU_API_KEY");
        qunsetenv("CLEARDB_SANDBOX_MARKER");
        QVERIFY(answered);
        QFile env(dump);
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QByteArray text = env.readAll();
        // Premise: the script ran with our environment. (Never print it: it may hold real secrets.)
        QVERIFY(text.contains("CLEARDB_SANDBOX_MARKER=present"));
        QVERIFY2(!text.contains("fake-api-key"), "cluster.sh inherited HEROKU_API_KEY");
    }
};

QTEST_GUILESS_MAIN(TestDaemonEnvironment)
#include "tst_daemonenvironment.moc"
