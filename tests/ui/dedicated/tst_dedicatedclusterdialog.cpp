// SPDX-License-Identifier: MIT
// The dedicated-cluster dialog on its own and from the main window against heroku-sim: it fits a
// 1366×768 screen, Enter never opens a file picker, Test connection reports a failure in one line
// without the password, and Assign's result shows in the dialog, not in the window behind it.
#include "AddonTestWindow.h"
#include "UiTestHelpers.h"
#include "configvars/ConfigActions.h"
#include "configvars/ConfigAssignmentDialog.h"
#include "dedicated/DedicatedClusterDialog.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QtTest>

using namespace AddonTestWindow;
using UiTest::closedPort;
using UiTest::openedDialog;

namespace {
const QString EmptyApp = SimProcess::appName(2); // no add-ons
const QString Password = QStringLiteral("Dedicated-Secret-91");

void type(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

void fill(QWidget *dialog, int port)
{
    type(dialog, "hostEdit", QStringLiteral("127.0.0.1"));
    type(dialog, "portEdit", QString::number(port));
    type(dialog, "userEdit", QStringLiteral("app_user"));
    type(dialog, "passwordEdit", Password);
    type(dialog, "databaseEdit", QStringLiteral("heroku_cluster"));
}
} // namespace

class TestDedicatedClusterDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fitsASmallScreen();
    void enterOpensNoFilePicker();
    void testConnectionFailureIsOneLine();
    void closingDuringATestIsSafe();
    void assignResultShowsInTheDialog();

private:
    QNetworkAccessManager m_network;
};

void TestDedicatedClusterDialog::fitsASmallScreen()
{
    // A 1366×768 screen minus a panel and the title bar leaves about 700 px; stay well under it.
    DedicatedClusterDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.sizeHint().height() <= 600, qPrintable(QString::number(dialog.sizeHint().height())));
    QVERIFY2(dialog.height() <= 600, qPrintable(QString::number(dialog.height())));
    // Filled in with messages showing, it still fits.
    fill(&dialog, 70000);
    QVERIFY(child<QLabel>(&dialog, "portMessage")->isVisible());
    QVERIFY2(dialog.sizeHint().height() <= 600, qPrintable(QString::number(dialog.sizeHint().height())));
}

void TestDedicatedClusterDialog::enterOpensNoFilePicker()
{
    auto *dialog = new DedicatedClusterDialog;
    QPointer<DedicatedClusterDialog> guard(dialog);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    fill(dialog, closedPort());
    for (const char *field : {"hostEdit", "databaseEdit"}) {
        QTest::keyClick(child<QLineEdit>(dialog, field), Qt::Key_Return);
        QTest::qWait(200);
        QVERIFY2(!dialog->findChild<QFileDialog *>(), field);
        QVERIFY2(!qobject_cast<QFileDialog *>(QApplication::activeModalWidget()), field);
        QVERIFY2(guard && dialog->isVisible(), "Enter must not close the dialog");
    }
    // Enter's default action is the harmless one: Test connection (it only reads).
    auto *test = child<QPushButton>(dialog, "testConnectionButton");
    QVERIFY(test->isDefault());
    auto *result = child<QLabel>(dialog, "testResult");
    QTRY_VERIFY_WITH_TIMEOUT(result->isVisible() && !result->text().startsWith(QStringLiteral("Testing")),
                             20000);
    delete dialog;
}

void TestDedicatedClusterDialog::testConnectionFailureIsOneLine()
{
    DedicatedClusterDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *test = child<QPushButton>(&dialog, "testConnectionButton");
    QVERIFY(!test->isEnabled()); // nothing to test yet
    fill(&dialog, closedPort());
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    auto *result = child<QLabel>(&dialog, "testResult");
    QVERIFY(result->text().startsWith(QStringLiteral("Testing")));
    QTRY_VERIFY_WITH_TIMEOUT(!result->text().startsWith(QStringLiteral("Testing")), 20000);
    const QString text = result->text();
    QVERIFY2(text.startsWith(QStringLiteral("Connection failed")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("refused")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1Char('\n')), qPrintable(text));
    QVERIFY(!text.contains(Password));

    // Editing a field makes an old result stale: it goes.
    type(&dialog, "databaseEdit", QStringLiteral("heroku_other"));
    QVERIFY(!result->isVisible());
}

void TestDedicatedClusterDialog::closingDuringATestIsSafe()
{
    // A second press supersedes the first; closing the dialog (deleted on close) abandons the probe
    // in its worker thread, and nothing arrives afterwards.
    QPointer<DedicatedClusterDialog> dialog = new DedicatedClusterDialog;
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    fill(dialog, closedPort());
    auto *test = child<QPushButton>(dialog, "testConnectionButton");
    QTest::mouseClick(test, Qt::LeftButton);
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(child<QLabel>(dialog, "testResult")->text().startsWith(QStringLiteral("Testing")));
    dialog->close();
    QTRY_VERIFY(!dialog);
    QTest::qWait(500);
}

void TestDedicatedClusterDialog::assignResultShowsInTheDialog()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(sim.errorString()));
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, sim, EmptyApp));
    window.configActions()->dedicatedClusterAction()->trigger();
    QPointer<DedicatedClusterDialog> dialog = openedDialog<DedicatedClusterDialog>(&window);
    QVERIFY(dialog);
    fill(dialog, 3306);
    QTest::mouseClick(child<QPushButton>(dialog, "assignButton"), Qt::LeftButton);
    QPointer<ConfigAssignmentDialog> confirmDialog = openedDialog<ConfigAssignmentDialog>(dialog);
    QVERIFY(confirmDialog);
    auto *confirm = child<QPushButton>(confirmDialog, "confirmButton");
    QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), 10000);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!confirmDialog, 10000);
    QVERIFY(configVar(sim, EmptyApp, QStringLiteral("DATABASE_URL")).contains(QStringLiteral("127.0.0.1")));

    // The result is in the dialog the user is looking at, which stays open and in front.
    QVERIFY(dialog && dialog->isVisible());
    auto *message = dialog->findChild<MessageBar *>(QStringLiteral("assignMessage"));
    QVERIFY2(message, "the dialog has its own message bar");
    QTRY_VERIFY(message->isVisible());
    QCOMPARE(message->type(), MessageBar::Positive);
    QVERIFY2(message->text().contains(QStringLiteral("DATABASE_URL")), qPrintable(message->text()));
    QVERIFY(!message->text().contains(Password));
    QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(dialog.data()));
    dialog->close();
}

QTEST_MAIN(TestDedicatedClusterDialog)
#include "tst_dedicatedclusterdialog.moc"
