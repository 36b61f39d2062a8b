// SPDX-License-Identifier: MIT
// DatabaseUrl: hostile round trips, redaction, errors that name the part and never leak the password.
#include "dburl/DatabaseUrl.h"
#include "dburl/UrlPercentEncoding.h"

#include <QtTest>

namespace {

using Option = DatabaseUrl::Option;
using Part = DatabaseUrlError::Part;

// Options travel through the data table as alternating key, value entries.
QList<Option> optionsFrom(const QStringList &flat)
{
    QList<Option> options;
    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
        options.append({flat.at(i), flat.at(i + 1)});
    return options;
}

const QString kClearDbUser = QStringLiteral("b6f1c2d3e4a5f6");
const QString kClearDbHost = QStringLiteral("us-cdbr-east-06.cleardb.net");
const QString kClearDbName = QStringLiteral("heroku_0123456789abcde");

} // namespace

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void parseAccepts_data();
    void parseAccepts();
    void parseErrors_data();
    void parseErrors();
    void builderErrors_data();
    void builderErrors();
    void optionLookupLastWins();
    void optionAliasesMapToOneKey_data();
    void optionAliasesMapToOneKey();
    void redactionDependsOnlyOnPresence();
};

void TestDatabaseUrl::roundTrip_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("expectedHost");

    const QString m = QStringLiteral("mysql");
    const QString h = kClearDbHost;
    const QString u = kClearDbUser;
    const QString d = kClearDbName;
    const QStringList reconnect{QStringLiteral("reconnect"), QStringLiteral("true")};
    auto row = [&](const char *name, const QString &scheme, const QString &user, const QString &password,
                   const QString &host, int port, const QString &db, const QStringList &options,
                   const QString &expectedHost = QString()) {
        QTest::newRow(name) << scheme << user << password << host << port << db << options
                            << (expectedHost.isNull() ? host : expectedHost);
    };

    row("cleardb shape", m, u, QStringLiteral("1a2b3c4d"), h, 0, d, reconnect);
    row("mysql2 scheme", QStringLiteral("mysql2"), u, QStringLiteral("1a2b3c4d"), h, 0, d, reconnect);
    row("password @", m, u, QStringLiteral("p@ss@"), h, 0, d, {});
    row("password :", m, u, QStringLiteral("p:ss:"), h, 0, d, {});
    row("password /", m, u, QStringLiteral("p/ss/"), h, 0, d, {});
    row("password ?", m, u, QStringLiteral("p?ss"), h, 0, d, {});
    row("password #", m, u, QStringLiteral("p#ss"), h, 0, d, {});
    row("password []", m, u, QStringLiteral("p[ss]"), h, 0, d, {});
    row("password %", m, u, QStringLiteral("100%"), h, 0, d, {});
    row("password literal %25", m, u, QStringLiteral("p%25s%41"), h, 0, d, {});
    row("password space", m, u, QStringLiteral(" p ss "), h, 0, d, {});
    row("password +", m, u, QStringLiteral("p+ss"), h, 0, d, {});
    row("password &=;", m, u, QStringLiteral("p&s=s;x"), h, 0, d, {});
    row("password quotes backslash", m, u, QStringLiteral("p'\"\\`$x"), h, 0, d, {});
    row("password every reserved", m, u, QStringLiteral("@:/?#[]%!$&'()*+,;= "), h, 0, d, reconnect);
    row("password unicode", m, u, QStringLiteral("pässwörd"), h, 0, d, {});
    row("password emoji", m, u, QStringLiteral("🔑key🔑"), h, 0, d, {});
    row("password cjk", m, u, QStringLiteral("密码"), h, 0, d, {});
    row("password leading bom", m, u, QStringLiteral("\uFEFFbom"), h, 0, d, {});
    row("password control chars", m, u, QStringLiteral("tab\there\nnl"), h, 0, d, {});
    row("empty password", m, u, QString(), h, 0, d, {});
    row("no user no password", m, QString(), QString(), h, 0, d, {});
    row("user @", m, QStringLiteral("us@er"), QStringLiteral("pw1"), h, 0, d, {});
    row("user :", m, QStringLiteral("us:er"), QStringLiteral("pw1"), h, 0, d, {});
    row("user / space", m, QStringLiteral("us/er name"), QStringLiteral("pw1"), h, 0, d, {});
    row("user unicode", m, QStringLiteral("jürgen"), QStringLiteral("pw1"), h, 0, d, {});
    row("database /", m, u, QStringLiteral("pw1"), h, 0, QStringLiteral("a/b"), {});
    row("database ?#", m, u, QStringLiteral("pw1"), h, 0, QStringLiteral("db?x#y"), {});
    row("database % +", m, u, QStringLiteral("pw1"), h, 0, QStringLiteral("50%+off"), {});
    row("database space", m, u, QStringLiteral("pw1"), h, 0, QStringLiteral("my db"), {});
    row("database unicode", m, u, QStringLiteral("pw1"), h, 0, QStringLiteral("データ"), {});
    row("no database", m, u, QStringLiteral("pw1"), h, 0, QString(), reconnect);
    row("ipv4", m, u, QStringLiteral("pw1"), QStringLiteral("10.0.0.7"), 0, d, {});
    row("ipv6 no port", m, u, QStringLiteral("p@:[]"), QStringLiteral("::1"), 0, d, {});
    row("ipv6 with port", m, u, QStringLiteral("pw1"), QStringLiteral("2001:db8::42"), 3307, d, {});
    row("ipv6 bracketed input", m, u, QStringLiteral("pw1"), QStringLiteral("[2001:db8::42]"), 0, d, {},
        QStringLiteral("2001:db8::42"));
    row("host upper case", m, u, QStringLiteral("pw1"), QStringLiteral("US-CDBR-East-06.ClearDB.NET"), 0, d,
        {}, h);
    row("host idn", m, u, QStringLiteral("pw1"), QStringLiteral("bücher.example"), 0, d, {},
        QStringLiteral("xn--bcher-kva.example"));
    row("port 1", m, u, QStringLiteral("pw1"), h, 1, d, {});
    row("port 65535", m, u, QStringLiteral("pw1"), h, 65535, d, {});
    row("port 3306 explicit", m, u, QStringLiteral("pw1"), h, 3306, d, {});
    row("duplicate options kept in order", m, u, QStringLiteral("pw1"), h, 0, d,
        {QStringLiteral("reconnect"), QStringLiteral("true"), QStringLiteral("charset"),
         QStringLiteral("utf8mb4"), QStringLiteral("reconnect"), QStringLiteral("false")});
    row("empty option value", m, u, QStringLiteral("pw1"), h, 0, d, {QStringLiteral("charset"), QString()});
    row("option value reserved", m, u, QStringLiteral("pw1"), h, 0, d,
        {QStringLiteral("init"), QStringLiteral("a&b=c+d e#f%g?h@i")});
    row("option key unicode space", m, u, QStringLiteral("pw1"), h, 0, d,
        {QStringLiteral("clé avec+plus"), QStringLiteral("v")});
    row("tls paths", m, u, QStringLiteral("pw1"), h, 0, d,
        {QStringLiteral("ssl-ca"), QStringLiteral("/etc/ssl/cleardb/ca-cert.pem"), QStringLiteral("ssl-key"),
         QStringLiteral("C:\\Users\\me\\client-key.pem")});
}

