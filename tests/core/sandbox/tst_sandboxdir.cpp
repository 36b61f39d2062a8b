// SPDX-License-Identifier: MIT
// SandboxCluster::sandboxDir: the one rule the console, its failover drill and cleardbctl follow to
// find the sandbox cluster, so all three always meet the same cluster.
#include "sandbox/SandboxCluster.h"

#include <QDir>
#include <QtTest>

class TestSandboxDir : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void variableWins()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("CLEARDB_SANDBOX_DIR"), QStringLiteral("/tmp/some-sandbox"));
        QCOMPARE(SandboxCluster::sandboxDir(env), QStringLiteral("/tmp/some-sandbox"));
    }

    // A relative directory means the same cluster whichever program reads it: made absolute here,
    // where the console and the drill used to keep it relative.
    void relativeIsMadeAbsolute()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("CLEARDB_SANDBOX_DIR"), QStringLiteral("relative-sandbox"));
        const QString dir = SandboxCluster::sandboxDir(env);
        QVERIFY2(QDir::isAbsolutePath(dir), qPrintable(dir));
        QCOMPARE(dir, QDir(QStringLiteral("relative-sandbox")).absolutePath());
    }

    // Set but empty is unset (the drill used to take the empty string as the directory).
    void emptyOrUnsetIsTheDefault()
    {
        QProcessEnvironment env;
        QCOMPARE(SandboxCluster::sandboxDir(env), SandboxCluster::defaultRuntimeDir());
        env.insert(QStringLiteral("CLEARDB_SANDBOX_DIR"), QString());
        QCOMPARE(SandboxCluster::sandboxDir(env), SandboxCluster::defaultRuntimeDir());
        QVERIFY(SandboxCluster::defaultRuntimeDir().endsWith(QStringLiteral("/cleardb-sandbox")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxDir)
#include "tst_sandboxdir.moc"
