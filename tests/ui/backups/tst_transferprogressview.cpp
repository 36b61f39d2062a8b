// SPDX-License-Identifier: MIT
// The backup and restore dialogs' progress: the ETA's words, an indeterminate bar when the dump's
// estimate is unknown, and a bar that never claims done before the job says so.
#include "UiTestHelpers.h"
#include "backups/TransferProgressView.h"

#include <QLabel>
#include <QProgressBar>
#include <QtTest>

#include <limits>

using UiTest::child;

class TestTransferProgressView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void etaText_data();
    void etaText();
    void unknownTotalIsIndeterminateWithBytesDone();
    void knownTotalFillsAndHoldsBelowFullUntilFinished();
};

void TestTransferProgressView::etaText_data()
{
    QTest::addColumn<qint64>("done");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no total") << qint64(100) << qint64(0) << qint64(5000) << QString();
    QTest::newRow("nothing done yet")
        << qint64(0) << qint64(1000) << qint64(5000) << QStringLiteral("estimating…");
    QTest::newRow("too early") << qint64(500) << qint64(1000) << qint64(400) << QStringLiteral("estimating…");
    QTest::newRow("half in 10 s") << qint64(500) << qint64(1000) << qint64(10000)
                                  << QStringLiteral("about 10 s left");
    QTest::newRow("a tenth in 30 s") << qint64(100) << qint64(1000) << qint64(30000)
                                     << QStringLiteral("about 5 min left");
    QTest::newRow("nearly done") << qint64(999) << qint64(1000) << qint64(2000)
                                 << QStringLiteral("about 1 s left");
    // Past the estimate: it was wrong, so there is nothing to draw an ETA from.
    QTest::newRow("past the estimate") << qint64(1500) << qint64(1000) << qint64(2000) << QString();
    QTest::newRow("past it early") << qint64(1500) << qint64(1000) << qint64(100) << QString();
    // No integer overflow however far apart the numbers are (UBSan checks the conversions).
    QTest::newRow("a byte in a long time")
        << qint64(1) << std::numeric_limits<qint64>::max() << std::numeric_limits<qint64>::max() / 2
        << QStringLiteral("more than a day left");
}

void TestTransferProgressView::etaText()
{
    QFETCH(qint64, done);
    QFETCH(qint64, total);
    QFETCH(qint64, elapsedMs);
    QFETCH(QString, expected);
    QCOMPARE(TransferProgressView::etaText(done, total, elapsedMs), expected);
}

void TestTransferProgressView::unknownTotalIsIndeterminateWithBytesDone()
{
    TransferProgressView view;
    view.start();
    TransferProgress progress;
    progress.bytesDone = 3 * 1024 * 1024;
    progress.tablesDone = 1;
    progress.tablesTotal = 4;
    progress.currentTable = QStringLiteral("orders");
    view.setProgress(progress);
    auto *bar = child<QProgressBar>(&view, "transferProgressBar");
    QCOMPARE(bar->maximum(), 0); // a busy bar
    const QString detail = child<QLabel>(&view, "transferDetail")->text();
    QVERIFY2(detail.contains(QStringLiteral("3.0 MB so far")) &&
                 detail.contains(QStringLiteral("table 1 of 4")) && detail.contains(QStringLiteral("orders")),
             qPrintable(detail));
    QVERIFY(child<QLabel>(&view, "transferEta")->text().isEmpty());
    view.finish();
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->maximum() > 0);
}

void TestTransferProgressView::knownTotalFillsAndHoldsBelowFullUntilFinished()
{
    TransferProgressView view;
    view.start();
    auto *bar = child<QProgressBar>(&view, "transferProgressBar");
    auto *detail = child<QLabel>(&view, "transferDetail");
    QCOMPARE(child<QLabel>(&view, "transferEta")->text(), QStringLiteral("estimating…"));
    TransferProgress progress;
    progress.bytesTotal = 1000;
    progress.bytesDone = 250;
    view.setProgress(progress);
    QCOMPARE(bar->value(), bar->maximum() / 4);
    QVERIFY2(detail->text().startsWith(QStringLiteral("250 bytes of about")), qPrintable(detail->text()));
    progress.bytesDone = 999;
    view.setProgress(progress);
    QVERIFY(bar->value() < bar->maximum()); // only finish() fills it
    // The estimate fell short (a fresh load reads small in information_schema): from then on the
    // total is unknown, shown as a busy bar with the bytes done, not "5 kB of about 1 kB".
    progress.bytesDone = 5000;
    view.setProgress(progress);
    QCOMPARE(bar->maximum(), 0);
    QVERIFY2(detail->text().endsWith(QStringLiteral("so far")), qPrintable(detail->text()));
    QVERIFY(child<QLabel>(&view, "transferEta")->text().isEmpty());
    progress.bytesDone = std::numeric_limits<qint64>::max(); // no overflow however far past
    view.setProgress(progress);
    QCOMPARE(bar->maximum(), 0);
    view.finish();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(child<QLabel>(&view, "transferEta")->text().isEmpty());
}

QTEST_MAIN(TestTransferProgressView)
#include "tst_transferprogressview.moc"