void TestDatabaseUrl::roundTrip()
{
    QFETCH(QString, scheme);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QStringList, options);
    QFETCH(QString, expectedHost);

    DatabaseUrl draft;
    draft.setScheme(scheme);
    draft.setUser(user);
    draft.setPassword(password);
    draft.setHost(host);
    draft.setPort(port);
    draft.setDatabase(database);
    draft.setOptions(optionsFrom(options));
    const DatabaseUrl::ParseResult built = draft.validated();
    QVERIFY2(built.ok(), qPrintable(built.error.message));
    QCOMPARE(built.url.host(), expectedHost);

    const QString text = built.url.toString();
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    QCOMPARE(parsed.url.scheme(), scheme);
    QCOMPARE(parsed.url.user(), user);
    QCOMPARE(parsed.url.password(), password.isNull() ? QString() : password);
    QCOMPARE(parsed.url.host(), expectedHost);
    QCOMPARE(parsed.url.port(), port == 0 ? 3306 : port);
    QCOMPARE(parsed.url.database(), database);
    QCOMPARE(parsed.url.options(), optionsFrom(options));
    QVERIFY(parsed.url == built.url);
    // Building is a fixed point: the parsed URL writes the same text again.
    QCOMPARE(parsed.url.toString(), text);

    const QString redacted = built.url.redacted();
    if (!password.isEmpty()) {
        QVERIFY(!redacted.contains(password));
        QVERIFY(!redacted.contains(UrlPercentEncoding::encodeComponent(password)));
        QVERIFY(redacted.contains(DatabaseUrl::passwordMask()));
        const DatabaseUrl::ParseResult reparsed = DatabaseUrl::parse(redacted);
        QVERIFY2(reparsed.ok(), qPrintable(reparsed.error.message));
        QCOMPARE(reparsed.url.password(), DatabaseUrl::passwordMask());
        QCOMPARE(reparsed.url.user(), user);
    } else {
        QCOMPARE(redacted, text);
    }
}

