// SPDX-License-Identifier: MIT
// The app list pane and the message bar as a user meets them: filter box,
// empty states that say what to do, selection, inline messages with an action.
#include "apps/AppListView.h"
#include "session/AppListModel.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

namespace {
QList<HerokuApp> manyApps(int count)
{
    QList<HerokuApp> apps;
    for (int i = 0; i < count; ++i) {
        HerokuApp app;
        app.name = QStringLiteral("app-%1").arg(i, 4, 10, QLatin1Char('0'));
        app.region = QStringLiteral("us");
        apps << app;
    }
    return apps;
}
} // namespace

class TestAppListView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsLoadingThenApps();
    void filterNarrowsAndExplainsNoMatch();
    void emptyAccountSaysWhatToDo();
    void selectionSurvivesReload();
    void messageBarShowsActionAndCloses();

private:
    AppListModel *m_model = nullptr;
    AppListView *m_view = nullptr;
    QTreeView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_empty = nullptr;
};

void TestAppListView::init()
{
    m_model = new AppListModel;
    m_view = new AppListView;
    m_view->setModel(m_model);
    m_view->resize(400, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowActive(m_view));
    m_table = m_view->findChild<QTreeView *>(QStringLiteral("appTable"));
    m_filter = m_view->findChild<QLineEdit *>(QStringLiteral("appFilter"));
    m_empty = m_view->findChild<QLabel *>(QStringLiteral("appListEmpty"));
    QVERIFY(m_table && m_filter && m_empty);
    QVERIFY(!m_filter->accessibleName().isEmpty());
    QVERIFY(!m_table->accessibleName().isEmpty());
}

void TestAppListView::cleanup()
{
    delete m_view;
    delete m_model;
}

void TestAppListView::showsLoadingThenApps()
{
    QAbstractItemModelTester tester(m_table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_empty->isVisible());
    QVERIFY(m_empty->text().contains(QStringLiteral("Loading")));
    QVERIFY(!m_filter->isEnabled());
    QSignalSpy painted(m_view, &AppListView::firstAppsPainted);
    m_model->setApps(manyApps(2000));
    QVERIFY(m_table->isVisible());
    QCOMPARE(m_table->model()->rowCount(), 2000);
    QVERIFY(m_filter->isEnabled());
    QVERIFY(painted.wait(5000));
    QCOMPARE(painted.first().first().toInt(), 2000);
    m_model->setApps(manyApps(3));
    QTest::qWait(50);
    QCOMPARE(painted.count(), 1); // reported once per view, not per paint
}

void TestAppListView::filterNarrowsAndExplainsNoMatch()
{
    QAbstractItemModelTester tester(m_table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setApps(manyApps(2000));
    QTest::keyClicks(m_filter, QStringLiteral("APP-00"));
    QCOMPARE(m_table->model()->rowCount(), 100);
    const auto *count = m_view->findChild<QLabel *>(QStringLiteral("appCount"));
    QCOMPARE(count->text(), QStringLiteral("100 of 2000"));
    QTest::keyClicks(m_filter, QStringLiteral("zz"));
    QCOMPARE(m_table->model()->rowCount(), 0);
    QVERIFY(m_empty->isVisible());
    QVERIFY(m_empty->text().contains(QStringLiteral("APP-00zz")));
    QVERIFY(m_empty->text().contains(QStringLiteral("Clear the filter")));
    m_filter->clear();
    QCOMPARE(m_table->model()->rowCount(), 2000);
    QVERIFY(m_table->isVisible());
}

void TestAppListView::emptyAccountSaysWhatToDo()
{
    m_model->setApps({});
    QVERIFY(m_empty->isVisible());
    QVERIFY(m_empty->text().contains(QStringLiteral("no apps")));
    QVERIFY(m_empty->text().contains(QStringLiteral("heroku create")));
    QVERIFY(!m_filter->isEnabled());
}

void TestAppListView::selectionSurvivesReload()
{
    m_model->setApps(manyApps(50));
    QSignalSpy changed(m_view, &AppListView::currentAppChanged);
    const QModelIndex third = m_table->model()->index(2, 0);
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, m_table->visualRect(third).center());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("app-0002"));
    QCOMPARE(m_view->currentApp(), QStringLiteral("app-0002"));

    // A refresh replaces the list; the same app is selected again without a
    // second currentAppChanged (the details would reload for nothing).
    m_model->setApps(manyApps(60));
    QCOMPARE(m_table->selectionModel()->currentIndex().data().toString(), QStringLiteral("app-0002"));
    QCOMPARE(changed.count(), 1);

    QTest::keyClick(m_table, Qt::Key_Down);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().first().toString(), QStringLiteral("app-0003"));

    // Filter, then Enter: the first match is picked and the list has the keyboard.
    QTest::keyClicks(m_filter, QStringLiteral("004"));
    QTest::keyClick(m_filter, Qt::Key_Return);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.last().first().toString(), QStringLiteral("app-0004")); // of app-0004, app-0040…0049
    QVERIFY(m_table->hasFocus());
}

void TestAppListView::messageBarShowsActionAndCloses()
{
    QWidget host;
    auto *bar = new MessageBar(&host);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QVERIFY(!bar->isVisible()); // hidden until there is something to say
    QSignalSpy action(bar, &MessageBar::actionTriggered);

    // API text is data: markup in it must be shown literally, not rendered.
    const QString text = QStringLiteral("Could not load the app list: <b>boom</b>");
    bar->showMessage(text, MessageBar::Error, QStringLiteral("Retry"));
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(), text);
    QCOMPARE(bar->type(), MessageBar::Error);
    QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("messageText"))->textFormat(), Qt::PlainText);
    auto *retry = bar->findChild<QToolButton *>(QStringLiteral("messageAction"));
    auto *close = bar->findChild<QToolButton *>(QStringLiteral("messageClose"));
    QVERIFY(retry->isVisible());
    QCOMPARE(retry->text(), QStringLiteral("Retry"));
    QVERIFY(!close->accessibleName().isEmpty());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(action.count(), 1);
    QVERIFY(!bar->isVisible());

    bar->showMessage(QStringLiteral("The sandbox stopped"), MessageBar::Warning);
    QVERIFY(bar->isVisible());
    QVERIFY(!retry->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QCOMPARE(action.count(), 1); // closing is not the action
}

QTEST_MAIN(TestAppListView)
#include "tst_applistview.moc"
