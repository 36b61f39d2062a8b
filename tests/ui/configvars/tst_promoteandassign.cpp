// SPDX-License-Identifier: MIT
// Promote (the guide's step 3) and the dedicated-cluster dialog's "Assign to DATABASE_URL…" from the
// main window against the real heroku-sim: the masked old → new diff the user confirms, exactly one
// PATCH with the exact value, the refusal (and nothing sent) on an app whose DATABASE_URL belongs to
// Heroku Postgres, and the builder's inline validation and hostile-password round trip.
#include "AddonTestWindow.h"
#include "SimHttp.h"
#include "SimRequestLog.h"
#include "UiTestHelpers.h"
#include "addons/ClearDbAddonCard.h"
#include "configvars/ConfigActions.h"
#include "configvars/ConfigAssignmentDialog.h"
#include "dburl/DatabaseUrl.h"
#include "dburl/Framework.h"
#include "dedicated/DedicatedClusterDialog.h"
#include "widgets/SecretClipboard.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using UiTest::openedDialog;

using namespace AddonTestWindow;

namespace {
const QString IgniteApp = SimProcess::appName(0);   // cleardb:ignite
const QString PostgresApp = SimProcess::appName(1); // cleardb:punch + Heroku Postgres on DATABASE_URL
const QString EmptyApp = SimProcess::appName(2);    // no add-ons
const QString HostilePassword = QStringLiteral("p@ss:w/o#r%d?&=+ é[]");

void type(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->clear();
    // QTest types ASCII only; the rest arrives as one insert, as an input method would send it.
    int ascii = 0;
    while (ascii < text.size() && text.at(ascii).unicode() < 0x80)
        ++ascii;
    QTest::keyClicks(edit, text.left(ascii));
    edit->insert(text.mid(ascii));
}
} // namespace

class TestPromoteAndAssign : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void promoteShowsMaskedDiffAndSendsOnePatch();
    void promoteRefusesPostgresOwnedDatabaseUrl();
    void addonCardPromoteUsesTheSameFlow();
    void clusterDialogValidatesInline();
    void clusterAssignSendsTheExactUrl();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestPromoteAndAssign::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

void TestPromoteAndAssign::promoteShowsMaskedDiffAndSendsOnePatch()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    QAction *promote = window.configActions()->promoteAction();
    QTRY_VERIFY(promote->isEnabled());
    const QString url = configVar(m_sim, IgniteApp, QStringLiteral("CLEARDB_DATABASE_URL"));
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(url);
    QVERIFY(parsed.ok() && parsed.url.hasPassword());

    SimRequestLog log(m_sim);
    promote->trigger();
    QPointer<ConfigAssignmentDialog> dialog = openedDialog<ConfigAssignmentDialog>(&window);
    QVERIFY(dialog);
    auto *confirm = child<QPushButton>(dialog, "confirmButton");
    QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), 10000);
    const QString diff = child<QLabel>(dialog, "assignmentDiff")->text();
    QCOMPARE(diff, QStringLiteral("DATABASE_URL: (unset) → %1").arg(parsed.url.redacted()));
    QVERIFY(!diff.contains(parsed.url.password()));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    QVERIFY(!child<QCheckBox>(dialog, "restartCheck")->isChecked());
    QTest::mouseClick(confirm, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.count(QStringLiteral("PATCH"), QStringLiteral("/apps/%1/config-vars").arg(IgniteApp)), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QVERIFY2(configVar(m_sim, IgniteApp, QStringLiteral("DATABASE_URL")) == url,
             "DATABASE_URL is the ClearDB URL");
    auto *bar = child<MessageBar>(&window, "messageBar");
    QCOMPARE(bar->type(), MessageBar::Positive);
    QVERIFY2(bar->text().contains(diff) && bar->text().contains(QStringLiteral("restarts")),
             qPrintable(bar->text()));

    // Once promoted, a second promote says so and has nothing to confirm.
    log.mark();
    promote->trigger();
    dialog = openedDialog<ConfigAssignmentDialog>(&window);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(dialog, "assignmentStatus")->text().contains(QStringLiteral("nothing changed")), 10000);
    QVERIFY(!child<QPushButton>(dialog, "confirmButton")->isEnabled());
    dialog->reject();
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
}