void TestDatabaseUrl::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("rebuilt");

    const QString clearDb = QStringLiteral("mysql://b6f1c2d3e4a5f6:1a2b3c4d@us-cdbr-east-06.cleardb.net/"
                                           "heroku_0123456789abcde?reconnect=true");
    QTest::newRow("cleardb url") << clearDb << kClearDbUser << QStringLiteral("1a2b3c4d") << kClearDbHost
                                 << 3306 << kClearDbName
                                 << QStringList{QStringLiteral("reconnect"), QStringLiteral("true")}
                                 << clearDb;
    QTest::newRow("surrounding whitespace")
        << QStringLiteral("  mysql://u@h/db \n") << QStringLiteral("u") << QString() << QStringLiteral("h")
        << 3306 << QStringLiteral("db") << QStringList() << QStringLiteral("mysql://u@h/db");
    QTest::newRow("upper-case scheme")
        << QStringLiteral("MYSQL://u@H/db") << QStringLiteral("u") << QString() << QStringLiteral("h") << 3306
        << QStringLiteral("db") << QStringList() << QStringLiteral("mysql://u@h/db");
    QTest::newRow("empty password written without colon")
        << QStringLiteral("mysql://u:@h/db") << QStringLiteral("u") << QString() << QStringLiteral("h")
        << 3306 << QStringLiteral("db") << QStringList() << QStringLiteral("mysql://u@h/db");
    QTest::newRow("raw colon in password")
        << QStringLiteral("mysql://u:p:w@h/db") << QStringLiteral("u") << QStringLiteral("p:w")
        << QStringLiteral("h") << 3306 << QStringLiteral("db") << QStringList()
        << QStringLiteral("mysql://u:p%3Aw@h/db");
    QTest::newRow("encoded at") << QStringLiteral("mysql://u:p%40ss@h/db") << QStringLiteral("u")
                                << QStringLiteral("p@ss") << QStringLiteral("h") << 3306
                                << QStringLiteral("db") << QStringList()
                                << QStringLiteral("mysql://u:p%40ss@h/db");
    QTest::newRow("no path") << QStringLiteral("mysql://h") << QString() << QString() << QStringLiteral("h")
                             << 3306 << QString() << QStringList() << QStringLiteral("mysql://h/");
    QTest::newRow("root path") << QStringLiteral("mysql://h/") << QString() << QString()
                               << QStringLiteral("h") << 3306 << QString() << QStringList()
                               << QStringLiteral("mysql://h/");
    QTest::newRow("empty port means default")
        << QStringLiteral("mysql://h:/db") << QString() << QString() << QStringLiteral("h") << 3306
        << QStringLiteral("db") << QStringList() << QStringLiteral("mysql://h/db");
    QTest::newRow("ipv6 with port") << QStringLiteral("mysql://u:p@[::1]:3307/db") << QStringLiteral("u")
                                    << QStringLiteral("p") << QStringLiteral("::1") << 3307
                                    << QStringLiteral("db") << QStringList()
                                    << QStringLiteral("mysql://u:p@[::1]:3307/db");
    QTest::newRow("empty query") << QStringLiteral("mysql://h/db?") << QString() << QString()
                                 << QStringLiteral("h") << 3306 << QStringLiteral("db") << QStringList()
                                 << QStringLiteral("mysql://h/db");
    QTest::newRow("empty pairs skipped")
        << QStringLiteral("mysql://h/db?&a=1&&b=2&") << QString() << QString() << QStringLiteral("h") << 3306
        << QStringLiteral("db")
        << QStringList{QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("b"), QStringLiteral("2")}
        << QStringLiteral("mysql://h/db?a=1&b=2");
    QTest::newRow("key without value")
        << QStringLiteral("mysql://h/db?reconnect") << QString() << QString() << QStringLiteral("h") << 3306
        << QStringLiteral("db") << QStringList{QStringLiteral("reconnect"), QString()}
        << QStringLiteral("mysql://h/db?reconnect=");
    QTest::newRow("plus is space in query")
        << QStringLiteral("mysql://h/db?x=a+b%2Bc") << QString() << QString() << QStringLiteral("h") << 3306
        << QStringLiteral("db") << QStringList{QStringLiteral("x"), QStringLiteral("a b+c")}
        << QStringLiteral("mysql://h/db?x=a%20b%2Bc");
    QTest::newRow("plus kept in password")
        << QStringLiteral("mysql://u:a+b@h/db") << QStringLiteral("u") << QStringLiteral("a+b")
        << QStringLiteral("h") << 3306 << QStringLiteral("db") << QStringList()
        << QStringLiteral("mysql://u:a%2Bb@h/db");
}

