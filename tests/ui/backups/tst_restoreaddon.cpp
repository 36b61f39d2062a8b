// SPDX-License-Identifier: MIT
// Restore… from the main window as a user drives it against heroku-sim --sandbox-cluster: a backup of
// one add-on (made with DumpJob, the engine Back up… runs) loads into another, empty add-on; into a
// database that is not empty it is refused, untouched, until the app's name is typed, then replaces it.
#include "SandboxAddons.h"
#include "backups/BackupDialog.h"
#include "backups/RestoreDialog.h"
#include "transfer/DumpJob.h"
#include "transfer/RestoreJob.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace SandboxAddons;
using UiTest::child;
using UiTest::openedDialog;

class TestRestoreAddon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void restoreLoadsAnEmptyAddon();
    void restoreIntoNonEmptyIsRefusedThenReplacedAfterTypedName();
    void cancelInTheMiddleSaysPartlyLoadedAndReplaceCompletesIt();
    void dumpTooBigForThePlanIsStoppedBeforeLoading();

private:
    World m_world;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    QString m_backup;
};

void TestRestoreAddon::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_world.start());
    m_backup = m_dir.filePath(QStringLiteral("backup.sql.gz"));
    DumpJob dump(m_world.source, m_backup);
    QVERIFY(TransferTestDb::runToEnd(dump));
    QVERIFY2(dump.status().ok(),
             qPrintable(dump.status().ok() ? QString() : dump.status().error().oneLine()));
}

void TestRestoreAddon::restoreLoadsAnEmptyAddon()
{
    QVERIFY(QFile::exists(m_backup));
    MainWindow window(&m_network);
    QVERIFY(m_world.selectClearDb(window, TargetApp));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QFileDialog *picker = chooseFile(window, m_backup);
    QVERIFY(picker);
    QCOMPARE(picker->objectName(), QStringLiteral("restoreFileDialog"));
    QPointer<RestoreDialog> dialog = openedDialog<RestoreDialog>(&window);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
    auto *result = child<QLabel>(dialog, "transferResult");
    QVERIFY2(result->isVisible(), qPrintable(child<QLabel>(dialog, "dialogError")->text()));
    QVERIFY(!child<QWidget>(dialog, "replaceButton")->isVisible());
    auto *bar = child<QProgressBar>(dialog, "transferProgressBar");
    QCOMPARE(bar->value(), bar->maximum());

    QCOMPARE(TransferTestDb::rows(m_world.target, ItemsQuery),
             TransferTestDb::rows(m_world.source, ItemsQuery));
    // The trigger came along and works as the target's own user.
    QVERIFY(TransferTestDb::sql(m_world.target, "INSERT INTO items (name) VALUES ('t');").exitCode == 0);
    QCOMPARE(TransferTestDb::rows(m_world.target, "SELECT COUNT(*) FROM audit;").value(0).value(0),
             QByteArray("1"));
    QVERIFY(TransferTestDb::sql(m_world.target, "DELETE FROM items WHERE name = 't'; DELETE FROM audit;")
                .exitCode == 0);
    const QStringList log = activityLines(window);
    QCOMPARE(log.size(), 2);
    QVERIFY2(log.at(1).contains(QStringLiteral("Restored")), qPrintable(log.at(1)));
}

