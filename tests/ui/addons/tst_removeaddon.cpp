// SPDX-License-Identifier: MIT
// Remove ClearDB from the window: the typed confirmation, and a delete whose answer was lost.
#include "AddonTestWindow.h"
#include "SimHttp.h"
#include "SimRequestLog.h"
#include "UiTestHelpers.h"
#include "addons/RemoveAddonDialog.h"
#include "dburl/DatabaseUrl.h"
#include "widgets/MessageBar.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QTreeView>
#include <QtTest>

using namespace AddonTestWindow;
using UiTest::openedDialog;

namespace {
// sandbox-app-0001 has one ClearDB (ignite).
const QString IgniteApp = SimProcess::appName(0);
} // namespace

class TestRemoveAddon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void removeNeedsTheExactAppName();
    void removeWithLostAnswerNeverClaimsFailure();
    void enterOnWrongNameHintsAndStays();
    void databaseUrlHoldingTheUrlIsUnset();
    void databaseUrlHoldingTheUrlIsReassigned();
    void failedWritesLoseNothingAndAreNotResent();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestRemoveAddon::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

void TestRemoveAddon::removeNeedsTheExactAppName()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    const QString addon = child<QTreeView>(&window, "addonTable")->model()->index(0, 0).data().toString();
    const DatabaseUrl real =
        DatabaseUrl::parse(configVar(m_sim, IgniteApp, QStringLiteral("CLEARDB_DATABASE_URL"))).url;

    // Nothing selected: the app's only ClearDB add-on is the target, and it gets selected so the
    // export command can be built from its URL.
    QVERIFY(!child<QTreeView>(&window, "addonTable")->currentIndex().isValid());
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QPointer<RemoveAddonDialog> dialog = openedDialog<RemoveAddonDialog>(&window);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(dialog, "exportCommand")
                                 ->text()
                                 .startsWith(QStringLiteral("mysqldump -h %1").arg(real.host())),
                             10000);
    QCOMPARE(child<QTreeView>(&window, "addonTable")->currentIndex().data().toString(), addon);
    SimRequestLog log(m_sim);
    const QString loss = child<QLabel>(dialog, "removeLossText")->text();
    QVERIFY2(loss.contains(real.database()) && loss.contains(QStringLiteral("cannot be undone")),
             qPrintable(loss));
    // No other config var holds the URL: no warning, no choice, and no PATCH below.
    QVERIFY(!child<QLabel>(dialog, "heldUrlWarning")->isVisible());
    QVERIFY(!child<QComboBox>(dialog, "heldUrlChoice")->isVisible());
    const QString command = child<QLineEdit>(dialog, "exportCommand")->text();
    QVERIFY(command.contains(QStringLiteral("-u %1 -p ").arg(real.user())));
    QVERIFY(!command.contains(real.password()));

    auto *confirm = child<QLineEdit>(dialog, "confirmAppEdit");
    auto *remove = child<QPushButton>(dialog, "removeButton");
    QVERIFY(!remove->isEnabled());
    QTest::keyClicks(confirm, IgniteApp.chopped(1)); // one character short
    QVERIFY(!remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTest::keyClicks(confirm, IgniteApp.right(1).toUpper() + QStringLiteral(" "));
    QVERIFY(!remove->isEnabled());
    QTest::qWait(300);
    QCOMPARE(log.total(), 0); // a wrong name sends nothing at all

    confirm->clear();
    QTest::keyClicks(confirm, IgniteApp);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/addons/%2").arg(IgniteApp, addon)),
             1);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    QVERIFY(!addonNames(m_sim, IgniteApp).contains(addon));
    QTRY_COMPARE_WITH_TIMEOUT(addonRow(&window, addon), -1, 10000);
    QVERIFY(!child<QWidget>(&window, "clearDbAddonCard")->isVisible());
    QVERIFY(!child<QAction>(&window, "removeAction")->isEnabled());
}