void TestDatabaseUrl::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QStringList, options);
    QFETCH(QString, rebuilt);

    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    QCOMPARE(parsed.url.user(), user);
    QCOMPARE(parsed.url.password(), password);
    QCOMPARE(parsed.url.host(), host);
    QCOMPARE(parsed.url.port(), port);
    QCOMPARE(parsed.url.database(), database);
    QCOMPARE(parsed.url.options(), optionsFrom(options));
    QCOMPARE(parsed.url.toString(), rebuilt);
}

void TestDatabaseUrl::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("part");
    QTest::addColumn<QString>("mentions");

    auto row = [](const char *name, const char *text, Part part, const char *mentions = "") {
        QTest::newRow(name) << QString::fromUtf8(text) << static_cast<int>(part)
                            << QString::fromUtf8(mentions);
    };
    // Every URL carries the password "s3cr3tpw" (or the part of it named in the text) so that a leak
    // into the message is caught below.
    row("empty", "", Part::Scheme, "mysql://");
    row("postgres scheme", "postgres://u:s3cr3tpw@h/db", Part::Scheme, "'postgres'");
    row("http scheme", "https://u:s3cr3tpw@h/db", Part::Scheme, "mysql2://");
    row("no scheme", "//u:s3cr3tpw@h/db", Part::Scheme);
    row("missing slashes", "mysql:u:s3cr3tpw@h/db", Part::Host, "//");
    row("no scheme, password first", "s3cr3tpw:x@h/db", Part::Scheme, "mysql://");
    row("no scheme, user and password", "u:s3cr3tpw@h/db", Part::Scheme, "missing");
    row("port 0", "mysql://u:s3cr3tpw@h:0/db", Part::Port, "3306");
    row("port 65536", "mysql://u:s3cr3tpw@h:65536/db", Part::Port, "65535");
    row("port abc", "mysql://u:s3cr3tpw@h:abc/db", Part::Port, "65535");
    row("port negative", "mysql://u:s3cr3tpw@h:-1/db", Part::Port);
    row("raw @ in password", "mysql://u:s3cr@3tpw@h/db", Part::Password, "%40");
    row("raw # in password", "mysql://u:s3cr#3tpw@h/db", Part::Password, "%23");
    row("raw / in password", "mysql://u:s3cr/3tpw@h/db", Part::Password, "%2F");
    row("raw / in digit password", "mysql://u:1234/3tpw@h/db", Part::Password, "%2F");
    row("raw ? in digit password", "mysql://u:1234?3tpw@h/db", Part::Password, "%3F");
    row("raw @ in user", "mysql://us@er:s3cr3tpw@h/db", Part::User, "%40");
    row("broken escape in password", "mysql://u:s3cr%ZZ3tpw@h/db", Part::Password, "%25");
    row("invalid utf-8 in password", "mysql://u:s3cr%FF3tpw@h/db", Part::Password, "UTF-8");
    row("raw space in password", "mysql://u:s3cr 3tpw@h/db", Part::Password);
    row("broken escape in user", "mysql://u%G1:s3cr3tpw@h/db", Part::User);
    row("password without user", "mysql://:s3cr3tpw@h/db", Part::User);
    row("missing host", "mysql://u:s3cr3tpw@/db", Part::Host);
    row("missing host no credentials", "mysql:///db", Part::Host);
    row("unclosed ipv6", "mysql://u:s3cr3tpw@[::1/db", Part::Host, "[2001:db8::1]");
    row("ipv6 zone", "mysql://u:s3cr3tpw@[fe80::1%25eth0]/db", Part::Host, "zone");
    row("space in host", "mysql://u:s3cr3tpw@ho st/db", Part::Host);
    row("trailing slash", "mysql://u:s3cr3tpw@h/db/", Part::Database, "%2F");
    row("two path segments", "mysql://u:s3cr3tpw@h/a/b", Part::Database, "%2F");
    row("broken escape in database", "mysql://u:s3cr3tpw@h/d%ZZ", Part::Database);
    row("fragment after database", "mysql://u:s3cr3tpw@h/db#frag", Part::Database, "%23");
    row("fragment after options", "mysql://u:s3cr3tpw@h/db?a=1#x", Part::Option, "%23");
    row("option without name", "mysql://u:s3cr3tpw@h/db?=x", Part::Option);
    row("broken escape in option", "mysql://u:s3cr3tpw@h/db?a=%ZZ", Part::Option);
}

