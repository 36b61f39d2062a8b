// SPDX-License-Identifier: MIT
#include "backups/TransferProgressView.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace {
constexpr int BarSteps = 1000;
// A rate drawn from less than this is mostly the client's start-up.
constexpr qint64 MinSampleMs = 1000;

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

TransferProgressView::TransferProgressView(QWidget *parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_detail(new QLabel(this)), m_eta(new QLabel(this))
{
    setObjectName(QStringLiteral("transferProgress"));
    m_bar->setObjectName(QStringLiteral("transferProgressBar"));
    m_bar->setRange(0, BarSteps);
    m_bar->setValue(0);
    m_bar->setTextVisible(true);
    m_detail->setObjectName(QStringLiteral("transferDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_eta->setObjectName(QStringLiteral("transferEta"));
    m_eta->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(m_eta);
}

void TransferProgressView::start()
{
    m_clock.start();
    m_bar->setRange(0, BarSteps);
    m_bar->setValue(0);
    m_detail->setText(tr("Starting…"));
    m_eta->setText(tr("estimating…"));
}

QString TransferProgressView::etaText(qint64 done, qint64 total, qint64 elapsedMs)
{
    // No total, or past it (the estimate was wrong): nothing to draw a line towards.
    if (total <= 0 || done >= total)
        return {};
    if (done <= 0 || elapsedMs < MinSampleMs)
        return tr("estimating…");
    // Clamped as a double first: converting an out-of-range double to an integer is undefined.
    const double seconds = double(total - done) * double(elapsedMs) / double(done) / 1000.0;
    const qint64 left = qint64(qMin(seconds, 1e9) + 0.5);
    if (left < 60)
        return tr("about %1 s left").arg(qMax<qint64>(left, 1));
    if (left >= 24 * 3600)
        return tr("more than a day left");
    return tr("about %1 min left").arg((left + 30) / 60);
}

void TransferProgressView::setProgress(const TransferProgress &progress)
{
    // An estimate the dump has gone past was wrong (information_schema lags behind a fresh load): from
    // then on the total is as unknown as a 0 one.
    const bool known = progress.bytesTotal > 0 && progress.bytesDone < progress.bytesTotal;
    if (known) {
        m_bar->setRange(0, BarSteps);
        // Only finish() fills the bar.
        const double share = double(progress.bytesDone) / double(progress.bytesTotal);
        m_bar->setValue(int(qMin(share, 0.999) * BarSteps));
    } else {
        // Nothing to measure against: a busy bar and the bytes done.
        m_bar->setRange(0, 0);
    }
    QString detail =
        known ? tr("%1 of about %2").arg(dataSize(progress.bytesDone), dataSize(progress.bytesTotal))
              : tr("%1 so far").arg(dataSize(progress.bytesDone));
    if (progress.tablesTotal > 0)
        detail += tr(" · table %1 of %2")
                      .arg(qMin(progress.tablesDone, progress.tablesTotal))
                      .arg(progress.tablesTotal);
    if (!progress.currentTable.isEmpty())
        detail += tr(" · %1").arg(progress.currentTable);
    m_detail->setText(detail);
    const QString eta =
        etaText(progress.bytesDone, progress.bytesTotal, m_clock.isValid() ? m_clock.elapsed() : 0);
    m_eta->setText(eta);
    m_eta->setVisible(!eta.isEmpty());
}

void TransferProgressView::finish()
{
    m_bar->setRange(0, BarSteps);
    m_bar->setValue(BarSteps);
    m_eta->clear();
    m_eta->hide();
}

void TransferProgressView::stop()
{
    if (m_bar->maximum() == 0)
        m_bar->setRange(0, BarSteps);
    m_eta->clear();
    m_eta->hide();
}