void TestPromoteAndAssign::promoteRefusesPostgresOwnedDatabaseUrl()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, PostgresApp));
    QAction *promote = window.configActions()->promoteAction();
    QTRY_VERIFY(promote->isEnabled());
    const QString before = configVar(m_sim, PostgresApp, QStringLiteral("DATABASE_URL"));
    SimRequestLog log(m_sim);
    promote->trigger();
    auto *dialog = openedDialog<ConfigAssignmentDialog>(&window);
    QVERIFY(dialog);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY2(
        error->text().startsWith(QStringLiteral("DATABASE_URL on %1 belongs to the add-on").arg(PostgresApp)),
        qPrintable(error->text()));
    QVERIFY(error->text().contains(QStringLiteral("Heroku Postgres")));
    QVERIFY(error->text().contains(QStringLiteral("nothing was changed")));
    auto *confirm = child<QPushButton>(dialog, "confirmButton");
    QVERIFY(!confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTest::qWait(200);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    QVERIFY2(configVar(m_sim, PostgresApp, QStringLiteral("DATABASE_URL")) == before,
             "DATABASE_URL untouched");

    // The way out the message offers: promote into another var.
    auto *target = child<QLineEdit>(dialog, "targetVarEdit");
    target->selectAll();
    QTest::keyClicks(target, QStringLiteral("MYSQL_URL"));
    QTest::keyClick(target, Qt::Key_Tab);
    QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), 10000);
    QVERIFY(
        child<QLabel>(dialog, "assignmentDiff")->text().startsWith(QStringLiteral("MYSQL_URL: (unset) → ")));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    dialog->reject();
}

