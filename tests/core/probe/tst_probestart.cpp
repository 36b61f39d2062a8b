// SPDX-License-Identifier: MIT
// A second ConnectionProbe::start() abandons the first probe, whatever stage it was in: only the
// second one's result is delivered. No server is needed: the first target is invalid (reported from
// the event loop), the second points at a closed loopback port (fails at TCP).
#include "probe/ConnectionProbe.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

class TestProbeStart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secondStartAbandonsAnInvalidFirst();
};

void TestProbeStart::secondStartAbandonsAnInvalidFirst()
{
    QTcpServer server; // bound then released: nothing listens on that port
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = server.serverPort();
    server.close();

    ProbeTarget invalid;
    invalid.host = QStringLiteral("127.0.0.1");
    invalid.port = 0; // ProbeTarget::validate() rejects it
    invalid.user = QStringLiteral("probe_user");
    ProbeTarget closed = invalid;
    closed.port = closedPort;
    closed.timeoutMs = 3000;

    ConnectionProbe probe;
    QSignalSpy finished(&probe, &ConnectionProbe::finished);
    probe.start(invalid);
    probe.start(closed);
    QVERIFY(finished.wait(10000));
    QTest::qWait(200); // a second result would be here by now
    QCOMPARE(finished.count(), 1);
    const auto result = finished.first().first().value<ProbeResult>();
    QVERIFY2(result.error.kind != ProbeError::Kind::InvalidTarget, qPrintable(result.error.message));
    QCOMPARE(result.error.stage, ProbeStage::Tcp);
}

QTEST_MAIN(TestProbeStart)
#include "tst_probestart.moc"
