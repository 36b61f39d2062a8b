// SPDX-License-Identifier: MIT
// The config vars editor against the real heroku-sim, driven like a user: values masked with one
// row revealed at a time (masked again on focus loss and after the timeout), staged changes
// previewed masked and sent in exactly one PATCH, attachment-owned vars read-only, restart confirmed.
#include "AddonTestWindow.h"
#include "SimHttp.h"
#include "SimRequestLog.h"
#include "UiTestHelpers.h"
#include "configvars/ConfigActions.h"
#include "configvars/ConfigVarEditDialog.h"
#include "configvars/ConfigVarTableModel.h"
#include "configvars/ConfigVarsEditor.h"
#include "credentials/SecretRedactor.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/HerokuClient.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/SecretClipboard.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using UiTest::openedDialog;

using namespace AddonTestWindow;

namespace {
const QString IgniteApp = SimProcess::appName(0);   // cleardb:ignite
const QString PostgresApp = SimProcess::appName(1); // Heroku Postgres owns DATABASE_URL
const QString EmptyApp = SimProcess::appName(2);    // no add-ons

QJsonObject configOf(SimProcess &sim, const QString &app)
{
    SimHttp http(sim);
    return http.get(QStringLiteral("/apps/%1/config-vars").arg(app)).json().object();
}

QString cell(ConfigVarTableModel *model, const QString &name, int column = ConfigVarTableModel::ValueColumn)
{
    return model->index(model->rowOf(name), column).data().toString();
}

void click(QWidget *parent, const char *name)
{
    auto *button = child<QPushButton>(parent, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}
} // namespace

class TestConfigVarsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensFromTheWindowWithValuesMasked();
    void revealIsMaskedAgainOnFocusLossAndTimeout();
    void copyMarksTheClipboardSecret();
    void editPreviewSendsExactlyOnePatch();
    void attachmentOwnedVarIsReadOnly();
    void restartAsksFirst();
    void twoReloadsInARowEndLoaded();

private:
    ConfigVarsEditor *openEditor(const QString &app);

    SimProcess m_sim;
    QNetworkAccessManager m_network;
    HerokuClient *m_client = nullptr;
};

void TestConfigVarsEditor::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    m_client = new HerokuClient(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()), this);
    m_client->setToken(m_sim.token());
}

ConfigVarsEditor *TestConfigVarsEditor::openEditor(const QString &app)
{
    auto *editor = new ConfigVarsEditor(m_client, app);
    new QAbstractItemModelTester(editor->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 editor);
    editor->show();
    if (!QTest::qWaitFor([editor] { return child<QPushButton>(editor, "addVarButton")->isEnabled(); }, 10000))
        qWarning("the config vars editor for %s did not finish loading", qPrintable(app));
    return editor;
}

void TestConfigVarsEditor::opensFromTheWindowWithValuesMasked()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    QAction *action = window.configActions()->configVarsAction();
    QVERIFY(action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    // Every config and account action has a shortcut no other action of the window uses (ambiguous ones fire
    // nothing).
    for (QAction *mine : window.configActions()->actions()) {
        QVERIFY(!mine->shortcut().isEmpty());
        int same = 0;
        for (QAction *other : window.findChildren<QAction *>())
            same += other->shortcut() == mine->shortcut() ? 1 : 0;
        QVERIFY2(same == 1, qPrintable(mine->shortcut().toString()));
    }
    action->trigger();
    auto *editor = openedDialog<ConfigVarsEditor>(&window);
    QVERIFY(editor);
    QCOMPARE(editor->app(), IgniteApp);
    new QAbstractItemModelTester(editor->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 editor);
    QTRY_VERIFY_WITH_TIMEOUT(editor->model()->rowOf(QStringLiteral("CLEARDB_DATABASE_URL")) >= 0, 10000);

    const QString url = configOf(m_sim, IgniteApp).value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(url);
    QVERIFY(parsed.ok() && parsed.url.hasPassword());
    // What the user sees: the URL with only the password replaced by the one constant mask.
    QCOMPARE(cell(editor->model(), QStringLiteral("CLEARDB_DATABASE_URL")), parsed.url.redacted());
    QVERIFY(!child<QTableView>(editor, "configVarTable")->grab().isNull());
    QCOMPARE(
        cell(editor->model(), QStringLiteral("CLEARDB_DATABASE_URL"), ConfigVarTableModel::ManagedByColumn),
        window.findChild<QTreeView *>(QStringLiteral("addonTable"))->model()->index(0, 0).data().toString());
}

