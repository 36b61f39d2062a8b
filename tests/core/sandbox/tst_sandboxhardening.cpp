// SPDX-License-Identifier: MIT
#include "SandboxTestEnv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

// What a local user who is not the sandbox's owner can do with the fixture cluster: nothing. No account
// logs in over TCP without a password (root included, on the routed port too), mariadbd and HAProxy do
// not run as root, the cluster directory and its secrets are private, and the daemons do not inherit
// the credentials of whoever started them (readable in /proc/PID/environ).
// Logins go through the mariadb client, with credentials in a 0600 option file, never on argv.
class TestSandboxHardening : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;

    struct Login
    {
        bool ok = false;
        QByteArray out;
        QByteArray err;
    };

    Login login(quint16 port, const QString &user, const QString &password, const QString &sql)
    {
        QTemporaryFile options; // created 0600
        if (!options.open())
            return {};
        options.write("[client]\nuser=" + user.toUtf8() + "\npassword=" + password.toUtf8() + '\n');
        options.flush();
        QProcess p;
        p.start(QStringLiteral("mariadb"),
                {QStringLiteral("--defaults-file=") + options.fileName(), QStringLiteral("--protocol=TCP"),
                 QStringLiteral("--host=127.0.0.1"), QStringLiteral("--port=") + QString::number(port),
                 QStringLiteral("--connect-timeout=5"), QStringLiteral("--batch"),
                 QStringLiteral("--skip-column-names"), QStringLiteral("--execute=") + sql});
        if (!p.waitForFinished(20000))
            p.kill();
        return {p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    QList<quint16> ports() const
    {
        return {m_status.routedPort, m_status.primaryPort, m_status.secondaryPort, m_status.dedicatedPort};
    }

    // The dedicated server is another installation with its own admin password.
    QString adminPasswordFor(quint16 port) const
    {
        return m_status.adminPassword(port == m_status.dedicatedPort ? SandboxStatus::Endpoint::Dedicated
                                                                     : SandboxStatus::Endpoint::Routed);
    }

    static QByteArray environOf(qint64 pid)
    {
        QFile f(QStringLiteral("/proc/%1/environ").arg(pid));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QString userOf(qint64 pid)
    {
        QProcess ps;
        ps.start(QStringLiteral("ps"),
                 {QStringLiteral("-o"), QStringLiteral("user="), QStringLiteral("-p"), QString::number(pid)});
        ps.waitForFinished(10000);
        return QString::fromUtf8(ps.readAllStandardOutput()).trimmed();
    }

    static uint modeOf(const QString &path)
    {
        struct stat st = {};
        return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0xFFFF;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), qPrintable(m_status.state));
        QVERIFY(m_status.dedicatedRunning);
        // Premise: the admin logs in over TCP on every port, so a refusal below is about the account.
        for (quint16 port : ports()) {
            const Login admin =
                login(port, m_status.adminUser, adminPasswordFor(port), QStringLiteral("SELECT 1"));
            QVERIFY2(admin.ok, admin.err.constData());
            QCOMPARE(admin.out.trimmed(), QByteArray("1"));
        }
    }

    void rootWithoutPasswordIsRefusedOnEveryPort()
    {
        for (quint16 port : ports()) {
            const Login root = login(port, QStringLiteral("root"), QString(), QStringLiteral("SELECT 1"));
            QVERIFY2(!root.ok,
                     qPrintable(QStringLiteral("root logged in without a password on port %1").arg(port)));
            QVERIFY2(root.err.contains("ERROR 1045") || root.err.contains("ERROR 1130"),
                     root.err.constData());
        }
    }

    // Every account the servers know, tried with an empty password over TCP: none gets in; and none
    // is stored with an empty password unless it is locked or only reachable through the unix socket.
    void noAccountWithoutPassword()
    {
        for (quint16 port : {m_status.primaryPort, m_status.secondaryPort, m_status.dedicatedPort}) {
            const Login rows = login(port, m_status.adminUser, adminPasswordFor(port),
                                     QStringLiteral("SELECT user, host, priv FROM mysql.global_priv"));
            QVERIFY2(rows.ok, rows.err.constData());
            QStringList users{QStringLiteral("root"), QString()};
            const QList<QByteArray> lines = rows.out.trimmed().split('\n');
            QVERIFY(lines.size() >= 3); // root, mariadb.sys, the sandbox's own users at least
            for (const QByteArray &line : lines) {
                const QList<QByteArray> cols = line.split('\t');
                QCOMPARE(cols.size(), 3);
                const QString account = QString::fromUtf8(cols[0] + '@' + cols[1]);
                const QJsonObject priv = QJsonDocument::fromJson(cols[2]).object();
                QVERIFY2(!priv.isEmpty(), line.constData());
                users << QString::fromUtf8(cols[0]);
                if (priv.value(QStringLiteral("is_role")).toBool() ||
                    priv.value(QStringLiteral("account_locked")).toBool())
                    continue;
                // The first method is top-level; "auth_or" lists it (as {}) and the alternatives.
                QList<QJsonObject> methods{priv};
                for (const QJsonValue &alt : priv.value(QStringLiteral("auth_or")).toArray())
                    if (!alt.toObject().isEmpty())
                        methods << alt.toObject();
                for (const QJsonObject &m : methods) {
                    const QString plugin = m.value(QStringLiteral("plugin")).toString();
                    if (plugin == QStringLiteral("unix_socket"))
                        continue;
                    QVERIFY2(!m.value(QStringLiteral("authentication_string")).toString().isEmpty(),
                             qPrintable(account + QStringLiteral(" has an empty password (") + plugin +
                                        QLatin1Char(')')));
                }
            }
            users.removeDuplicates();
            for (const QString &user : users) {
                for (quint16 p : ports()) {
                    const Login empty = login(p, user, QString(), QStringLiteral("SELECT 1"));
                    QVERIFY2(
                        !empty.ok,
                        qPrintable(
                            QStringLiteral("'%1' logged in without a password on port %2").arg(user).arg(p)));
                }
            }
        }
    }

    void daemonsDoNotRunAsRoot()
    {
        const QString me = userOf(QCoreApplication::applicationPid());
        QVERIFY(!me.isEmpty());
        for (qint64 pid :
             {m_status.primaryPid, m_status.secondaryPid, m_status.haproxyPid, m_status.dedicatedPid}) {
            QVERIFY(pid > 0);
            const QString user = userOf(pid);
            QVERIFY2(!user.isEmpty(), qPrintable(QStringLiteral("no process %1").arg(pid)));
            if (::geteuid() == 0)
                QVERIFY2(user != QStringLiteral("root"),
                         qPrintable(QStringLiteral("pid %1 runs as root").arg(pid)));
            else
                QCOMPARE(user, me); // a normal user's sandbox runs as that user
        }
    }

    void clusterDirectoryIsPrivate()
    {
        const QString dir = m_status.dir;
        QCOMPARE(QString::number(modeOf(dir), 8), QStringLiteral("700"));
        QCOMPARE(QString::number(modeOf(dir + QStringLiteral("/secrets")), 8), QStringLiteral("700"));
        const QStringList secrets{QStringLiteral("/.lock"),
                                  QStringLiteral("/cluster.env"),
                                  QStringLiteral("/secrets/admin.password"),
                                  QStringLiteral("/secrets/repl.password"),
                                  QStringLiteral("/secrets/dedicated-admin.password"),
                                  QStringLiteral("/tls/ca-key.pem"),
                                  QStringLiteral("/tls/server-key.pem")};
        for (const QString &file : secrets)
            QVERIFY2(modeOf(dir + file) == 0600, qPrintable(file + QStringLiteral(" has mode ") +
                                                            QString::number(modeOf(dir + file), 8)));
        QCOMPARE(m_status.adminPasswordFile, dir + QStringLiteral("/secrets/admin.password"));
    }

    // Runs last: restarts the fixture's daemons from a process that holds credentials.
    void daemonsDoNotInheritCredentials()
    {
        const QByteArray apiKey = "HEROKU_API_KEY=fake-api-key-0d9f8e7c";
        const QByteArray dbUrl = "CLEARDB_DATABASE_URL=mysql://u:fake-db-password-5a4b@db.example/heroku_x";
        const QByteArray dbPass = "APP_DB_PASSWORD=fake-app-password-77ee";
        qputenv("HEROKU_API_KEY", apiKey.mid(apiKey.indexOf('=') + 1));
        qputenv("CLEARDB_DATABASE_URL", dbUrl.mid(dbUrl.indexOf('=') + 1));
        qputenv("APP_DB_PASSWORD", dbPass.mid(dbPass.indexOf('=') + 1));
        // Premise: a child of ours gets them, and /proc/PID/environ shows them.
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        const QByteArray childEnv = environOf(child.processId());
        child.kill();
        child.waitForFinished();
        QVERIFY(childEnv.contains(apiKey) && childEnv.contains(dbUrl) && childEnv.contains(dbPass));

        SandboxTestEnv::run({QStringLiteral("stop")});
        SandboxTestEnv::run({QStringLiteral("start"), QStringLiteral("--server"), QStringLiteral("all")});
        qunsetenv("HEROKU_API_KEY");
        qunsetenv("CLEARDB_DATABASE_URL");
        qunsetenv("APP_DB_PASSWORD");
        const SandboxStatus after = SandboxTestEnv::status();
        QVERIFY2(after.isRunning(), qPrintable(after.state));
        QVERIFY(after.primaryPid != m_status.primaryPid); // really restarted by us
        QVERIFY(after.dedicatedRunning && after.dedicatedPid != m_status.dedicatedPid);
        for (qint64 pid : {after.primaryPid, after.secondaryPid, after.haproxyPid, after.dedicatedPid}) {
            const QByteArray env = environOf(pid);
            QVERIFY2(env.contains("PATH="),
                     qPrintable(QStringLiteral("cannot read the environment of %1").arg(pid)));
            QVERIFY2(!env.contains("fake-"),
                     qPrintable(QStringLiteral("pid %1 inherited a credential").arg(pid)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxHardening)
#include "tst_sandboxhardening.moc"
