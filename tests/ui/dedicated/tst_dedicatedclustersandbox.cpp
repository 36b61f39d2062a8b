// SPDX-License-Identifier: MIT
// The dedicated-cluster dialog's Test connection against the real sandbox cluster (the ctest fixture:
// two MariaDB masters with TLS behind HAProxy): one line with the server's version and the TLS the
// probe negotiated on that connection, verified with the sandbox CA, encrypted but unverified without.
#include "../core/sandbox/SandboxTestEnv.h"
#include "UiTestHelpers.h"
#include "dedicated/DedicatedClusterDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using UiTest::child;

namespace {
void type(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->clear();
    edit->insert(text);
}

// Presses Test connection and returns the result line once the probe answered.
QString testConnection(QWidget *dialog)
{
    QTest::mouseClick(child<QPushButton>(dialog, "testConnectionButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog, "testResult");
    if (!QTest::qWaitFor([&] { return !result->text().startsWith(QStringLiteral("Testing")); }, 20000))
        return {};
    return result->text();
}
} // namespace

class TestDedicatedClusterSandbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void testConnectionReportsVersionAndTls();
};

void TestDedicatedClusterSandbox::testConnectionReportsVersionAndTls()
{
    const SandboxStatus status = SandboxTestEnv::status();
    QVERIFY2(status.isRunning(), "the mariadb_cluster fixture is not running");
    const QString password = status.adminPassword();
    QVERIFY(!password.isEmpty());

    DedicatedClusterDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    type(&dialog, "hostEdit", QStringLiteral("127.0.0.1"));
    type(&dialog, "portEdit", QString::number(status.routedPort));
    type(&dialog, "userEdit", status.adminUser);
    type(&dialog, "passwordEdit", password);
    type(&dialog, "databaseEdit", QStringLiteral("mysql"));
    type(&dialog, "caFileEdit", status.caFile);

    // The sandbox CA signs a certificate for 127.0.0.1: verified.
    const QString verified = testConnection(&dialog);
    QVERIFY2(verified.startsWith(QStringLiteral("Connected")), qPrintable(verified));
    QVERIFY2(verified.contains(QStringLiteral("MariaDB")), qPrintable(verified));
    QVERIFY2(verified.contains(QStringLiteral("TLSv1.")) && verified.contains(QStringLiteral("verified")),
             qPrintable(verified));
    QVERIFY2(!verified.contains(QStringLiteral("not verified")), qPrintable(verified));
    QVERIFY(!verified.contains(QLatin1Char('\n')));
    QVERIFY(!verified.contains(password));

    // Without the CA the same server is reached over TLS that nobody checked, and the line says so.
    type(&dialog, "caFileEdit", QString());
    const QString unverified = testConnection(&dialog);
    QVERIFY2(unverified.contains(QStringLiteral("TLSv1.")) &&
                 unverified.contains(QStringLiteral("not verified")),
             qPrintable(unverified));
    QVERIFY(!unverified.contains(password));
}

QTEST_MAIN(TestDedicatedClusterSandbox)
#include "tst_dedicatedclustersandbox.moc"