void TestConfigVarsEditor::revealIsMaskedAgainOnFocusLossAndTimeout()
{
    std::unique_ptr<ConfigVarsEditor> editor(openEditor(IgniteApp));
    ConfigVarTableModel *model = editor->model();
    const QString name = QStringLiteral("CLEARDB_DATABASE_URL");
    const QString url = configOf(m_sim, IgniteApp).value(name).toString();
    auto *table = child<QTableView>(editor.get(), "configVarTable");
    table->setCurrentIndex(model->index(model->rowOf(name), 0));
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());

    click(editor.get(), "revealButton");
    QVERIFY2(cell(model, name) == url, "the revealed row shows the real value");
    QVERIFY(child<QPushButton>(editor.get(), "revealButton")->isChecked());
    // Focus leaving the table masks it again.
    child<QPushButton>(editor.get(), "addVarButton")->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(!cell(model, name).contains(DatabaseUrl::parse(url).url.password()));
    QVERIFY(!child<QPushButton>(editor.get(), "revealButton")->isChecked());

    // …and so does the timeout, with the focus still on the table.
    editor->setRevealTimeout(150);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    click(editor.get(), "revealButton");
    QVERIFY2(cell(model, name) == url, "the revealed row shows the real value");
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, name), DatabaseUrl::parse(url).url.redacted(), 3000);

    // Moving to another row never carries the reveal along.
    click(editor.get(), "revealButton");
    QCOMPARE(model->revealed(), name);
    table->setCurrentIndex(model->index(model->rowOf(name) == 0 ? 1 : 0, 0));
    QVERIFY(model->revealed().isEmpty());
}

void TestConfigVarsEditor::copyMarksTheClipboardSecret()
{
    std::unique_ptr<ConfigVarsEditor> editor(openEditor(IgniteApp));
    const QString name = QStringLiteral("CLEARDB_DATABASE_URL");
    const QString url = configOf(m_sim, IgniteApp).value(name).toString();
    auto *table = child<QTableView>(editor.get(), "configVarTable");
    table->setCurrentIndex(editor->model()->index(editor->model()->rowOf(name), 0));
    SecretClipboard::instance()->setClearDelay(200);
    click(editor.get(), "copyValueButton");
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    QVERIFY2(data->text() == url, "the clipboard holds the real value");
    QCOMPARE(data->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);
}

