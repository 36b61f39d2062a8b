// SPDX-License-Identifier: MIT
#pragma once

#include "transfer/TransferProgress.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;

// The progress part of the backup and restore dialogs: a bar, a line saying where the job stands
// (bytes, tables, the current table) and the time left.
//
//     view->start();                                   // when the job starts: the ETA's clock
//     connect(job, &DumpJob::progress, view, &TransferProgressView::setProgress);
//     view->finish();                                  // full bar, no ETA
//
// A dump's total is information_schema's estimate, which may be 0 (a fresh load reads 0 until
// ANALYZE TABLE) or fall short of the SQL text: with no total, or once the bytes done pass it, the bar
// is indeterminate and shows the bytes done, without an ETA. A restore's total is the file's size,
// exact. The ETA is a straight line through the rate so far, shown only once there is a second of
// data to draw it from ("estimating…" before). Only finish() fills the bar.
class TransferProgressView : public QWidget
{
    Q_OBJECT
public:
    explicit TransferProgressView(QWidget *parent = nullptr);

    void start();
    void setProgress(const TransferProgress &progress);
    void finish();
    // Stops the bar where it is (cancel, failure) and clears the ETA.
    void stop();

    // "about 2 min left", "estimating…", or empty when nothing can be estimated (no total, or past it).
    static QString etaText(qint64 done, qint64 total, qint64 elapsedMs);

private:
    QProgressBar *m_bar;
    QLabel *m_detail;
    QLabel *m_eta;
    QElapsedTimer m_clock;
};