void TestRemoveAddon::removeWithLostAnswerNeverClaimsFailure()
{
    // Its own sim: it deletes the add-on, then drops the connection without an answer.
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log"),
                       QStringLiteral("--faults"), QStringLiteral("DELETE /apps/*/addons/*=drop*1")}));
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, sim, IgniteApp));
    const QString addon = child<QTreeView>(&window, "addonTable")->model()->index(0, 0).data().toString();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QPointer<RemoveAddonDialog> dialog = openedDialog<RemoveAddonDialog>(&window);
    QVERIFY(dialog);
    SimRequestLog log(sim);
    QTest::keyClicks(child<QLineEdit>(dialog, "confirmAppEdit"), IgniteApp);
    auto *remove = child<QPushButton>(dialog, "removeButton");
    QTRY_VERIFY(remove->isEnabled()); // once the config vars were checked
    QTest::mouseClick(remove, Qt::LeftButton);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QTest::qWait(300); // a resend behind the user's back would show up by now
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QVERIFY(!addonNames(sim, IgniteApp).contains(addon)); // premise: the delete did happen
    QVERIFY2(error->text().contains(QStringLiteral("may or may not have been removed")),
             qPrintable(error->text()));

    // The user tries again: the add-on is gone (404), which is what they asked for.
    QTRY_VERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 2); // one per click
    QTRY_COMPARE_WITH_TIMEOUT(addonRow(&window, addon), -1, 10000);
}

void TestRemoveAddon::enterOnWrongNameHintsAndStays()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}));
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, sim, IgniteApp));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QPointer<RemoveAddonDialog> dialog = openedDialog<RemoveAddonDialog>(&window);
    QVERIFY(dialog);
    SimRequestLog log(sim);
    auto *confirm = child<QLineEdit>(dialog, "confirmAppEdit");
    auto *hint = child<QLabel>(dialog, "confirmHint");
    QVERIFY(!hint->isVisible()); // nothing typed yet: no scolding
    QTest::keyClicks(confirm, IgniteApp.chopped(1));
    QTest::keyClick(confirm, Qt::Key_Return);
    QTest::qWait(300);
    QVERIFY2(dialog && dialog->isVisible(), "Enter on a wrong name must not close the dialog");
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("Type %1 exactly to confirm.").arg(IgniteApp));
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")) + log.countMethod(QStringLiteral("PATCH")), 0);

    // The right name: the hint goes, and Enter removes.
    QTest::keyClicks(confirm, IgniteApp.right(1));
    QVERIFY(!hint->isVisible());
    QTRY_VERIFY(child<QPushButton>(dialog, "removeButton")->isEnabled()); // the config vars were checked
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
}

