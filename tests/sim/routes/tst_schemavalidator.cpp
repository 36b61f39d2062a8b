// SPDX-License-Identifier: MIT
// SchemaValidator: it must reject what the Heroku schema forbids, or the schema tests prove nothing.
#include "SchemaValidator.h"
#include "TestConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestSchemaValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keywords_data();
    void keywords();
    void herokuLinks();

private:
    SchemaValidator m_validator;
};

void TestSchemaValidator::initTestCase()
{
    const Status loaded = m_validator.load(QStringLiteral(CLEARDB_HEROKU_SCHEMA));
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().oneLine()));
}

void TestSchemaValidator::keywords_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    const QByteArray nullable = R"({"type":["string","null"]})";
    QTest::newRow("null allowed") << nullable << QByteArray("[null]") << true;
    QTest::newRow("number not allowed") << nullable << QByteArray("[3]") << false;
    const QByteArray integer = R"({"type":["integer"]})";
    QTest::newRow("integer") << integer << QByteArray("[3]") << true;
    QTest::newRow("fraction is no integer") << integer << QByteArray("[3.5]") << false;
    const QByteArray obj =
        R"({"type":["object"],"required":["id"],"properties":{"id":{"format":"uuid","type":["string"]}}})";
    QTest::newRow("uuid ok") << obj << QByteArray(R"([{"id":"01234567-89ab-cdef-0123-456789abcdef"}])")
                             << true;
    QTest::newRow("uuid bad") << obj << QByteArray(R"([{"id":"not-a-uuid"}])") << false;
    QTest::newRow("required missing") << obj << QByteArray(R"([{}])") << false;
    const QByteArray closed =
        R"({"type":["object"],"additionalProperties":false,"patternProperties":{"^\\w+$":{"type":["string"]}}})";
    QTest::newRow("pattern props ok") << closed << QByteArray(R"([{"A_1":"x"}])") << true;
    QTest::newRow("pattern props bad name") << closed << QByteArray(R"([{"a-b":"x"}])") << false;
    QTest::newRow("pattern props bad value") << closed << QByteArray(R"([{"A":1}])") << false;
    const QByteArray en = R"({"enum":["a","b"]})";
    QTest::newRow("enum ok") << en << QByteArray(R"(["a"])") << true;
    QTest::newRow("enum bad") << en << QByteArray(R"(["c"])") << false;
    const QByteArray any =
        R"({"anyOf":[{"type":["string"],"format":"uuid"},{"type":["string"],"pattern":"^x"}]})";
    QTest::newRow("anyOf second") << any << QByteArray(R"(["xyz"])") << true;
    QTest::newRow("anyOf none") << any << QByteArray(R"(["abc"])") << false;
    const QByteArray dt = R"({"type":["array"],"items":{"type":["string"],"format":"date-time"}})";
    QTest::newRow("date-time ok") << dt << QByteArray(R"([["2024-01-02T09:00:00Z"]])") << true;
    QTest::newRow("date-time bad item")
        << dt << QByteArray(R"([["2024-01-02T09:00:00Z","yesterday"]])") << false;
}

void TestSchemaValidator::keywords()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    const QJsonValue v = QJsonDocument::fromJson(value).array().at(0);
    const QStringList errors = m_validator.validate(v, QJsonDocument::fromJson(schema).object());
    QCOMPARE(errors.isEmpty(), valid);
}

void TestSchemaValidator::herokuLinks()
{
    const QJsonObject target =
        m_validator.linkTargetSchema(QStringLiteral("GET"), QStringLiteral("/apps/{}"));
    QVERIFY(!target.isEmpty());
    // An app whose name breaks Heroku's name pattern and whose id is no uuid fails via $ref.
    const QJsonObject bad{{QStringLiteral("id"), QStringLiteral("x")},
                          {QStringLiteral("name"), QStringLiteral("Bad Name")}};
    QCOMPARE(m_validator.validate(bad, target).size(), 2);
    const QJsonObject list = m_validator.linkTargetSchema(QStringLiteral("GET"), QStringLiteral("/apps"));
    QCOMPARE(m_validator.validate(QJsonArray{bad}, list).size(), 2);
    QVERIFY(m_validator.linkTargetSchema(QStringLiteral("GET"), QStringLiteral("/nope")).isEmpty());
}

QTEST_GUILESS_MAIN(TestSchemaValidator)
#include "tst_schemavalidator.moc"