void TestConfigVarsEditor::editPreviewSendsExactlyOnePatch()
{
    std::unique_ptr<ConfigVarsEditor> editor(openEditor(EmptyApp));
    const QString secret = QStringLiteral("tok-s3cr3t-Value-98765");
    const auto stage = [&](const QString &name, const QString &value) {
        click(editor.get(), "addVarButton");
        auto *dialog = openedDialog<ConfigVarEditDialog>(editor.get());
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(dialog, "varValueEdit")->echoMode(), QLineEdit::Password);
        QTest::keyClicks(child<QLineEdit>(dialog, "varNameEdit"), name);
        QTest::keyClicks(child<QLineEdit>(dialog, "varValueEdit"), value);
        QTest::mouseClick(child<QPushButton>(dialog, "varOkButton"), Qt::LeftButton);
    };
    stage(QStringLiteral("GREETING"), QStringLiteral("hello world"));
    stage(QStringLiteral("FEATURE_TOKEN"), secret);
    // A name Heroku cannot take is refused inline and nothing is staged.
    click(editor.get(), "addVarButton");
    auto *bad = openedDialog<ConfigVarEditDialog>(editor.get());
    QTest::keyClicks(child<QLineEdit>(bad, "varNameEdit"), QStringLiteral("BAD NAME"));
    QTest::mouseClick(child<QPushButton>(bad, "varOkButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(bad, "varError")->isVisible());
    bad->reject();
    QCOMPARE(editor->model()->stagedChanges().size(), 2);
    // Promote reloads the table, so it waits until staged changes are sent or discarded.
    QVERIFY(!child<QPushButton>(editor.get(), "promoteButton")->isEnabled());
    QCOMPARE(cell(editor->model(), QStringLiteral("FEATURE_TOKEN")), SecretRedactor::mask());

    SimRequestLog log(m_sim);
    click(editor.get(), "reviewButton");
    auto *preview = openedDialog<ConfirmationDialog>(editor.get());
    QVERIFY(preview);
    const QString details = child<QLabel>(preview, "confirmationDetails")->text();
    QVERIFY2(details.contains(QStringLiteral("GREETING: (unset) → hello world")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("FEATURE_TOKEN: (unset) → ") + SecretRedactor::mask()),
             qPrintable(details));
    QVERIFY(!details.contains(secret));
    QVERIFY(child<QLabel>(preview, "confirmationText")->text().contains(QStringLiteral("one request")));
    QCOMPARE(log.total(), 0); // nothing is sent before the user confirms
    QTest::mouseClick(child<QPushButton>(preview, "confirmButton"), Qt::LeftButton);

    auto *bar = child<MessageBar>(editor.get(), "configEditorMessageBar");
    QTRY_COMPARE_WITH_TIMEOUT(bar->type(), MessageBar::Positive, 10000);
    QVERIFY(bar->text().contains(QStringLiteral("restarts")));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QJsonObject config = configOf(m_sim, EmptyApp);
    QCOMPARE(config.value(QStringLiteral("GREETING")).toString(), QStringLiteral("hello world"));
    QVERIFY2(config.value(QStringLiteral("FEATURE_TOKEN")).toString() == secret,
             "FEATURE_TOKEN reached the sim");
    QVERIFY(!editor->model()->hasStaged());

    // Unset goes the same way: previewed, one PATCH, gone.
    log.mark();
    auto *table = child<QTableView>(editor.get(), "configVarTable");
    table->setCurrentIndex(editor->model()->index(editor->model()->rowOf(QStringLiteral("GREETING")), 0));
    click(editor.get(), "unsetVarButton");
    click(editor.get(), "reviewButton");
    preview = openedDialog<ConfirmationDialog>(editor.get());
    QVERIFY(child<QLabel>(preview, "confirmationDetails")
                ->text()
                .contains(QStringLiteral("UNSET GREETING (was hello world)")));
    QTest::mouseClick(child<QPushButton>(preview, "confirmButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        !editor->model()->hasStaged() && editor->model()->rowOf(QStringLiteral("GREETING")) < 0, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    config = configOf(m_sim, EmptyApp);
    QVERIFY(!config.contains(QStringLiteral("GREETING")));
    QVERIFY(config.contains(QStringLiteral("FEATURE_TOKEN")));
}

void TestConfigVarsEditor::attachmentOwnedVarIsReadOnly()
{
    std::unique_ptr<ConfigVarsEditor> editor(openEditor(PostgresApp));
    ConfigVarTableModel *model = editor->model();
    const int row = model->rowOf(QStringLiteral("DATABASE_URL"));
    QVERIFY(row >= 0);
    auto *table = child<QTableView>(editor.get(), "configVarTable");
    table->setCurrentIndex(model->index(row, 0));
    QVERIFY(!child<QPushButton>(editor.get(), "editVarButton")->isEnabled());
    QVERIFY(!child<QPushButton>(editor.get(), "unsetVarButton")->isEnabled());
    auto *reason = child<QLabel>(editor.get(), "readOnlyReason");
    QVERIFY(reason->isVisible());
    QVERIFY2(reason->text().contains(QStringLiteral("Heroku Postgres")), qPrintable(reason->text()));
    QVERIFY(reason->text().contains(
        cell(model, QStringLiteral("DATABASE_URL"), ConfigVarTableModel::ManagedByColumn)));
    QCOMPARE(model->index(row, ConfigVarTableModel::ValueColumn).data(Qt::ToolTipRole).toString(),
             reason->text());

    // Keyboard shortcuts and double-clicks cannot get around it either.
    SimRequestLog log(m_sim);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Delete);
    QTest::keyClick(table, Qt::Key_F2);
    QVERIFY(!model->stage(QStringLiteral("DATABASE_URL"), QStringLiteral("mysql://x:y@h/d")));
    QVERIFY(!model->hasStaged());
    QVERIFY(!child<QPushButton>(editor.get(), "reviewButton")->isEnabled());
    QVERIFY(!editor->findChild<ConfigVarEditDialog *>());
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
}

void TestConfigVarsEditor::restartAsksFirst()
{
    std::unique_ptr<ConfigVarsEditor> editor(openEditor(IgniteApp));
    SimRequestLog log(m_sim);
    click(editor.get(), "restartButton");
    QPointer<ConfirmationDialog> ask = openedDialog<ConfirmationDialog>(editor.get());
    QVERIFY(ask);
    QVERIFY(child<QLabel>(ask, "confirmationText")->text().contains(IgniteApp));
    ask->reject();
    QTRY_VERIFY(!ask);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);

    click(editor.get(), "restartButton");
    ask = openedDialog<ConfirmationDialog>(editor.get());
    QTest::mouseClick(child<QPushButton>(ask, "confirmButton"), Qt::LeftButton);
    auto *bar = child<MessageBar>(editor.get(), "configEditorMessageBar");
    QTRY_COMPARE_WITH_TIMEOUT(bar->text(), QStringLiteral("Restarted all dynos of %1.").arg(IgniteApp),
                              10000);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(IgniteApp)), 1);
}

