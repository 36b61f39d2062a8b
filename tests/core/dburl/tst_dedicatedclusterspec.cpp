// SPDX-License-Identifier: MIT
// DedicatedClusterSpec: per-field problems and warnings for the builder dialog, and toUrl() spellings.
#include "dburl/DedicatedClusterSpec.h"
#include "dburl/PemFileInspector.h"

#include "TestConfig.h"

#include <QtTest>

using Field = ClusterSpecValidation::Field;

class TestDedicatedClusterSpec : public QObject
{
    Q_OBJECT

private:
    static QString data(const char *name)
    {
        return QStringLiteral(CLEARDB_TEST_DATA_DIR "/dburl/") + QString::fromLatin1(name);
    }
    static DedicatedClusterSpec validSpec()
    {
        DedicatedClusterSpec spec;
        spec.host = QStringLiteral("us-cdbr-east-06.cleardb.net");
        spec.user = QStringLiteral("b6f1c2d3e4a5f6");
        spec.password = QStringLiteral("p@ss/w#rd%");
        spec.database = QStringLiteral("heroku_0123456789abcde");
        spec.caFile = data("ca-cert.pem");
        spec.certFile = data("client-cert.pem");
        spec.keyFile = data("client-key.pem");
        return spec;
    }

private Q_SLOTS:
    void pemInspection_data();
    void pemInspection();
    void validSpecHasNoIssues();
    void fieldProblems_data();
    void fieldProblems();
    void tlsFileWarnings_data();
    void tlsFileWarnings();
    void toUrlSpellsTlsForFramework_data();
    void toUrlSpellsTlsForFramework();
};

void TestDedicatedClusterSpec::pemInspection_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("ca") << data("ca-cert.pem") << int(PemFileInspector::Ok) << QStringLiteral("CERTIFICATE")
                        << false;
    QTest::newRow("key") << data("client-key.pem") << int(PemFileInspector::Ok)
                         << QStringLiteral("PRIVATE KEY") << false;
    QTest::newRow("pkcs8 encrypted") << data("client-key-encrypted.pem") << int(PemFileInspector::Ok)
                                     << QStringLiteral("ENCRYPTED PRIVATE KEY") << true;
    QTest::newRow("legacy encrypted") << data("client-key-encrypted-legacy.pem") << int(PemFileInspector::Ok)
                                      << QStringLiteral("RSA PRIVATE KEY") << true;
    QTest::newRow("not pem") << data("not-pem.txt") << int(PemFileInspector::NotPem) << QString() << false;
    QTest::newRow("missing") << data("nope.pem") << int(PemFileInspector::Missing) << QString() << false;
    QTest::newRow("directory") << data("") << int(PemFileInspector::Missing) << QString() << false;
}

void TestDedicatedClusterSpec::pemInspection()
{
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(QString, label);
    QFETCH(bool, encrypted);
    const PemFileInspector::Report report = PemFileInspector::inspect(file);
    QCOMPARE(int(report.status), status);
    QCOMPARE(report.label, label);
    QCOMPARE(report.encrypted, encrypted);
}

void TestDedicatedClusterSpec::validSpecHasNoIssues()
{
    const ClusterSpecValidation result = validSpec().validate();
    QVERIFY(result.ok());
    QVERIFY(result.warnings.isEmpty());
    QVERIFY(!result.keyIsEncrypted);
}

void TestDedicatedClusterSpec::fieldProblems_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("field");
    QTest::newRow("empty host") << QStringLiteral("host=") << int(Field::Host);
    QTest::newRow("bad host") << QStringLiteral("host=a b") << int(Field::Host);
    QTest::newRow("bad secondary") << QStringLiteral("secondary=x/y") << int(Field::SecondaryHost);
    QTest::newRow("port 0 is default, 70000 is not") << QStringLiteral("port=70000") << int(Field::Port);
    QTest::newRow("no user") << QStringLiteral("user=") << int(Field::User);
    QTest::newRow("no database") << QStringLiteral("database=") << int(Field::Database);
    QTest::newRow("cert without key") << QStringLiteral("key=") << int(Field::KeyFile);
    QTest::newRow("key without cert") << QStringLiteral("cert=") << int(Field::CertFile);
    QTest::newRow("nameless option") << QStringLiteral("option=") << int(Field::Options);
}

void TestDedicatedClusterSpec::fieldProblems()
{
    QFETCH(QString, what);
    QFETCH(int, field);
    DedicatedClusterSpec spec = validSpec();
    const QString value = what.section(QLatin1Char('='), 1);
    const QString name = what.section(QLatin1Char('='), 0, 0);
    if (name == QLatin1String("host"))
        spec.host = value;
    else if (name == QLatin1String("secondary"))
        spec.secondaryHost = value;
    else if (name == QLatin1String("port"))
        spec.port = value.toInt();
    else if (name == QLatin1String("user"))
        spec.user = value;
    else if (name == QLatin1String("database"))
        spec.database = value;
    else if (name == QLatin1String("key"))
        spec.keyFile = value;
    else if (name == QLatin1String("cert"))
        spec.certFile = value;
    else if (name == QLatin1String("option"))
        spec.extraOptions.append({value, QStringLiteral("x")});
    const ClusterSpecValidation result = spec.validate();
    QVERIFY(!result.ok());
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(int(result.problems.first().field), field);
    QVERIFY(!result.messagesFor(static_cast<Field>(field)).isEmpty());
    QVERIFY(!result.problems.first().message.contains(spec.password));
}