namespace {
QJsonObject configVars(const SimProcess &sim, const QString &app)
{
    SimHttp http(sim);
    return http.get(QStringLiteral("/apps/%1/config-vars").arg(app)).json().object();
}

bool setConfigVars(const SimProcess &sim, const QString &app, const QJsonObject &vars)
{
    SimHttp http(sim);
    return http.send("PATCH", QStringLiteral("/apps/%1/config-vars").arg(app),
                     QJsonDocument(vars).toJson(QJsonDocument::Compact),
                     {{"Content-Type", "application/json"}})
               .status == 200;
}

// Opens Remove on IgniteApp whose DATABASE_URL holds the ClearDB URL (another query string, as
// a hand-copied URL often has) and OTHER_DB_URL another MySQL database; returns the dialog once
// the warning shows.
RemoveAddonDialog *openWithHeldUrl(MainWindow &window, SimProcess &sim, QString *clearDbUrl)
{
    *clearDbUrl = configVar(sim, IgniteApp, QStringLiteral("CLEARDB_DATABASE_URL"));
    QString held = *clearDbUrl;
    held = held.left(held.indexOf(QLatin1Char('?'))) + QStringLiteral("?ssl-mode=REQUIRED");
    if (!setConfigVars(sim, IgniteApp,
                       {{QStringLiteral("DATABASE_URL"), held},
                        {QStringLiteral("OTHER_DB_URL"),
                         QStringLiteral("mysql://other:Other-Secret-55@db.example.net/otherdb")}}))
        return nullptr;
    if (!openOnApp(window, sim, IgniteApp))
        return nullptr;
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    auto *dialog = openedDialog<RemoveAddonDialog>(&window);
    if (!dialog)
        return nullptr;
    auto *warning = dialog->findChild<QLabel *>(QStringLiteral("heldUrlWarning"));
    if (!warning || !QTest::qWaitFor([&] { return warning->isVisible(); }, 10000))
        return nullptr;
    return dialog;
}

// No label, combo entry or line edit of `dialog` shows `secret`.
bool showsSecret(QWidget *dialog, const QString &secret)
{
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        if (label->text().contains(secret))
            return true;
    for (const QLineEdit *edit : dialog->findChildren<QLineEdit *>())
        if (edit->text().contains(secret))
            return true;
    for (const QComboBox *combo : dialog->findChildren<QComboBox *>())
        for (int i = 0; i < combo->count(); ++i)
            if (combo->itemText(i).contains(secret))
                return true;
    return false;
}
} // namespace

void TestRemoveAddon::databaseUrlHoldingTheUrlIsUnset()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}));
    MainWindow window(&m_network);
    QString clearDbUrl;
    QPointer<RemoveAddonDialog> dialog = openWithHeldUrl(window, sim, &clearDbUrl);
    QVERIFY2(dialog, "the dialog warns that DATABASE_URL holds the URL");
    const QString password = DatabaseUrl::parse(clearDbUrl).url.password();
    QVERIFY(!password.isEmpty());
    const QString warning = child<QLabel>(dialog, "heldUrlWarning")->text();
    QVERIFY2(warning.contains(QStringLiteral("DATABASE_URL")) &&
                 !warning.contains(QStringLiteral("OTHER_DB_URL")),
             qPrintable(warning));
    auto *choice = child<QComboBox>(dialog, "heldUrlChoice");
    QVERIFY(choice->isVisible());
    QCOMPARE(choice->currentText(), QStringLiteral("Unset DATABASE_URL"));
    QVERIFY(!showsSecret(dialog, password));
    QVERIFY(!showsSecret(dialog, QStringLiteral("Other-Secret-55")));

    const QJsonObject before = configVars(sim, IgniteApp);
    SimRequestLog log(sim);
    QTest::keyClicks(child<QLineEdit>(dialog, "confirmAppEdit"), IgniteApp);
    QTest::mouseClick(child<QPushButton>(dialog, "removeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QTest::qWait(300);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    // The config change goes first: a failed DELETE after it loses nothing.
    const QStringList lines = log.lines();
    int patchAt = -1, deleteAt = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(QStringLiteral("PATCH ")))
            patchAt = i;
        if (lines.at(i).startsWith(QStringLiteral("DELETE ")))
            deleteAt = i;
    }
    QVERIFY2(patchAt >= 0 && patchAt < deleteAt, qPrintable(lines.join(QLatin1Char('\n'))));
    // What the PATCH carried: DATABASE_URL unset, nothing else touched.
    QJsonObject expected = before;
    expected.remove(QStringLiteral("DATABASE_URL"));
    expected.remove(QStringLiteral("CLEARDB_DATABASE_URL")); // the DELETE takes the add-on's own var
    QCOMPARE(configVars(sim, IgniteApp), expected);
    auto *bar = child<MessageBar>(&window, "messageBar");
    QTRY_VERIFY(bar->text().contains(QStringLiteral("DATABASE_URL was unset")));
    QVERIFY(!bar->text().contains(password));
}