// A reload while the previous one is still on the wire (Promote, then Refresh) must not count the
// old answers as the new ones: the editor ends loaded, its buttons usable, the table filled.
void TestConfigVarsEditor::twoReloadsInARowEndLoaded()
{
    std::unique_ptr<ConfigVarsEditor> editor(openEditor(IgniteApp));
    auto *add = child<QPushButton>(editor.get(), "addVarButton");
    QVERIFY(add->isEnabled());
    // The first reload's config vars answer late, so its answer arrives after the second reload's.
    SimHttp http(m_sim);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"),
                       QStringLiteral("GET /apps/%1/config-vars=slow:800*1").arg(IgniteApp).toUtf8())
                 .status,
             200);
    SimRequestLog log(m_sim);
    editor->reload();
    const QString varsPath = QStringLiteral("/apps/%1/config-vars").arg(IgniteApp);
    // The premise: the first reload's request is on the wire when the second starts.
    QTRY_VERIFY_WITH_TIMEOUT(log.count(QStringLiteral("GET"), varsPath) == 1, 10000);
    editor->reload();
    QTRY_VERIFY_WITH_TIMEOUT(log.count(QStringLiteral("GET"), varsPath) == 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(add->isEnabled(), 10000);
    // Every answer, the first reload's included, has had time to arrive: still loaded.
    QTest::qWait(1200);
    QVERIFY(editor->model()->rowCount() > 1);
    // Moving through the table re-reads the editor's state; a miscounted load disables everything.
    auto *table = child<QAbstractItemView>(editor.get(), "configVarTable");
    table->setCurrentIndex(editor->model()->index(1, 0));
    QVERIFY(add->isEnabled());
}

QTEST_MAIN(TestConfigVarsEditor)
#include "tst_configvarseditor.moc"