void TestPromoteAndAssign::addonCardPromoteUsesTheSameFlow()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, PostgresApp));
    // Two add-ons: the card follows the ClearDB one selected in the add-on table.
    QString clearDb;
    for (const QJsonValue &addon :
         SimHttp(m_sim).get(QStringLiteral("/apps/%1/addons").arg(PostgresApp)).json().array()) {
        if (addon[QLatin1String("addon_service")][QLatin1String("name")].toString() ==
            QLatin1String("cleardb"))
            clearDb = addon[QLatin1String("name")].toString();
    }
    auto *addons = child<QTreeView>(&window, "addonTable");
    QVERIFY(addonRow(&window, clearDb) >= 0);
    addons->setCurrentIndex(addons->model()->index(addonRow(&window, clearDb), 0));
    auto *card = window.findChild<ClearDbAddonCard *>();
    QVERIFY(card);
    auto *button = card->findChild<QPushButton *>(QStringLiteral("promoteButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled() && button->isVisible(), 10000);
    SimRequestLog log(m_sim);
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = openedDialog<ConfigAssignmentDialog>(&window);
    QVERIFY(dialog);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY(error->text().contains(QStringLiteral("nothing was changed")));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    dialog->reject();
}

void TestPromoteAndAssign::clusterDialogValidatesInline()
{
    DedicatedClusterDialog dialog;
    dialog.show();
    type(&dialog, "hostEdit", QStringLiteral("dedicated-01.cleardb.example"));
    type(&dialog, "userEdit", QStringLiteral("admin"));
    type(&dialog, "databaseEdit", QStringLiteral("heroku_app"));
    type(&dialog, "passwordEdit", HostilePassword);
    QCOMPARE(child<QLineEdit>(&dialog, "passwordEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(!child<QLineEdit>(&dialog, "generatedUrl")->text().isEmpty());

    type(&dialog, "portEdit", QStringLiteral("70000"));
    auto *portMessage = child<QLabel>(&dialog, "portMessage");
    QVERIFY(portMessage->isVisible());
    QVERIFY2(portMessage->text().contains(QStringLiteral("1 to 65535")), qPrintable(portMessage->text()));
    QVERIFY(child<QLineEdit>(&dialog, "generatedUrl")->text().isEmpty());
    QVERIFY(!child<QPushButton>(&dialog, "copyUrlButton")->isEnabled());
    type(&dialog, "portEdit", QStringLiteral("33o6"));
    QVERIFY(portMessage->isVisible());
    type(&dialog, "portEdit", QStringLiteral("3307"));
    QVERIFY(!portMessage->isVisible());

    // A file that is not PEM is a warning beside its field, and does not block the URL.
    QTemporaryDir dir;
    const QString notPem = dir.filePath(QStringLiteral("ca.der"));
    QFile file(notPem);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x30\x82\x01\x0a binary", 12));
    file.close();
    type(&dialog, "caFileEdit", notPem);
    auto *caMessage = child<QLabel>(&dialog, "caFileMessage");
    QVERIFY(caMessage->isVisible());
    QVERIFY2(caMessage->text().contains(QStringLiteral("PEM")), qPrintable(caMessage->text()));
    QVERIFY(!child<QLineEdit>(&dialog, "generatedUrl")->text().isEmpty());
    type(&dialog, "caFileEdit", QString());

    // Reveal toggles the password field, and the URL is shown masked either way.
    QTest::mouseClick(child<QToolButton>(&dialog, "revealPasswordButton"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(&dialog, "passwordEdit")->echoMode(), QLineEdit::Normal);
    const QString shown = child<QLineEdit>(&dialog, "generatedUrl")->text();
    QVERIFY(shown.contains(DatabaseUrl::passwordMask()));
    QVERIFY(!shown.contains(QStringLiteral("p@ss")));
    QTest::mouseClick(child<QToolButton>(&dialog, "revealPasswordButton"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(&dialog, "passwordEdit")->echoMode(), QLineEdit::Password);

    // Copy puts the exact URL on the clipboard, marked secret; parsing it gives the password back.
    SecretClipboard::instance()->setClearDelay(60000);
    QTest::mouseClick(child<QPushButton>(&dialog, "copyUrlButton"), Qt::LeftButton);
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    QCOMPARE(data->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    const DatabaseUrl::ParseResult copied = DatabaseUrl::parse(data->text());
    QVERIFY2(copied.ok(), qPrintable(copied.error.message));
    QVERIFY2(copied.url.password() == HostilePassword, "the password round-trips through the copied URL");
    QCOMPARE(copied.url.port(), 3307);
    QCOMPARE(copied.url.redacted(), shown);

    // One tab per framework; snippets read the password from the environment, never embed it.
    auto *tabs = child<QTabWidget>(&dialog, "snippetTabs");
    QCOMPARE(tabs->count(), Framework::snippetFrameworks().size());
    const QString django = child<QPlainTextEdit>(&dialog, "snippet_django")->toPlainText();
    QVERIFY2(django.contains(QStringLiteral("django.db.backends.mysql")), qPrintable(django));
    for (int i = 0; i < tabs->count(); ++i)
        QVERIFY(
            !qobject_cast<QPlainTextEdit *>(tabs->widget(i))->toPlainText().contains(QStringLiteral("p@ss")));
    // Without an app to write to, Assign is off and says why.
    QVERIFY(!child<QPushButton>(&dialog, "assignButton")->isEnabled());
}

void TestPromoteAndAssign::clusterAssignSendsTheExactUrl()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, EmptyApp));
    window.configActions()->dedicatedClusterAction()->trigger();
    auto *dialog = openedDialog<DedicatedClusterDialog>(&window);
    QVERIFY(dialog);
    type(dialog, "hostEdit", QStringLiteral("dedicated-02.cleardb.example"));
    type(dialog, "userEdit", QStringLiteral("b7e1c0"));
    type(dialog, "passwordEdit", HostilePassword);
    type(dialog, "databaseEdit", QStringLiteral("heroku_cluster"));
    const DatabaseUrl::ParseResult expected = dialog->spec().toUrl();
    QVERIFY(expected.ok());

    SimRequestLog log(m_sim);
    auto *assign = child<QPushButton>(dialog, "assignButton");
    QVERIFY(assign->isEnabled());
    QTest::mouseClick(assign, Qt::LeftButton);
    QPointer<ConfigAssignmentDialog> confirmDialog = openedDialog<ConfigAssignmentDialog>(dialog);
    QVERIFY(confirmDialog);
    auto *confirm = child<QPushButton>(confirmDialog, "confirmButton");
    QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), 10000);
    const QString diff = child<QLabel>(confirmDialog, "assignmentDiff")->text();
    QCOMPARE(diff, QStringLiteral("DATABASE_URL: (unset) → %1").arg(expected.url.redacted()));
    QVERIFY(!diff.contains(QStringLiteral("p@ss")));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    // The explicit restart the checkbox asks for follows the PATCH.
    auto *restart = child<QCheckBox>(confirmDialog, "restartCheck");
    // On the box itself: a checkbox only takes clicks on its indicator and label.
    QTest::mouseClick(restart, Qt::LeftButton, {}, QPoint(8, restart->height() / 2));
    QVERIFY(restart->isChecked());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!confirmDialog, 10000);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(EmptyApp)), 1);

    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    const QString stored = configVar(m_sim, EmptyApp, QStringLiteral("DATABASE_URL"));
    QVERIFY2(stored == expected.url.toString(), "the sim holds exactly the built URL");
    QVERIFY2(DatabaseUrl::parse(stored).url.password() == HostilePassword,
             "the stored URL gives the password back");
    auto *bar = child<MessageBar>(&window, "messageBar");
    QTRY_COMPARE(bar->type(), MessageBar::Positive);
    QVERIFY(bar->text().contains(QStringLiteral("All dynos were restarted")));
    QVERIFY(!bar->text().contains(QStringLiteral("p@ss")));
}

QTEST_MAIN(TestPromoteAndAssign)
#include "tst_promoteandassign.moc"
