// SPDX-License-Identifier: MIT
// ChildOutputPipe without a database: while paused nothing is read, the pipe fills and the child blocks
// in write() (it cannot exit); resumed, every byte arrives in order and the end of file follows.
#include "transfer/ChildOutputPipe.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

class TestChildOutputPipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pausedPipeBlocksTheChild()
    {
        // 4 MiB of known bytes, far more than a pipe holds (64 KiB on Linux).
        constexpr qint64 Total = 4 * 1024 * 1024;
        QProcess child;
        ChildOutputPipe pipe;
        QByteArray received;
        qint64 largestChunk = 0;
        connect(&pipe, &ChildOutputPipe::received, this, [&](const QByteArray &chunk) {
            received += chunk;
            largestChunk = qMax(largestChunk, qint64(chunk.size()));
        });
        QSignalSpy ended(&pipe, &ChildOutputPipe::ended);
        pipe.setPaused(true);
        QVERIFY(pipe.start(child, QStringLiteral("sh"),
                           {QStringLiteral("-c"),
                            QStringLiteral("head -c %1 /dev/urandom | tee /dev/stderr").arg(Total)})
                    .ok());
        QVERIFY(child.waitForStarted(5000));
        // Paused: nothing arrives and the child stays blocked, although it would finish in milliseconds.
        QTest::qWait(500);
        QCOMPARE(received.size(), 0);
        QCOMPARE(child.state(), QProcess::Running);
        QVERIFY(ended.isEmpty());
        pipe.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 5000);
        QCOMPARE(received.size(), Total);
        QVERIFY(largestChunk <= ChildOutputPipe::ChunkSize);
        // The same bytes, in order: the child also wrote them to stderr, which QProcess read for us.
        QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
                 QCryptographicHash::hash(child.readAllStandardError(), QCryptographicHash::Sha256));
    }
};

QTEST_GUILESS_MAIN(TestChildOutputPipe)
#include "tst_childoutputpipe.moc"