void TestRestoreAddon::restoreIntoNonEmptyIsRefusedThenReplacedAfterTypedName()
{
    // The target now differs from the backup: one more row, which only a replace removes.
    QVERIFY(TransferTestDb::sql(m_world.target, "INSERT INTO items (name, price) VALUES ('extra', 1);")
                .exitCode == 0);
    const QList<QByteArrayList> before = TransferTestDb::rows(m_world.target, ItemsQuery);
    QCOMPARE(before.size(), 4);

    MainWindow window(&m_network);
    QVERIFY(m_world.selectClearDb(window, TargetApp));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(chooseFile(window, m_backup));
    QPointer<RestoreDialog> dialog = openedDialog<RestoreDialog>(&window);
    QVERIFY(dialog);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && error->isVisible(), 20000);
    QVERIFY2(error->text().contains(QStringLiteral("not empty")), qPrintable(error->text()));
    QCOMPARE(TransferTestDb::rows(m_world.target, ItemsQuery), before); // untouched
    // Nothing was loaded: the reason shows, not a progress bar at 0 % saying "Starting…".
    QVERIFY(!child<QWidget>(dialog, "transferProgress")->isVisible());

    auto *replace = child<QPushButton>(dialog, "replaceButton");
    auto *confirm = child<QLineEdit>(dialog, "confirmAppEdit");
    QVERIFY(replace->isVisible());
    QVERIFY(replace->text().contains(m_world.target.database));
    QVERIFY(!replace->isEnabled());
    QTest::keyClicks(confirm, TargetApp.chopped(1));
    QVERIFY(!replace->isEnabled());
    QTest::keyClick(confirm, Qt::Key_Return); // a wrong name and Enter start nothing, close nothing
    QVERIFY(dialog);
    QTest::mouseClick(replace, Qt::LeftButton);
    QVERIFY(!dialog->isRunning());
    QTest::qWait(300);
    QCOMPARE(TransferTestDb::rows(m_world.target, ItemsQuery), before);

    QTest::keyClicks(confirm, TargetApp.right(1));
    QVERIFY(replace->isEnabled());
    QSignalSpy loading(dialog, &RestoreDialog::loadStarted);
    QTest::mouseClick(replace, Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QVERIFY(child<QLabel>(dialog, "preflightStatus")->isVisible()); // the target is checked first
    QVERIFY(loading.wait(20000));
    QVERIFY(child<QWidget>(dialog, "transferProgress")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
    QVERIFY2(child<QLabel>(dialog, "transferResult")->isVisible(), qPrintable(error->text()));
    QCOMPARE(TransferTestDb::rows(m_world.target, ItemsQuery),
             TransferTestDb::rows(m_world.source, ItemsQuery));

    const QStringList log = activityLines(window);
    QCOMPARE(log.size(), 3); // refused by the pre-flight; replaced: started, restored
    QVERIFY2(log.at(0).contains(QStringLiteral("not empty")) &&
                 log.at(0).contains(QStringLiteral("Nothing was restored")),
             qPrintable(log.at(0)));
    QVERIFY2(log.at(1).contains(QStringLiteral("replacing")), qPrintable(log.at(1)));
    QVERIFY2(log.at(2).contains(QStringLiteral("Restored")), qPrintable(log.at(2)));
    QVERIFY(!log.join(QLatin1Char('\n')).contains(m_world.target.password.reveal()));
}

void TestRestoreAddon::cancelInTheMiddleSaysPartlyLoadedAndReplaceCompletesIt()
{
    // A stock-looking dump big enough that loading it still runs at its first progress report.
    const QString big = m_dir.filePath(QStringLiteral("big.sql"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("DROP TABLE IF EXISTS `bulk`;\nCREATE TABLE `bulk` (`id` int NOT NULL, `pad` varchar(255), "
               "PRIMARY KEY (`id`));\n");
    const QByteArray pad = QByteArray(200, 'x');
    int id = 0;
    for (int statement = 0; statement < 25; ++statement) {
        QByteArray insert = "INSERT INTO `bulk` VALUES ";
        for (int row = 0; row < 1000; ++row)
            insert += (row ? ",(" : "(") + QByteArray::number(++id) + ",'" + pad + "')";
        file.write(insert + ";\n");
    }
    file.close();

    MainWindow window(&m_network);
    QVERIFY(m_world.selectClearDb(window, TargetApp));
    // Empty it first (the earlier tests filled it), so this run is a plain restore.
    QVERIFY(TransferTestDb::sql(m_world.target, "DROP VIEW cheap; DROP TABLE items, audit;").exitCode == 0);
    QVERIFY(TransferTestDb::rows(m_world.target, "SHOW TABLES;").isEmpty());
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(chooseFile(window, big));
    QPointer<RestoreDialog> dialog = openedDialog<RestoreDialog>(&window);
    QVERIFY(dialog);
    QSignalSpy loading(dialog, &RestoreDialog::loadStarted); // after the pre-flight
    QVERIFY(loading.wait(20000));
    QSignalSpy progress(dialog->job(), &RestoreJob::progress);
    QVERIFY(progress.wait(20000));
    const TransferProgress first = progress.last().first().value<TransferProgress>();
    QVERIFY(first.bytesDone > 0 && first.bytesTotal == file.size()); // exact: the file's bytes
    // An ETA (or "estimating…") while the file is still being read; the client may run up to about a
    // megabyte ahead of the server, so a fast server can leave nothing to estimate at the first report.
    if (first.bytesDone < first.bytesTotal)
        QVERIFY(!child<QLabel>(dialog, "transferEta")->text().isEmpty());
    QTest::mouseClick(child<QPushButton>(dialog, "cancelTransferButton"), Qt::LeftButton);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 10000);
    // Premise: stopped in the middle (a load that had finished would report success).
    QVERIFY2(error->isVisible() && error->text().contains(QStringLiteral("cancelled")),
             qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("partly loaded")) &&
                 error->text().contains(QStringLiteral("replace")),
             qPrintable(error->text()));
    QVERIFY(!error->text().contains(m_world.target.password.reveal()));
    const QList<QByteArrayList> partial = TransferTestDb::rows(m_world.target, "SELECT COUNT(*) FROM bulk;");
    QVERIFY(partial.value(0).value(0).toInt() < id);

    // The way on is offered right there: replace, after the typed name, completes it.
    auto *replace = child<QPushButton>(dialog, "replaceButton");
    QVERIFY(replace->isVisible());
    QVERIFY(!replace->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "confirmAppEdit"), TargetApp);
    QTest::mouseClick(replace, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
    QVERIFY2(child<QLabel>(dialog, "transferResult")->isVisible(), qPrintable(error->text()));
    QCOMPARE(TransferTestDb::rows(m_world.target, "SELECT COUNT(*), MAX(id) FROM bulk;").value(0),
             (QByteArrayList{QByteArray::number(id), QByteArray::number(id)}));
    const QStringList log = activityLines(window);
    QCOMPARE(log.size(), 4); // started, cancelled, started replacing, restored
    QVERIFY2(log.at(1).contains(QStringLiteral("cancelled")), qPrintable(log.at(1)));
}

// The source app's add-on is ignite (5 MB): a dump of about 6 MB of SQL is stopped by the pre-flight,
// with the plan's quota named, before anything reaches the database.
void TestRestoreAddon::dumpTooBigForThePlanIsStoppedBeforeLoading()
{
    const QString big = m_dir.filePath(QStringLiteral("too-big.sql"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("CREATE TABLE too_big (id INT PRIMARY KEY, pad TEXT);\n");
    const QByteArray pad(1000, 'x');
    for (int id = 1; id <= 6000; ++id)
        file.write("INSERT INTO too_big VALUES (" + QByteArray::number(id) + ", '" + pad + "');\n");
    file.close();
    const QList<QByteArrayList> before = TransferTestDb::rows(m_world.source, "SHOW TABLES;");

    MainWindow window(&m_network);
    QVERIFY(m_world.selectClearDb(window, SourceApp));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(chooseFile(window, big));
    QPointer<RestoreDialog> dialog = openedDialog<RestoreDialog>(&window);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
    auto *error = child<QLabel>(dialog, "dialogError");
    QVERIFY2(error->isVisible() && error->text().contains(QStringLiteral("quota of 5.0 MB")) &&
                 error->text().contains(QStringLiteral("Nothing was restored")),
             qPrintable(error->text()));
    QVERIFY(!child<QWidget>(dialog, "transferProgress")->isVisible());
    QCOMPARE(TransferTestDb::rows(m_world.source, "SHOW TABLES;"), before); // untouched
    QVERIFY(activityLines(window).join(QLatin1Char('\n')).contains(QStringLiteral("will not fit")));
}

QTEST_MAIN(TestRestoreAddon)
#include "tst_restoreaddon.moc"
