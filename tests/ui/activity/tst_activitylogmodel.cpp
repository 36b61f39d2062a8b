// SPDX-License-Identifier: MIT
// The activity log's model: bounded, one row per exchange, support text with the Request-Id,
// errors in plain words.
#include "activity/ActivityLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

namespace {
ApiCallRecord record(int status, const QString &path = QStringLiteral("/apps"), const QString &error = {})
{
    ApiCallRecord r;
    r.startedAt = QDateTime(QDate(2026, 11, 25), QTime(12, 0, 1, 250), Qt::UTC);
    r.method = QStringLiteral("GET");
    r.path = path;
    r.httpStatus = status;
    r.requestId = QStringLiteral("0b6c7f5e-1111-4222-8333-944455556666");
    r.durationMs = 87;
    r.errorText = error;
    return r;
}
} // namespace

class TestActivityLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsShowEveryField();
    void boundedToCapacity();
    void supportTextIsOneLineWithRequestId();
    void errorsInPlainWords_data();
    void errorsInPlainWords();
    void actionRowsSitBetweenCalls();
};

void TestActivityLogModel::rowsShowEveryField()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(record(200));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(ActivityLogModel::ColumnCount));
    QCOMPARE(model.index(0, ActivityLogModel::MethodColumn).data().toString(), QStringLiteral("GET"));
    QCOMPARE(model.index(0, ActivityLogModel::PathColumn).data().toString(), QStringLiteral("/apps"));
    QCOMPARE(model.index(0, ActivityLogModel::StatusColumn).data().toString(), QStringLiteral("200"));
    QCOMPARE(model.index(0, ActivityLogModel::RequestIdColumn).data().toString(), record(200).requestId);
    QCOMPARE(model.index(0, ActivityLogModel::DurationColumn).data().toString(), QStringLiteral("87 ms"));
    QCOMPARE(model.index(0, ActivityLogModel::ResultColumn).data().toString(), QStringLiteral("OK"));
    QCOMPARE(model.headerData(ActivityLogModel::RequestIdColumn, Qt::Horizontal).toString(),
             QStringLiteral("Request-Id"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestActivityLogModel::boundedToCapacity()
{
    ActivityLogModel model(nullptr, 5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 12; ++i)
        model.append(record(200, QStringLiteral("/apps/app-%1").arg(i)));
    QCOMPARE(model.rowCount(), 5);
    // The oldest rows left; the newest is last.
    QCOMPARE(model.index(0, ActivityLogModel::PathColumn).data().toString(), QStringLiteral("/apps/app-7"));
    QCOMPARE(model.index(4, ActivityLogModel::PathColumn).data().toString(), QStringLiteral("/apps/app-11"));
    QCOMPARE(ActivityLogModel().capacity(), 1000);
}

void TestActivityLogModel::supportTextIsOneLineWithRequestId()
{
    ActivityLogModel model;
    model.append(record(404, QStringLiteral("/apps/gone"), QStringLiteral("Couldn't find that app.")));
    const QString text = model.supportText(0);
    QCOMPARE(text, QStringLiteral("2026-11-25T12:00:01.250Z GET /apps/gone -> 404 (87 ms) Request-Id: "
                                  "0b6c7f5e-1111-4222-8333-944455556666 — Couldn't find that app."));
    QVERIFY(!text.contains(QLatin1Char('\n')));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), text);
}

void TestActivityLogModel::errorsInPlainWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorText");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("isError");
    QTest::newRow("ok") << 201 << QString() << QStringLiteral("OK") << false;
    QTest::newRow("api message wins") << 422 << QStringLiteral("Name is already taken.")
                                      << QStringLiteral("Name is already taken.") << true;
    QTest::newRow("401") << 401 << QString() << QStringLiteral("Not logged in: the token was refused")
                         << true;
    QTest::newRow("429") << 429 << QString() << QStringLiteral("Rate limit reached: wait a minute") << true;
    QTest::newRow("500") << 500 << QString() << QStringLiteral("Heroku had a problem; try again later")
                         << true;
    QTest::newRow("no answer") << 0 << QString() << QStringLiteral("No answer from the API") << true;
}

void TestActivityLogModel::errorsInPlainWords()
{
    QFETCH(int, status);
    QFETCH(QString, errorText);
    QFETCH(QString, shown);
    QFETCH(bool, isError);
    ActivityLogModel model;
    QSignalSpy errors(&model, &ActivityLogModel::errorAppended);
    model.append(record(status, QStringLiteral("/apps"), errorText));
    QCOMPARE(model.index(0, ActivityLogModel::ResultColumn).data().toString(), shown);
    QCOMPARE(errors.size(), isError ? 1 : 0);
    if (isError)
        QCOMPARE(errors.first().first().toString(), shown);
    QCOMPARE(model.index(0, 0).data(Qt::ForegroundRole).isValid(), isError);
}

void TestActivityLogModel::actionRowsSitBetweenCalls()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &ActivityLogModel::errorAppended);
    model.append(record(200));
    model.appendAction(QStringLiteral("Backup"), QStringLiteral("app db to /tmp/a.sql.gz"),
                       QStringLiteral("Started"), false);
    model.appendAction(QStringLiteral("Backup"), QStringLiteral("app db to /tmp/a.sql.gz"),
                       QStringLiteral("Dump failed: login refused."), true, 1500);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isAction(0));
    QVERIFY(model.isAction(1));
    QCOMPARE(model.index(1, ActivityLogModel::MethodColumn).data().toString(), QStringLiteral("Backup"));
    QCOMPARE(model.index(1, ActivityLogModel::PathColumn).data().toString(),
             QStringLiteral("app db to /tmp/a.sql.gz"));
    QCOMPARE(model.index(1, ActivityLogModel::StatusColumn).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(1, ActivityLogModel::DurationColumn).data().toString(), QString());
    QCOMPARE(model.index(1, ActivityLogModel::ResultColumn).data().toString(), QStringLiteral("Started"));
    QVERIFY(!model.index(1, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(2, ActivityLogModel::DurationColumn).data().toString(), QStringLiteral("1500 ms"));
    QVERIFY(model.index(2, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().first().toString(), QStringLiteral("Dump failed: login refused."));
    QVERIFY2(model.supportText(2).endsWith(
                 QStringLiteral(" Backup app db to /tmp/a.sql.gz — Dump failed: login refused.")),
             qPrintable(model.supportText(2)));
}

QTEST_GUILESS_MAIN(TestActivityLogModel)
#include "tst_activitylogmodel.moc"
