// SPDX-License-Identifier: MIT
#include "common/Result.h"

#include <QtTest>

#include <memory>

namespace {
Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("The port must be a number from 1 to 65535."), text);
    return port;
}
} // namespace

// The one shape a fallible call answers in: what the CLI prints and the GUI shows comes from here.
class TstResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void carriesTheValueOrTheError();
    void statusHasNoValue();
    void oneLineIsOneLineAndSkipsAnEmptyOrRepeatedDetail();
    void movesAValueThatCannotBeCopied();
};

void TstResult::carriesTheValueOrTheError()
{
    const Result<int> good = parsePort(QStringLiteral("3306"));
    QVERIFY(good.ok());
    QCOMPARE(good.value(), 3306);
    const Result<int> bad = parsePort(QStringLiteral("port"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, Error::Kind::InvalidInput);
    QCOMPARE(bad.valueOr(7), 7);
    QCOMPARE(bad.error().oneLine(), QStringLiteral("The port must be a number from 1 to 65535. (port)"));
}

void TstResult::statusHasNoValue()
{
    const Status done;
    QVERIFY(done.ok());
    const Status refused = makeError(Error::Kind::Conflict, QStringLiteral("The target is not empty."));
    QVERIFY(!refused.ok());
    QCOMPARE(Error::kindName(refused.error().kind), QStringLiteral("conflict"));
}

void TstResult::oneLineIsOneLineAndSkipsAnEmptyOrRepeatedDetail()
{
    QCOMPARE(makeError(Error::Kind::Io, QStringLiteral("Cannot write x.csv.")).oneLine(),
             QStringLiteral("Cannot write x.csv."));
    QCOMPARE(makeError(Error::Kind::Remote, QStringLiteral("same"), QStringLiteral("same")).oneLine(),
             QStringLiteral("same"));
    QCOMPARE(makeError(Error::Kind::Remote, QStringLiteral("Server said:"), QStringLiteral("a\nb")).oneLine(),
             QStringLiteral("Server said: (a b)"));
}

void TstResult::movesAValueThatCannotBeCopied()
{
    Result<std::unique_ptr<int>> owned(std::make_unique<int>(5));
    QVERIFY(owned.ok());
    const std::unique_ptr<int> taken = std::move(owned).value();
    QCOMPARE(*taken, 5);
}

QTEST_GUILESS_MAIN(TstResult)
#include "tst_result.moc"
