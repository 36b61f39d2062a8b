// SPDX-License-Identifier: MIT
// The activity log dock in the main window against the real heroku-sim: every API call shows
// up with its Request-Id, errors in plain words, a row copies for a support ticket, and no
// token ever appears in a cell, a tooltip or the clipboard.
#include "AddonTestWindow.h"
#include "activity/ActivityLogDock.h"
#include "activity/ActivityLogModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTreeView>
#include <QtTest>

using namespace AddonTestWindow;

namespace {
// Long and distinctive, so finding it anywhere would be a real leak, not a coincidence.
const QString Token = QStringLiteral("hrku-0f3e9a7c55d24b1e8a6f-activity-log-token");
const QString WrongToken = QStringLiteral("hrku-expired-9c1d2e3f4a5b6c7d8e9f-wrong");

// Every text a user can see or copy from the log.
QStringList everyText(const ActivityLogModel *model)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row) {
        texts << model->supportText(row);
        for (int column = 0; column < model->columnCount(); ++column) {
            texts << model->index(row, column).data().toString()
                  << model->index(row, column).data(Qt::ToolTipRole).toString();
        }
    }
    return texts;
}

int rowOf(const ActivityLogModel *model, const QString &method, const QString &path)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->record(row).method == method && model->record(row).path.startsWith(path))
            return row;
    }
    return -1;
}
} // namespace

class TestActivityLogDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsEveryCallWithRequestIdAndCopiesARow();
    void errorsInPlainWordsNeverTheToken();

private:
    SimProcess m_sim{Token};
    QNetworkAccessManager m_network;
};

void TestActivityLogDock::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(m_sim.errorString()));
}

void TestActivityLogDock::listsEveryCallWithRequestIdAndCopiesARow()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, SimProcess::appName(0)));
    auto *dock = child<ActivityLogDock>(&window, "activityLogDock");
    QVERIFY(!dock->isVisible());
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QVERIFY(dock->isVisible());

    auto *table = child<QTreeView>(dock, "activityLogTable");
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ActivityLogModel *model = dock->model();
    QVERIFY(table->isVisible());
    QVERIFY(!child<QLabel>(dock, "activityLogEmpty")->isVisible());
    // The start-up calls and the selected app's details, each with the sim's Request-Id.
    const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    for (const QString &path : {QStringLiteral("/account"), QStringLiteral("/apps"),
                                QStringLiteral("/apps/%1/addons").arg(SimProcess::appName(0)),
                                QStringLiteral("/apps/%1/config-vars").arg(SimProcess::appName(0))}) {
        const int row = rowOf(model, QStringLiteral("GET"), path);
        QVERIFY2(row >= 0, qPrintable(path));
        const int status = model->index(row, ActivityLogModel::StatusColumn).data().toInt();
        QVERIFY2(status == 200 || status == 206, qPrintable(path));
        QVERIFY(
            uuid.match(model->index(row, ActivityLogModel::RequestIdColumn).data().toString()).hasMatch());
        QVERIFY(model->index(row, ActivityLogModel::DurationColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral(" ms")));
    }

    // Ctrl+C in the table copies the selected row, Request-Id included, for a ticket.
    const int row = rowOf(model, QStringLiteral("GET"), QStringLiteral("/account"));
    table->setFocus();
    table->selectionModel()->select(model->index(row, 0),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    QTest::keySequence(table, QKeySequence::Copy);
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, model->supportText(row));
    QVERIFY(copied.contains(QStringLiteral("GET /account -> 200")));
    QVERIFY(copied.contains(QStringLiteral("Request-Id: ") + model->record(row).requestId));

    for (const QString &text : everyText(model))
        QVERIFY2(!text.contains(Token) && !text.contains(QStringLiteral("Bearer")), qPrintable(text));
    QVERIFY(!copied.contains(Token));
}

void TestActivityLogDock::errorsInPlainWordsNeverTheToken()
{
    MainWindow window(&m_network);
    ConsoleConnection connection = connectionTo(m_sim);
    connection.token = Secret(WrongToken);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.open(connection);
    window.show();
    QVERIFY(failed.wait(10000));
    auto *dock = child<ActivityLogDock>(&window, "activityLogDock");
    dock->show();
    const ActivityLogModel *model = dock->model();
    // Whichever start-up call the sim refused first (account or apps): 401, in words.
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r)
        row = model->record(r).httpStatus == 401 ? r : -1;
    QVERIFY(row >= 0);
    const QString result = model->index(row, ActivityLogModel::ResultColumn).data().toString();
    QVERIFY2(!result.isEmpty() && !result.contains(QLatin1Char('{')), qPrintable(result)); // words, not JSON
    QVERIFY(!model->record(row).requestId.isEmpty());
    auto *lastError = child<QLabel>(dock, "activityLogLastError");
    QVERIFY(lastError->isVisible());
    QVERIFY(lastError->text().startsWith(QStringLiteral("Last error: ")));
    // Named: a range-for over `everyText(model) << …` would iterate a reference into a dead temporary.
    const QStringList texts = everyText(model) << lastError->text();
    for (const QString &text : texts)
        QVERIFY2(!text.contains(WrongToken) && !text.contains(Token), qPrintable(text));
}

QTEST_MAIN(TestActivityLogDock)
#include "tst_activitylogdock.moc"