void TestDatabaseUrl::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, part);
    QFETCH(QString, mentions);

    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(static_cast<int>(parsed.error.part), part);
    const QString message = parsed.error.message;
    QVERIFY2(message.startsWith(DatabaseUrlError::partName(parsed.error.part) + QStringLiteral(": ")),
             qPrintable(message));
    QVERIFY2(message.contains(mentions), qPrintable(message));
    // Neither the password nor any 4-character piece of it may show up.
    const QString secret = QStringLiteral("s3cr3tpw");
    for (qsizetype i = 0; i + 4 <= secret.size(); ++i)
        QVERIFY2(!message.contains(secret.mid(i, 4)), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("3tpw")));
    QVERIFY(!message.contains(QLatin1Char('\n')));
}

void TestDatabaseUrl::builderErrors_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("optionKey");
    QTest::addColumn<int>("part");

    QTest::newRow("postgres") << QStringLiteral("postgres") << QStringLiteral("u") << QStringLiteral("h") << 0
                              << QStringLiteral("k") << static_cast<int>(Part::Scheme);
    QTest::newRow("no host") << QStringLiteral("mysql") << QStringLiteral("u") << QString() << 0
                             << QStringLiteral("k") << static_cast<int>(Part::Host);
    QTest::newRow("host with slash") << QStringLiteral("mysql") << QStringLiteral("u")
                                     << QStringLiteral("h/x") << 0 << QStringLiteral("k")
                                     << static_cast<int>(Part::Host);
    QTest::newRow("host with at") << QStringLiteral("mysql") << QStringLiteral("u") << QStringLiteral("u@h")
                                  << 0 << QStringLiteral("k") << static_cast<int>(Part::Host);
    QTest::newRow("port 65536") << QStringLiteral("mysql") << QStringLiteral("u") << QStringLiteral("h")
                                << 65536 << QStringLiteral("k") << static_cast<int>(Part::Port);
    QTest::newRow("port negative") << QStringLiteral("mysql") << QStringLiteral("u") << QStringLiteral("h")
                                   << -5 << QStringLiteral("k") << static_cast<int>(Part::Port);
    QTest::newRow("empty option key") << QStringLiteral("mysql") << QStringLiteral("u") << QStringLiteral("h")
                                      << 0 << QString() << static_cast<int>(Part::Option);
    QTest::newRow("password without user") << QStringLiteral("mysql") << QString() << QStringLiteral("h") << 0
                                           << QStringLiteral("k") << static_cast<int>(Part::User);
}

void TestDatabaseUrl::builderErrors()
{
    QFETCH(QString, scheme);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, optionKey);
    QFETCH(int, part);

    DatabaseUrl draft;
    draft.setScheme(scheme);
    draft.setUser(user);
    draft.setPassword(QStringLiteral("s3cr3tpw"));
    draft.setHost(host);
    draft.setPort(port);
    draft.addOption(optionKey, QStringLiteral("v"));
    const DatabaseUrl::ParseResult result = draft.validated();
    QVERIFY(!result.ok());
    QCOMPARE(static_cast<int>(result.error.part), part);
    QVERIFY(!result.error.message.contains(QStringLiteral("s3cr3tpw")));
}

