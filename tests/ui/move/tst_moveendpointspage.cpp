// SPDX-License-Identifier: MIT
// The Move wizard's first page: a dedicated cluster's target URL built from its connection details
// (the builder dialog, "Use as the target"), exact whatever characters the password holds, masked.
#include "UiTestHelpers.h"
#include "dburl/DatabaseUrl.h"
#include "dedicated/DedicatedClusterDialog.h"
#include "move/MoveEndpointsPage.h"

#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QtTest>

using namespace UiTest;

class TestMoveEndpointsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builderFillsTheTargetUrl()
    {
        const QString password = QStringLiteral("p@ss:w/rd#%?1");
        MoveEndpointsPage page;
        DatabaseEndpoint source;
        source.host = QStringLiteral("us-cdbr-east.cleardb.net");
        source.port = 3306;
        source.user = QStringLiteral("b1a2c3");
        source.database = QStringLiteral("heroku_abc");
        page.setAddonSource(QStringLiteral("cleardb-shiny-1"), source);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(!page.endpoints()); // premise: no target yet

        QTest::mouseClick(child<QPushButton>(&page, "buildTargetButton"), Qt::LeftButton);
        QPointer<DedicatedClusterDialog> builder = openedDialog<DedicatedClusterDialog>(&page);
        QVERIFY(builder);
        auto *use = child<QPushButton>(builder, "useUrlButton");
        QVERIFY(!use->isEnabled()); // nothing to use before the details are in
        QTest::keyClicks(child<QLineEdit>(builder, "hostEdit"), QStringLiteral("db1.example.com"));
        QTest::keyClicks(child<QLineEdit>(builder, "userEdit"), QStringLiteral("app_user"));
        QTest::keyClicks(child<QLineEdit>(builder, "passwordEdit"), password);
        QTest::keyClicks(child<QLineEdit>(builder, "databaseEdit"), QStringLiteral("app_db"));
        QTRY_VERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QTRY_VERIFY(!builder); // closed and gone

        auto *target = child<QLineEdit>(&page, "targetUrlEdit");
        QCOMPARE(target->echoMode(), QLineEdit::Password);
        const Result<MoveEndpointsPage::Choice> choice = page.endpoints();
        QVERIFY2(choice, qPrintable(choice ? QString() : choice.error().oneLine()));
        QCOMPARE(choice->target.host, QStringLiteral("db1.example.com"));
        QCOMPARE(choice->target.user, QStringLiteral("app_user"));
        QCOMPARE(choice->target.database, QStringLiteral("app_db"));
        QCOMPARE(choice->target.password.reveal(), password);
        QCOMPARE(choice->source.database, QStringLiteral("heroku_abc"));
    }
};

QTEST_MAIN(TestMoveEndpointsPage)
#include "tst_moveendpointspage.moc"
