// SPDX-License-Identifier: MIT
// FleetProber's bounds, measured where they matter, at the server: a listener that accepts and never
// greets holds every connection until the read's timeout, so the number open at once is the number
// of reads under way. Distinct URLs (database names) on one port; rows sharing a URL share one read.
#include "fleet/FleetProber.h"
#include "probe/SqlWorkerThread.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

class TestFleetProber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void neverMoreThanTheBoundAndOnePerDatabase()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QPointer<QTcpSocket>> sockets;
        int accepted = 0;
        int peakOpen = 0;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection()) {
                ++accepted;
                sockets << socket;
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
            // Counted a moment later, once any close from the wave before has been seen.
            QTimer::singleShot(300, this, [&] {
                int open = 0;
                for (const QPointer<QTcpSocket> &s : std::as_const(sockets))
                    open += s && s->state() == QAbstractSocket::ConnectedState;
                peakOpen = qMax(peakOpen, open);
            });
        });

        FleetProber prober;
        prober.setConcurrency(3);
        prober.setTimeoutMs(1000);
        QSignalSpy finished(&prober, &FleetProber::readingFinished);
        const int databases = 7;
        int row = 0;
        for (int i = 0; i < databases; ++i) {
            const Secret url(
                QStringLiteral("mysql://u:p@127.0.0.1:%1/heroku_db%2").arg(silent.serverPort()).arg(i));
            prober.add(row++, url);
            if (i < 2)
                prober.add(row++, url); // a second add-on on the same database
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), databases, 60000);
        QVERIFY(prober.isIdle());
        QCOMPARE(accepted, databases); // one connection per database, shared rows included
        QCOMPARE(prober.peakRunning(), 3);
        QVERIFY2(peakOpen <= 3 && peakOpen >= 2, qPrintable(QString::number(peakOpen)));
        int rows = 0;
        for (const QList<QVariant> &signal : std::as_const(finished)) {
            rows += signal.at(0).value<QList<int>>().size();
            const UsageReading reading = signal.at(1).value<UsageReading>();
            QVERIFY(!reading.ok());
        }
        QCOMPARE(rows, row);

        // A row joining a database already read is told at once, without another connection.
        prober.add(row,
                   Secret(QStringLiteral("mysql://u:p@127.0.0.1:%1/heroku_db0").arg(silent.serverPort())));
        QTRY_COMPARE(finished.size(), databases + 1);
        QCOMPARE(finished.last().at(0).value<QList<int>>(), QList<int>{row});
        QCOMPARE(accepted, databases);
    }

    void aBadUrlIsAnswerNotAConnection()
    {
        FleetProber prober;
        QSignalSpy finished(&prober, &FleetProber::readingFinished);
        prober.add(0, Secret(QStringLiteral("not a url")));
        QVERIFY(finished.isEmpty()); // asynchronous
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<UsageReading>().error.kind, ProbeError::Kind::InvalidTarget);
    }

    void abortDropsEverything()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        FleetProber prober;
        prober.setTimeoutMs(1000);
        QSignalSpy finished(&prober, &FleetProber::readingFinished);
        for (int i = 0; i < 4; ++i)
            prober.add(
                i, Secret(QStringLiteral("mysql://u:p@127.0.0.1:%1/db%2").arg(silent.serverPort()).arg(i)));
        QTRY_VERIFY(silent.hasPendingConnections());
        QElapsedTimer timer;
        timer.start();
        prober.abort();
        QVERIFY(timer.elapsed() < 500);
        QVERIFY(prober.isIdle());
        QTest::qWait(1500);
        QCOMPARE(finished.size(), 0);
    }

    void cleanupTestCase() { QVERIFY(SqlWorkerThread::waitForFinishedThreads(10000)); }
};

QTEST_GUILESS_MAIN(TestFleetProber)
#include "tst_fleetprober.moc"
