// SPDX-License-Identifier: MIT
// The Monitor view's masters and replication-lag canary on the fixture cluster: the two masters are
// entered in "Watch masters…" (masked) and get their own series; "Measure replication lag" asks first,
// naming the table and the database, and a refusal writes nothing (no table, on either master); a
// consent shows the lag on the chart and in the event list, and "don't ask again" is remembered for that
// database only until the view is gone.
#include "../../core/sandbox/SandboxTestEnv.h"
#include "UiTestHelpers.h"
#include "monitor/FailoverMonitor.h"
#include "monitoring/CanaryConsent.h"
#include "monitoring/LatencyChart.h"
#include "monitoring/MastersBar.h"
#include "monitoring/MonitorEventModel.h"
#include "monitoring/MonitorView.h"
#include "probe/UrlProbeTarget.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using UiTest::child;
using Endpoint = SandboxStatus::Endpoint;

class TestMonitorCanary : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;
    const QString m_db = QStringLiteral("heroku_canary%1").arg(QCoreApplication::applicationPid());
    const QString m_user = QStringLiteral("canary_user");
    const QString m_password = QStringLiteral("Cnry-pw-%1").arg(QCoreApplication::applicationPid());

    QString url(quint16 port) const
    {
        return QStringLiteral("mysql://%1:%2@127.0.0.1:%3/%4?reconnect=true&ssl-ca=%5")
            .arg(m_user, m_password)
            .arg(port)
            .arg(m_db, m_status.caFile);
    }

    int canaryTables(Endpoint e) const
    {
        return SandboxTestEnv::adminExec(
                   m_status, e,
                   {QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '%1' "
                                   "AND table_name = 'cleardb_console_canary'")
                        .arg(m_db)})
            .value(0)
            .toInt();
    }

    // A watch of the routed URL and both masters, entered as a user does: typed, or in the sandbox the
    // dialog's suggestion (the routed URL with the pair's ports).
    void startWatchingMasters(MonitorView &view, bool sandboxSuggestion)
    {
        view.setSandboxMode(sandboxSuggestion);
        view.setDatabaseUrl(Secret(url(m_status.routedPort)), QStringLiteral("test URL:"));
        view.setIntervalMs(300);
        QTest::mouseClick(child<QPushButton>(&view, "watchMastersButton"), Qt::LeftButton);
        auto *dialog = UiTest::openedDialog<QDialog>(&view);
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("masterUrlsDialog"));
        auto *primary = child<QLineEdit>(dialog, "primaryUrlEdit");
        auto *secondary = child<QLineEdit>(dialog, "secondaryUrlEdit");
        QCOMPARE(primary->echoMode(), QLineEdit::Password);
        QCOMPARE(secondary->echoMode(), QLineEdit::Password);
        if (sandboxSuggestion) {
            auto *suggested = child<QPushButton>(dialog, "suggestedMastersButton");
            QTRY_VERIFY_WITH_TIMEOUT(suggested->isVisible(), 15000);
            QTest::mouseClick(suggested, Qt::LeftButton);
            for (const auto &[edit, port] :
                 {std::pair{primary, m_status.primaryPort}, std::pair{secondary, m_status.secondaryPort}}) {
                const ProbeTarget t = UrlProbeTarget::fromText(edit->text()).valueOr(ProbeTarget());
                QCOMPARE(t.port, port);
                QCOMPARE(t.database, m_db);
                QCOMPARE(t.password, m_password);
                QCOMPARE(t.caFile, m_status.caFile);
            }
            QTest::mouseClick(child<QPushButton>(dialog, "useMastersButton"), Qt::LeftButton);
            QVERIFY(!dialog->isVisible());
        } else {
            // Outside the sandbox nothing is suggested.
            QVERIFY(!child<QPushButton>(dialog, "suggestedMastersButton")->isVisible());
            primary->setText(url(m_status.primaryPort));
            // A wrong URL is named by its field and keeps the dialog open.
            secondary->setText(QStringLiteral("mysql://u:Bad-pw@h:99999/d"));
            QTest::mouseClick(child<QPushButton>(dialog, "useMastersButton"), Qt::LeftButton);
            QVERIFY(dialog->isVisible());
            QVERIFY2(child<QLabel>(dialog, "masterUrlsError")
                         ->text()
                         .startsWith(QStringLiteral("The secondary's URL")),
                     qPrintable(child<QLabel>(dialog, "masterUrlsError")->text()));
            QVERIFY(!child<QLabel>(dialog, "masterUrlsError")->text().contains(QStringLiteral("Bad-pw")));
            secondary->setText(url(m_status.secondaryPort));
            QTest::mouseClick(child<QPushButton>(dialog, "useMastersButton"), Qt::LeftButton);
        }
        const QString masters = child<QLabel>(&view, "monitorMasters")->text();
        QVERIFY2(masters.contains(QStringLiteral(":%1/%2").arg(m_status.primaryPort).arg(m_db)),
                 qPrintable(masters));
        QVERIFY(!masters.contains(m_password));
        auto *measure = child<QPushButton>(&view, "measureLagButton");
        QVERIFY(!measure->isEnabled()); // not before the watch runs
        view.start();
        QVERIFY(view.isRunning());
        QVERIFY(measure->isEnabled());
        QVERIFY(!child<QPushButton>(&view, "watchMastersButton")->isEnabled());
        // Each master has its own series beside the routed one.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QSet<QString> targets;
                for (const MonitorSample &s : view.monitor()->samples()) {
                    if (s.ok)
                        targets.insert(s.target);
                }
                return targets.size() == 3;
            }(),
            15000);
        QCOMPARE(view.chart()->servers().size(), 2);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        QVERIFY(SandboxTestEnv::provision(m_db, m_user, m_password));
    }

    void refusingWritesNothing()
    {
        MonitorView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        startWatchingMasters(view, false);
        if (QTest::currentTestFailed())
            return;
        auto *measure = child<QPushButton>(&view, "measureLagButton");
        QTest::mouseClick(measure, Qt::LeftButton);
        auto *ask = UiTest::openedDialog<ConfirmationDialog>(&view);
        QVERIFY(ask);
        QCOMPARE(ask->objectName(), QStringLiteral("canaryConsentDialog"));
        const QString details = child<QLabel>(ask, "confirmationDetails")->text();
        QVERIFY2(details.contains(QStringLiteral("cleardb_console_canary")) && details.contains(m_db),
                 qPrintable(details));
        QVERIFY(!view.monitor()->canaryConsent());
        QTest::mouseClick(ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QVERIFY(!measure->isChecked());
        QVERIFY(!view.monitor()->canaryConsent());
        const QString message = child<MessageBar>(&view, "monitorMessage")->text();
        QVERIFY2(message.startsWith(QStringLiteral("Nothing was written")), qPrintable(message));
        // Nothing was remembered either: the next click asks again.
        QVERIFY(!view.mastersBar()->consent()->isRemembered(
            UrlProbeTarget::fromText(url(m_status.primaryPort)).valueOr(ProbeTarget())));
        // The watch goes on for a while; no canary table appears on either master, and no lag.
        QTest::qWait(1500);
        QVERIFY(view.chart()->lags().isEmpty());
        for (const MonitorEvent &e : view.monitor()->events())
            QVERIFY(e.kind != MonitorEvent::Kind::ReplicationLag &&
                    e.kind != MonitorEvent::Kind::CanaryFailed);
        QCOMPARE(canaryTables(Endpoint::Primary), 0);
        QCOMPARE(canaryTables(Endpoint::Secondary), 0);
        QTest::mouseClick(measure, Qt::LeftButton);
        ask = UiTest::openedDialog<ConfirmationDialog>(&view);
        QVERIFY(ask);
        ask->reject();
        QVERIFY(!measure->isChecked());
        view.stop();
        QCOMPARE(canaryTables(Endpoint::Primary), 0);
    }

    void consentShowsLagOnChartAndEventList()
    {
        MonitorView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QAbstractItemModelTester tester(view.eventModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        startWatchingMasters(view, true);
        if (QTest::currentTestFailed())
            return;
        auto *measure = child<QPushButton>(&view, "measureLagButton");
        QTest::mouseClick(measure, Qt::LeftButton);
        auto *ask = UiTest::openedDialog<ConfirmationDialog>(&view);
        QVERIFY(ask);
        child<QCheckBox>(ask, "confirmationCheck")->setChecked(true);
        QTest::mouseClick(child<QPushButton>(ask, "confirmButton"), Qt::LeftButton);
        QVERIFY(measure->isChecked());
        QVERIFY(view.monitor()->canaryConsent());
        QCOMPARE(view.monitor()->canaryIntervalMs(), FailoverMonitor::kDefaultCanaryIntervalMs);

        // The first measurement goes out at once.
        QTRY_VERIFY_WITH_TIMEOUT(!view.chart()->lags().isEmpty(), 15000);
        const MonitorEvent lag = view.chart()->lags().first();
        QVERIFY2(lag.lagMs >= 0 && lag.lagMs < 5000, qPrintable(QString::number(lag.lagMs)));
        QCOMPARE(lag.fromServerId, 1);
        QCOMPARE(lag.toServerId, 2);
        QVERIFY2(view.chart()->accessibleDescription().contains(QStringLiteral("replication lag")),
                 qPrintable(view.chart()->accessibleDescription()));
        int row = -1;
        for (int r = 0; r < view.eventModel()->rowCount(); ++r) {
            if (view.eventModel()->index(r, 0).data(MonitorEventModel::KindRole).toInt() ==
                int(MonitorEvent::Kind::ReplicationLag))
                row = r;
        }
        QVERIFY(row >= 0);
        QCOMPARE(view.eventModel()->index(row, 0).data(MonitorEventModel::LagRole).toDouble(), lag.lagMs);
        QCOMPARE(view.eventModel()->index(row, MonitorEventModel::EventColumn).data().toString(),
                 QStringLiteral("Replication lag"));
        QVERIFY(child<QLabel>(&view, "monitorMasters")->text().contains(QStringLiteral("replication lag")));
        // The chart paints the series with its legend at any size.
        view.chart()->resize(640, 240);
        QVERIFY(!view.chart()->grab().isNull());
        QCOMPARE(canaryTables(Endpoint::Primary), 1);
        QTRY_COMPARE(canaryTables(Endpoint::Secondary), 1);

        // Stopping withdraws the consent; "don't ask again" holds for this database on the next watch.
        view.stop();
        QVERIFY(!measure->isChecked());
        QVERIFY(!view.monitor()->canaryConsent());
        QVERIFY(view.mastersBar()->consent()->isRemembered(
            UrlProbeTarget::fromText(url(m_status.primaryPort)).valueOr(ProbeTarget())));
        view.start();
        QTest::mouseClick(measure, Qt::LeftButton);
        QVERIFY(measure->isChecked());
        QVERIFY(view.monitor()->canaryConsent());
        QVERIFY(!view.findChild<ConfirmationDialog *>() ||
                !view.findChild<ConfirmationDialog *>()->isVisible());
        // Off again: no more rows.
        QTest::mouseClick(measure, Qt::LeftButton);
        QVERIFY(!view.monitor()->canaryConsent());
        QCOMPARE(view.monitor()->canaryIntervalMs(), 0);
        view.stop();
        for (const QString &text : {child<QLabel>(&view, "monitorStatus")->text(),
                                    child<MessageBar>(&view, "monitorMessage")->text(),
                                    child<QLabel>(&view, "monitorMasters")->text()})
            QVERIFY(!text.contains(m_password));
    }
};

QTEST_MAIN(TestMonitorCanary)
#include "tst_monitorcanary.moc"
