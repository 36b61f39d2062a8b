// SPDX-License-Identifier: MIT
// StateStore: a missing file is "no state yet", not an error; a saved state loads back; a file that
// cannot be read or is not a heroku-sim state is an error whose one line names the file and the fix.
#include "sim/state/SimSeeder.h"
#include "sim/state/StateStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestStateStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingFileIsNoState();
    void roundTrips();
    void fileFromBeforeAccountsLoads();
    void damagedFileIsInvalidInput_data();
    void damagedFileIsInvalidInput();
    void unwritablePathIsIo();
};

void TestStateStore::missingFileIsNoState()
{
    QTemporaryDir dir;
    const Result<std::optional<SimState>> loaded =
        StateStore::load(dir.filePath(QStringLiteral("none.json")));
    QVERIFY(loaded);
    QVERIFY(!loaded->has_value());
}

void TestStateStore::roundTrips()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sim.json"));
    const SimState seeded = SimSeeder::seed(2);
    QVERIFY(StateStore::save(path, seeded));
    QVERIFY(QFile::exists(path));
    const Result<std::optional<SimState>> loaded = StateStore::load(path);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().oneLine()));
    QVERIFY(loaded->has_value());
    const SimState &state = **loaded;
    QCOMPARE(state.defaultAccount().id, seeded.defaultAccount().id);
    QCOMPARE(state.apps.size(), 2);
    QCOMPARE(state.apps.first().name, seeded.apps.first().name);
    QCOMPARE(state.addons.size(), seeded.addons.size());
}

void TestStateStore::fileFromBeforeAccountsLoads()
{
    // The shape heroku-sim wrote before several accounts and authorizations: one "account".
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"heroku-sim-state/1","account":{"id":"acc-1","email":"old@example.com",)"
               R"("name":"Old","createdAt":"2020-01-01T00:00:00Z"},"serial":0,"apps":[],"addons":[],)"
               R"("attachments":[],"releases":[],"dynos":[]})");
    file.close();
    const Result<std::optional<SimState>> loaded = StateStore::load(path);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().oneLine()));
    QCOMPARE((*loaded)->accounts.size(), 1);
    QCOMPARE((*loaded)->defaultAccount().email, QStringLiteral("old@example.com"));
    QVERIFY((*loaded)->authorizations.isEmpty());

    // Saved again it keeps "account" for older readers and gains the lists.
    SimState state = **loaded;
    state.setDefaultToken(state.defaultAccount().id, QStringLiteral("tok"), QDateTime::currentDateTimeUtc());
    QVERIFY(StateStore::save(path, state));
    const Result<std::optional<SimState>> again = StateStore::load(path);
    QVERIFY(again);
    QCOMPARE((*again)->authorizations.size(), 1);
    QVERIFY((*again)->authorizations.first().isDefault);
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(saved.readAll()).object();
    QVERIFY(json.value(QStringLiteral("account")).isObject());
    QVERIFY(json.value(QStringLiteral("accounts")).isArray());
}

void TestStateStore::damagedFileIsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QStringLiteral("is not valid JSON");
    QTest::newRow("other format") << QByteArray(R"({"format":"something-else"})")
                                  << QStringLiteral("not a heroku-sim state file");
    QTest::newRow("mistyped member")
        << QByteArray(
               R"({"format":"heroku-sim-state/1","account":{"id":"a","createdAt":"2020-01-01T00:00:00Z"},)"
               R"("apps":"oops"})")
        << QStringLiteral("missing or mistyped member");
}

void TestStateStore::damagedFileIsInvalidInput()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sim.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(contents), qint64(contents.size()));
    file.close();
    const Result<std::optional<SimState>> loaded = StateStore::load(path);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().kind, Error::Kind::InvalidInput);
    const QString line = loaded.error().oneLine();
    QVERIFY2(line.contains(says), qPrintable(line));
    QVERIFY2(line.contains(path), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("delete it")), qPrintable(line));
    QVERIFY(!line.contains(QLatin1Char('\n')));
}

void TestStateStore::unwritablePathIsIo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no-such-dir/sim.json"));
    const Status saved = StateStore::save(path, SimSeeder::seed(1));
    QVERIFY(!saved);
    QCOMPARE(saved.error().kind, Error::Kind::Io);
    QVERIFY2(saved.error().oneLine().contains(path), qPrintable(saved.error().oneLine()));
}

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_statestore.moc"