void TestDatabaseUrl::optionLookupLastWins()
{
    const auto parsed =
        DatabaseUrl::parse(QStringLiteral("mysql://h/db?sslca=/a.pem&reconnect=true&ssl-ca=/b.pem"
                                          "&charset=utf8&reconnect=false"));
    QVERIFY(parsed.ok());
    DatabaseUrl url = parsed.url;
    QCOMPARE(url.option(UrlOptionTable::SslCa), QStringLiteral("/b.pem"));
    QCOMPARE(url.option(UrlOptionTable::Reconnect), QStringLiteral("false"));
    QVERIFY(url.option(UrlOptionTable::SslKey).isNull());
    QVERIFY(!url.hasOption(UrlOptionTable::SslKey));
    url.removeOptions(UrlOptionTable::Reconnect);
    QCOMPARE(url.toString(), QStringLiteral("mysql://h/db?sslca=/a.pem&ssl-ca=/b.pem&charset=utf8"));
    // An option given without a value is present with an empty (not null) value.
    const auto bare = DatabaseUrl::parse(QStringLiteral("mysql://h/db?reconnect"));
    QVERIFY(bare.url.hasOption(UrlOptionTable::Reconnect));
    QVERIFY(!bare.url.option(UrlOptionTable::Reconnect).isNull());
}

void TestDatabaseUrl::optionAliasesMapToOneKey_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<int>("key");
    const QList<QPair<const char *, UrlOptionTable::Key>> rows = {
        {"ssl-ca", UrlOptionTable::SslCa},
        {"sslca", UrlOptionTable::SslCa},
        {"ssl_ca", UrlOptionTable::SslCa},
        {"SSL_CA", UrlOptionTable::SslCa},
        {"ssl-cert", UrlOptionTable::SslCert},
        {"sslcert", UrlOptionTable::SslCert},
        {"ssl_key", UrlOptionTable::SslKey},
        {"ssl-mode", UrlOptionTable::SslMode},
        {"ssl_mode", UrlOptionTable::SslMode},
        {"sslMode", UrlOptionTable::SslMode},
        {"ssl-verify-server-cert", UrlOptionTable::SslVerifyServerCert},
        {"sslverify", UrlOptionTable::SslVerifyServerCert},
        {"ssl_check_hostname", UrlOptionTable::SslVerifyServerCert},
        {"charset", UrlOptionTable::Charset},
        {"encoding", UrlOptionTable::Charset},
        {"reconnect", UrlOptionTable::Reconnect},
        {"autoReconnect", UrlOptionTable::Reconnect},
        {"MYSQL_OPT_RECONNECT", UrlOptionTable::Reconnect},
        {"connect_timeout", UrlOptionTable::Unknown},
    };
    for (const auto &row : rows)
        QTest::newRow(row.first) << QString::fromLatin1(row.first) << static_cast<int>(row.second);
}

void TestDatabaseUrl::optionAliasesMapToOneKey()
{
    QFETCH(QString, spelling);
    QFETCH(int, key);
    QCOMPARE(static_cast<int>(UrlOptionTable::keyFor(spelling)), key);
    // Each framework's written spelling reads back as the same key.
    const auto k = static_cast<UrlOptionTable::Key>(key);
    QList<Framework::Id> frameworks = Framework::snippetFrameworks();
    frameworks << Framework::Generic;
    for (Framework::Id framework : frameworks) {
        const QString written = UrlOptionTable::spellingFor(k, framework);
        if (!written.isEmpty())
            QCOMPARE(static_cast<int>(UrlOptionTable::keyFor(written)), key);
    }
}

void TestDatabaseUrl::redactionDependsOnlyOnPresence()
{
    DatabaseUrl a;
    a.setUser(QStringLiteral("u"));
    a.setHost(QStringLiteral("h"));
    a.setDatabase(QStringLiteral("db"));
    DatabaseUrl b = a;
    a.setPassword(QStringLiteral("x"));
    b.setPassword(QStringLiteral("a much longer password with @ and %"));
    QCOMPARE(a.redacted(), b.redacted());
    QCOMPARE(a.redacted(), QStringLiteral("mysql://u:%1@h/db").arg(DatabaseUrl::passwordMask()));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
