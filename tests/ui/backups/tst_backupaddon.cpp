// SPDX-License-Identifier: MIT
// Back up… from the main window as a user drives it (the add-on selected, the file dialog filled in,
// the progress dialog watched) against heroku-sim --sandbox-cluster: a gzip backup checked with gunzip,
// cancel in the middle leaving no file, and a wrong password as one line without it.
#include "SandboxAddons.h"
#include "backups/BackupDialog.h"
#include "backups/RestoreDialog.h"
#include "transfer/DumpJob.h"

#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace SandboxAddons;
using UiTest::child;
using UiTest::openedDialog;

class TestBackupAddon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void backupWritesAGzipDumpWithTheTables();
    void cancelInTheMiddleOfABackupLeavesNoFile();
    void wrongPasswordIsOneLineWithoutThePassword();

private:
    World m_world;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
};

void TestBackupAddon::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_world.start());
}

void TestBackupAddon::backupWritesAGzipDumpWithTheTables()
{
    const QString backupPath = m_dir.filePath(QStringLiteral("backup.sql.gz"));
    MainWindow window(&m_network);
    QVERIFY(m_world.selectClearDb(window, SourceApp));
    // Where the other add-on actions are: the App menu, and the add-on table's context menu.
    auto *backup = child<QAction>(&window, "backupAction");
    auto *restore = child<QAction>(&window, "restoreAction");
    auto *table = child<QTreeView>(&window, "addonTable");
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(table->actions().contains(backup) && table->actions().contains(restore));
    QVERIFY(table->actions().contains(child<QAction>(&window, "removeAction")));
    QVERIFY(table->actions().contains(child<QAction>(&window, "showUsageAction")));
    const QList<QAction *> menuActions = child<QMenu>(&window, "appMenu")->actions();
    QVERIFY(menuActions.contains(backup) && menuActions.contains(restore));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QFileDialog *picker = openedDialog<QFileDialog>(&window);
    QVERIFY(picker);
    QCOMPARE(picker->objectName(), QStringLiteral("backupFileDialog"));
    // The suggested name: the app and today's date, gzip.
    QCOMPARE(picker->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->text(),
             QStringLiteral("%1-%2.sql.gz").arg(SourceApp, QDate::currentDate().toString(Qt::ISODate)));
    QVERIFY(chooseFile(window, backupPath));

    QPointer<BackupDialog> dialog = openedDialog<BackupDialog>(&window);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
    auto *result = child<QLabel>(dialog, "transferResult");
    QVERIFY2(result->isVisible(), qPrintable(child<QLabel>(dialog, "dialogError")->text()));
    QVERIFY2(result->text().contains(backupPath) && result->text().contains(QStringLiteral("definer")),
             qPrintable(result->text()));
    auto *bar = child<QProgressBar>(dialog, "transferProgressBar");
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(dialog->job()->definersRemoved() >= 2); // the trigger's and the view's
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(m_world.source.password.reveal()), qPrintable(label->objectName()));

    // A real gzip file, as gunzip reads it, with both tables, their rows and no definer.
    QProcess gunzip;
    gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), backupPath});
    QVERIFY(gunzip.waitForFinished(10000));
    QCOMPARE(gunzip.exitCode(), 0);
    const QByteArray sql = gunzip.readAllStandardOutput();
    QVERIFY(sql.contains("CREATE TABLE `items`"));
    QVERIFY(sql.contains("CREATE TABLE `audit`"));
    QVERIFY(sql.contains("'anvil'"));
    QVERIFY(!sql.contains("DEFINER="));

    // Started and finished in the activity log, without the password.
    const QStringList log = activityLines(window);
    QCOMPARE(log.size(), 2);
    QVERIFY2(log.at(0).contains(QStringLiteral("Backup")) && log.at(0).contains(QStringLiteral("Started")),
             qPrintable(log.at(0)));
    QVERIFY2(log.at(1).contains(QStringLiteral("Backed up to")), qPrintable(log.at(1)));
    QVERIFY(!log.join(QLatin1Char('\n')).contains(m_world.source.password.reveal()));
    QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
}

void TestBackupAddon::cancelInTheMiddleOfABackupLeavesNoFile()
{
    // Enough data that the dump still runs when its first progress report arrives (after 100 ms).
    const TransferTestDb::SqlRun filled = TransferTestDb::sql(
        m_world.source, "CREATE TABLE bulk (id INT PRIMARY KEY, pad VARCHAR(255));"
                        "INSERT INTO bulk SELECT seq, REPEAT(MD5(seq), 7) FROM seq_1_to_200000;");
    QVERIFY2(filled.exitCode == 0, filled.err.constData());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.sql.gz"));

    MainWindow window(&m_network);
    QVERIFY(m_world.selectClearDb(window, SourceApp));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QVERIFY(chooseFile(window, path));
    QPointer<BackupDialog> dialog = openedDialog<BackupDialog>(&window);
    QVERIFY(dialog);
    QSignalSpy progress(dialog->job(), &DumpJob::progress);
    QVERIFY(progress.wait(20000));
    QVERIFY(dialog->isRunning()); // premise: cancelled in the middle, not after the end
    QVERIFY(progress.last().first().value<TransferProgress>().bytesDone > 0);
    auto *cancel = child<QPushButton>(dialog, "cancelTransferButton");
    // While it runs, the way out is Cancel, not a Close that would leave it running unseen.
    QVERIFY(cancel->isVisible());
    QVERIFY(!child<QPushButton>(dialog, "closeButton")->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 10000);
    QVERIFY(dialog); // still open, to say what happened
    auto *error = child<QLabel>(dialog, "dialogError");
    QVERIFY2(error->isVisible() && error->text().contains(QStringLiteral("cancelled")),
             qPrintable(error->text()));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList());
    const QStringList log = activityLines(window);
    QCOMPARE(log.size(), 2);
    QVERIFY2(log.at(1).contains(QStringLiteral("cancelled")), qPrintable(log.at(1)));
    QVERIFY(TransferTestDb::sql(m_world.source, "DROP TABLE bulk;").exitCode == 0);
}

void TestBackupAddon::wrongPasswordIsOneLineWithoutThePassword()
{
    // The database user's password changes on the server (rotated elsewhere): the add-on's URL, which
    // the window loads as always, now holds a wrong one.
    const QString rotated = QStringLiteral("Rotated%1pw").arg(QCoreApplication::applicationPid());
    QVERIFY(SandboxTestEnv::provision(m_world.source.database, m_world.source.user, rotated));
    QVERIFY(TransferTestDb::sql(m_world.source, "SELECT 1;").exitCode != 0); // premise: the URL's login fails
    const QString wrong = m_world.source.password.reveal();
    const QString path = m_dir.filePath(QStringLiteral("wrong.sql"));

    MainWindow window(&m_network);
    QVERIFY(m_world.selectClearDb(window, SourceApp));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QVERIFY(chooseFile(window, path));
    QPointer<BackupDialog> dialog = openedDialog<BackupDialog>(&window);
    QVERIFY(dialog);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && error->isVisible(), 20000);
    QVERIFY(!error->text().contains(QLatin1Char('\n')));
    QVERIFY2(error->text().contains(QStringLiteral("password")), qPrintable(error->text()));
    QVERIFY(!QFile::exists(path));
    const QStringList log = activityLines(window);
    QCOMPARE(log.size(), 2);
    for (const QString &secret : {wrong, rotated}) {
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(secret), qPrintable(label->objectName()));
        QVERIFY(!log.join(QLatin1Char('\n')).contains(secret));
    }
}

QTEST_MAIN(TestBackupAddon)
#include "tst_backupaddon.moc"