void TestDedicatedClusterSpec::tlsFileWarnings_data()
{
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("missing ca") << data("missing-ca.pem") << data("client-key.pem") << int(Field::CaFile)
                                << QStringLiteral("not found") << false;
    QTest::newRow("ca not pem") << data("not-pem.txt") << data("client-key.pem") << int(Field::CaFile)
                                << QStringLiteral("BEGIN") << false;
    QTest::newRow("key given as ca") << data("client-key.pem") << data("client-key.pem") << int(Field::CaFile)
                                     << QStringLiteral("not a certificate") << false;
    QTest::newRow("encrypted key") << data("ca-cert.pem") << data("client-key-encrypted.pem")
                                   << int(Field::KeyFile) << QStringLiteral("passphrase") << true;
    QTest::newRow("legacy encrypted key") << data("ca-cert.pem") << data("client-key-encrypted-legacy.pem")
                                          << int(Field::KeyFile) << QStringLiteral("decrypt") << true;
    QTest::newRow("certificate as key")
        << data("ca-cert.pem") << data("client-cert.pem") << int(Field::KeyFile)
        << QStringLiteral("not a private key") << false;
}

void TestDedicatedClusterSpec::tlsFileWarnings()
{
    QFETCH(QString, ca);
    QFETCH(QString, key);
    QFETCH(int, field);
    QFETCH(QString, mentions);
    QFETCH(bool, encrypted);
    DedicatedClusterSpec spec = validSpec();
    spec.caFile = ca;
    spec.keyFile = key;
    const ClusterSpecValidation result = spec.validate();
    QVERIFY(result.ok()); // warnings never block
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(int(result.warnings.first().field), field);
    QVERIFY2(result.warnings.first().message.contains(mentions), qPrintable(result.warnings.first().message));
    QCOMPARE(result.keyIsEncrypted, encrypted);
}

void TestDedicatedClusterSpec::toUrlSpellsTlsForFramework_data()
{
    QTest::addColumn<int>("framework");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("generic") << int(Framework::Generic) << QStringLiteral("mysql")
                             << QStringList{QStringLiteral("ssl-ca"), QStringLiteral("ssl-cert"),
                                            QStringLiteral("ssl-key")};
    QTest::newRow("rails") << int(Framework::Rails) << QStringLiteral("mysql2")
                           << QStringList{QStringLiteral("sslca"), QStringLiteral("sslcert"),
                                          QStringLiteral("sslkey")};
    QTest::newRow("sqlalchemy") << int(Framework::SqlAlchemyPyMySql) << QStringLiteral("mysql")
                                << QStringList{QStringLiteral("ssl_ca"), QStringLiteral("ssl_cert"),
                                               QStringLiteral("ssl_key")};
    QTest::newRow("qt") << int(Framework::QtSql) << QStringLiteral("mysql")
                        << QStringList{QStringLiteral("SSL_CA"), QStringLiteral("SSL_CERT"),
                                       QStringLiteral("SSL_KEY")};
    QTest::newRow("node falls back to client spelling")
        << int(Framework::Node) << QStringLiteral("mysql")
        << QStringList{QStringLiteral("ssl-ca"), QStringLiteral("ssl-cert"), QStringLiteral("ssl-key")};
}

void TestDedicatedClusterSpec::toUrlSpellsTlsForFramework()
{
    QFETCH(int, framework);
    QFETCH(QString, scheme);
    QFETCH(QStringList, keys);
    DedicatedClusterSpec spec = validSpec();
    spec.port = 3307;
    spec.extraOptions.append({QStringLiteral("charset"), QStringLiteral("utf8mb4")});
    const DatabaseUrl::ParseResult result = spec.toUrl(static_cast<Framework::Id>(framework));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.url.scheme(), scheme);
    QCOMPARE(result.url.port(), 3307);
    QCOMPARE(result.url.password(), spec.password);
    QStringList written;
    for (const DatabaseUrl::Option &option : result.url.options())
        written << option.key;
    QCOMPARE(written, keys + QStringList{QStringLiteral("charset")});
    QCOMPARE(result.url.option(UrlOptionTable::SslCa), spec.caFile);
    // The URL survives its own round trip, so the builder's output can be pasted back in.
    QCOMPARE(DatabaseUrl::parse(result.url.toString()).url, result.url);
}

QTEST_GUILESS_MAIN(TestDedicatedClusterSpec)
#include "tst_dedicatedclusterspec.moc"
