// SPDX-License-Identifier: MIT
// The console's main window against the real heroku-sim, driven like a user:
// wait for the apps, filter, pick the ClearDB app, read its add-on and config var
// names, check the status bar; plus the error, empty and sandbox states.
#include "SimProcess.h"
#include "UiTestHelpers.h"
#include "session/ConsoleConnection.h"
#include "shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using UiTest::child;

namespace {
ConsoleConnection connectionTo(const SimProcess &sim, bool sandbox = false)
{
    ConsoleConnection connection;
    connection.endpoint = ApiEndpoint::fromSetting(sim.baseUrl());
    connection.token = Secret(sim.token());
    connection.credentialSource = QStringLiteral("from the test");
    connection.sandbox = sandbox;
    return connection;
}

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values << model->index(row, column).data().toString();
    return values;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadFilterSelectAndRead();
    void wrongTokenShowsInlineErrorWithRetry();
    void emptyAccountSaysWhatToDo();
    void sandboxBadgeOnlyInSandbox();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestMainWindow::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("40"), QStringLiteral("--rate-limit"),
                          QStringLiteral("2000")}),
             qPrintable(m_sim.errorString()));
}

void TestMainWindow::loadFilterSelectAndRead()
{
    MainWindow window(&m_network);
    window.open(connectionTo(m_sim));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *apps = child<QTreeView>(&window, "appTable");
    QAbstractItemModelTester tester(apps->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(apps->model()->rowCount(), 40, 10000);
    QVERIFY(apps->isVisible());
    QVERIFY(child<QLabel>(&window, "detailsPlaceholder")->isVisible());

    // Filter down to the seeded ClearDB app (sandbox-app-0001).
    const QString clearDbApp = SimProcess::appName(0);
    auto *filter = child<QLineEdit>(&window, "appFilter");
    apps->setFocus();
    QTest::keySequence(&window, QKeySequence::Find); // Ctrl+F goes to the filter box
    QVERIFY(filter->hasFocus());
    QTest::keyClicks(filter, clearDbApp.right(4));
    QCOMPARE(column(apps->model(), 0), QStringList{clearDbApp});
    QCOMPARE(child<QLabel>(&window, "appCount")->text(), QStringLiteral("1 of 40"));

    QTest::mouseClick(apps->viewport(), Qt::LeftButton, {},
                      apps->visualRect(apps->model()->index(0, 0)).center());
    QTRY_COMPARE(child<QLabel>(&window, "detailsTitle")->text(), clearDbApp);
    QTRY_VERIFY(child<QLabel>(&window, "detailsStatus")->text().isEmpty());

    auto *addons = child<QTreeView>(&window, "addonTable");
    QAbstractItemModelTester addonTester(addons->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(addons->isVisible());
    const int clearDbRow = int(column(addons->model(), 1).indexOf(QStringLiteral("cleardb:ignite")));
    QVERIFY(clearDbRow >= 0);
    const QString addonName = addons->model()->index(clearDbRow, 0).data().toString();
    QVERIFY(!addonName.isEmpty());
    QCOMPARE(addons->model()->index(clearDbRow, 2).data().toString(), QStringLiteral("provisioned"));

    auto *vars = child<QTreeView>(&window, "configVarTable");
    QAbstractItemModelTester varTester(vars->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int urlRow = int(column(vars->model(), 0).indexOf(QStringLiteral("CLEARDB_DATABASE_URL")));
    QVERIFY(urlRow >= 0);
    QCOMPARE(vars->model()->index(urlRow, 1).data().toString(), addonName);
    // Names only: no value (the database URL with its password) anywhere in the window.
    for (const QLabel *label : window.findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QStringLiteral("mysql://")), qPrintable(label->objectName()));
    QVERIFY(!column(vars->model(), 1).join(QLatin1Char(' ')).contains(QStringLiteral("mysql://")));

    // Status bar: account e-mail and the sim's rate limit (it was started with 2000).
    QTRY_VERIFY(child<QLabel>(&window, "accountLabel")->text().contains(QLatin1Char('@')));
    const QString rateText = child<QLabel>(&window, "rateLimitLabel")->text();
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("API calls left: ([\\d,.\\s]+)$")).match(rateText);
    QVERIFY2(match.hasMatch(), qPrintable(rateText));
    const int remaining = match.captured(1).remove(QRegularExpression(QStringLiteral("\\D"))).toInt();
    QVERIFY2(remaining > 1900 && remaining < 2000, qPrintable(rateText));
    QTRY_VERIFY(!child<QWidget>(&window, "busyIndicator")->isVisible());
    QVERIFY(!child<QWidget>(&window, "messageBar")->isVisible());

    // Clearing the filter keeps the chosen app selected and shown.
    filter->clear();
    QCOMPARE(apps->model()->rowCount(), 40);
    QCOMPARE(apps->selectionModel()->currentIndex().data().toString(), clearDbApp);
    QCOMPARE(child<QLabel>(&window, "detailsTitle")->text(), clearDbApp);
}

void TestMainWindow::wrongTokenShowsInlineErrorWithRetry()
{
    MainWindow window(&m_network);
    ConsoleConnection connection = connectionTo(m_sim);
    connection.token = Secret(QStringLiteral("expired-token"));
    window.open(connection);
    window.show();
    auto *bar = child<QWidget>(&window, "messageBar");
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
    const QString text = child<QLabel>(&window, "messageText")->text();
    QVERIFY2(text.contains(QStringLiteral("cleardbctl login")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("expired-token")));
    QVERIFY(child<QToolButton>(&window, "messageAction")->isVisible());
    QVERIFY(child<QLabel>(&window, "appListEmpty")->isVisible());
    QVERIFY(child<QLabel>(&window, "appListEmpty")->text().contains(QStringLiteral("could not be loaded")));
    QTRY_VERIFY(!child<QWidget>(&window, "busyIndicator")->isVisible());
    // Retry asks the API again: the same error comes back, inline again.
    QSignalSpy failures(&window, &MainWindow::loadFailed);
    QTest::mouseClick(child<QToolButton>(&window, "messageAction"), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QVERIFY(failures.wait(10000));
    QVERIFY(failures.first().first().toString().contains(QStringLiteral("cleardbctl login")));
    QTRY_VERIFY(bar->isVisible());
    // Only one window: errors are inline, never a stack of dialogs.
    const QWidgetList windows = QApplication::topLevelWidgets();
    QCOMPARE(std::count_if(windows.cbegin(), windows.cend(), [](QWidget *w) { return w->isVisible(); }), 1);
}

void TestMainWindow::emptyAccountSaysWhatToDo()
{
    SimProcess empty;
    QVERIFY2(empty.start({QStringLiteral("--apps"), QStringLiteral("0")}), qPrintable(empty.errorString()));
    MainWindow window(&m_network);
    window.open(connectionTo(empty));
    window.show();
    auto *label = child<QLabel>(&window, "appListEmpty");
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("no apps")), 10000);
    QVERIFY(label->isVisible());
    QVERIFY(!child<QLineEdit>(&window, "appFilter")->isEnabled());
}

void TestMainWindow::sandboxBadgeOnlyInSandbox()
{
    MainWindow production(&m_network);
    production.open(connectionTo(m_sim, false));
    production.show();
    QVERIFY(!child<QWidget>(&production, "sandboxBadge")->isVisible());
    QVERIFY(!production.windowTitle().contains(QStringLiteral("Sandbox")));
    QVERIFY(!production.windowIcon().pixmap(32).isNull()); // the compiled-in application icon

    MainWindow sandbox(&m_network);
    sandbox.open(connectionTo(m_sim, true));
    sandbox.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sandbox));
    QVERIFY(child<QWidget>(&sandbox, "sandboxBadge")->isVisible());
    QVERIFY(sandbox.windowTitle().contains(QStringLiteral("Sandbox")));
    QVERIFY(child<QLabel>(&sandbox, "connectionLabel")
                ->text()
                .startsWith(QStringLiteral("Sandbox at 127.0.0.1:")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