void TestRemoveAddon::databaseUrlHoldingTheUrlIsReassigned()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}));
    MainWindow window(&m_network);
    QString clearDbUrl;
    QPointer<RemoveAddonDialog> dialog = openWithHeldUrl(window, sim, &clearDbUrl);
    QVERIFY(dialog);
    auto *choice = child<QComboBox>(dialog, "heldUrlChoice");
    const int reassign = choice->findText(QStringLiteral("Reassign DATABASE_URL to OTHER_DB_URL's database"));
    QVERIFY2(reassign >= 0, qPrintable(choice->itemText(1)));
    QVERIFY(choice->findText(QStringLiteral("Keep DATABASE_URL as it is")) >= 0);
    choice->setCurrentIndex(reassign);

    const QJsonObject before = configVars(sim, IgniteApp);
    SimRequestLog log(sim);
    QTest::keyClicks(child<QLineEdit>(dialog, "confirmAppEdit"), IgniteApp);
    QTest::mouseClick(child<QPushButton>(dialog, "removeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QTest::qWait(300);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QJsonObject expected = before;
    expected.insert(QStringLiteral("DATABASE_URL"), before.value(QStringLiteral("OTHER_DB_URL")));
    expected.remove(QStringLiteral("CLEARDB_DATABASE_URL"));
    QCOMPARE(configVars(sim, IgniteApp), expected);
    auto *bar = child<MessageBar>(&window, "messageBar");
    QTRY_VERIFY(bar->text().contains(QStringLiteral("DATABASE_URL now holds OTHER_DB_URL's URL")));
    QVERIFY(!bar->text().contains(QStringLiteral("Other-Secret-55")));
}

void TestRemoveAddon::failedWritesLoseNothingAndAreNotResent()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}));
    MainWindow window(&m_network);
    QString clearDbUrl;
    QPointer<RemoveAddonDialog> dialog = openWithHeldUrl(window, sim, &clearDbUrl);
    QVERIFY(dialog);
    const QString addon = child<QTreeView>(&window, "addonTable")->model()->index(0, 0).data().toString();
    // After the setup's own PATCH: the first PATCH and the first DELETE from the dialog fail.
    SimHttp http(sim);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"),
                       QByteArray("PATCH /apps/*/config-vars=500*1;DELETE /apps/*/addons/*=500*1"))
                 .status,
             200);
    SimRequestLog log(sim);
    QTest::keyClicks(child<QLineEdit>(dialog, "confirmAppEdit"), IgniteApp);
    auto *remove = child<QPushButton>(dialog, "removeButton");
    auto *error = child<QLabel>(dialog, "dialogError");

    // The PATCH fails: nothing is deleted, and nothing is resent behind the user's back.
    QTRY_VERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QTest::qWait(300);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QVERIFY2(error->text().contains(QStringLiteral("nothing was removed")), qPrintable(error->text()));
    QVERIFY(addonNames(sim, IgniteApp).contains(addon));
    QVERIFY(!configVar(sim, IgniteApp, QStringLiteral("DATABASE_URL")).isEmpty());

    // The user tries again: the PATCH works, the DELETE fails; the database is still there.
    QTRY_VERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(log.countMethod(QStringLiteral("DELETE")) == 1 && remove->isEnabled(), 10000);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 2);
    QVERIFY(addonNames(sim, IgniteApp).contains(addon));
    QVERIFY(configVar(sim, IgniteApp, QStringLiteral("DATABASE_URL")).isEmpty());
    // A 500 on a write may hide a change that happened: "may or may not", and what did happen.
    QVERIFY2(error->text().contains(QStringLiteral("may or may not have been removed")) &&
                 error->text().contains(QStringLiteral("DATABASE_URL was unset.")),
             qPrintable(error->text()));

    // And again: only the DELETE is sent, the config change is done.
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 2);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 2);
    QVERIFY(!addonNames(sim, IgniteApp).contains(addon));
}

QTEST_MAIN(TestRemoveAddon)
#include "tst_removeaddon.moc"
