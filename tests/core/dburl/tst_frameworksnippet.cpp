// SPDX-License-Identifier: MIT
// FrameworkSnippet output for the frameworks no parser here can read (JDBC, PHP, Qt), the escaping
// of literals, and the notes that explain each dropped or unsupported option. tests/snippets checks
// Django, SQLAlchemy, Rails and Node against the real parsers.
#include "dburl/FrameworkSnippet.h"
#include "dburl/SnippetLiterals.h"

#include <QtTest>

class TestFrameworkSnippet : public QObject
{
    Q_OBJECT

private:
    static DatabaseUrl url(const QString &text)
    {
        const DatabaseUrl::ParseResult result = DatabaseUrl::parse(text);
        if (!result.ok())
            qFatal("test URL rejected: %s", qPrintable(result.error.message));
        return result.url;
    }
    static FrameworkSnippet make(const QString &text, Framework::Id framework, bool reveal)
    {
        FrameworkSnippet::Options options;
        options.reveal = reveal;
        return FrameworkSnippet::generate(url(text), framework, options);
    }

private Q_SLOTS:
    void literals_data();
    void literals();
    void jdbc();
    void php();
    void qt();
    void frameworkNames();
    void notesExplainDroppedOptions();
    void encryptedKeyNotes();
    void revealOnlyWhenAsked();
    void herokuVariantsReadDatabaseUrlFirst();
};

void TestFrameworkSnippet::literals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("python");
    QTest::addColumn<QString>("javaScript");
    QTest::addColumn<QString>("php");
    QTest::addColumn<QString>("java");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("\"abc\"") << QStringLiteral("'abc'")
                           << QStringLiteral("'abc'") << QStringLiteral("\"abc\"");
    QTest::newRow("quotes backslash") << QStringLiteral("a'b\"c\\") << QStringLiteral("\"a'b\\\"c\\\\\"")
                                      << QStringLiteral("'a\\'b\"c\\\\'") << QStringLiteral("'a\\'b\"c\\\\'")
                                      << QStringLiteral("\"a'b\\\"c\\\\\"");
    QTest::newRow("newline control") << QStringLiteral("a\nb\u0001") << QStringLiteral("\"a\\nb\\x01\"")
                                     << QStringLiteral("'a\\nb\\x01'") << QStringLiteral("'a\nb\u0001'")
                                     << QStringLiteral("\"a\\nb\\001\"");
    QTest::newRow("control before digit")
        << QStringLiteral("\u00017") << QStringLiteral("\"\\x017\"") << QStringLiteral("'\\x017'")
        << QStringLiteral("'\u00017'") << QStringLiteral("\"\\0017\"");
    QTest::newRow("unicode kept") << QStringLiteral("pä🔑") << QStringLiteral("\"pä🔑\"")
                                  << QStringLiteral("'pä🔑'") << QStringLiteral("'pä🔑'")
                                  << QStringLiteral("\"pä🔑\"");
    QTest::newRow("line separator") << QStringLiteral("a\u2028b") << QStringLiteral("\"a\\u2028b\"")
                                    << QStringLiteral("'a\\u2028b'") << QStringLiteral("'a\u2028b'")
                                    << QStringLiteral("\"a\u2028b\"");
}

void TestFrameworkSnippet::literals()
{
    QFETCH(QString, text);
    QFETCH(QString, python);
    QFETCH(QString, javaScript);
    QFETCH(QString, php);
    QFETCH(QString, java);
    QCOMPARE(SnippetLiterals::python(text), python);
    QCOMPARE(SnippetLiterals::javaScript(text), javaScript);
    QCOMPARE(SnippetLiterals::php(text), php);
    QCOMPARE(SnippetLiterals::java(text), java);
    QCOMPARE(SnippetLiterals::cpp(text), QStringLiteral("QStringLiteral(%1)").arg(java));
}

void TestFrameworkSnippet::jdbc()
{
    const FrameworkSnippet s =
        make(QStringLiteral("mysql://u:p%40ss@us-cdbr-east-06.cleardb.net/heroku_abc%20d?reconnect=true"
                            "&charset=utf8mb4&ssl-ca=/etc/ca.pem"),
             Framework::Jdbc, true);
    // With a CA: verify the chain, not the name (ClearDB's certificate name may not match).
    QCOMPARE(s.connectionString,
             QStringLiteral("jdbc:mysql://us-cdbr-east-06.cleardb.net:3306/heroku_abc%20d"
                            "?sslMode=VERIFY_CA&characterEncoding=UTF-8&autoReconnect=true"));
    const QString code = s.variants.at(0).code;
    QVERIFY(code.contains(QStringLiteral("props.setProperty(\"password\", \"p@ss\");")));
    QVERIFY(code.contains(QStringLiteral("keytool -importcert")));
    QVERIFY(code.contains(QStringLiteral("trustCertificateKeyStoreUrl")));
    const FrameworkSnippet ipv6 =
        make(QStringLiteral("mysql://u@[2001:db8::1]:3307/db?ssl-mode=required"), Framework::Jdbc, false);
    QCOMPARE(ipv6.connectionString, QStringLiteral("jdbc:mysql://[2001:db8::1]:3307/db?sslMode=REQUIRED"));
}

void TestFrameworkSnippet::php()
{
    const FrameworkSnippet s =
        make(QStringLiteral("mysql://us%27er:p%27w@h/heroku_x?charset=utf8mb4&sslca=/ca.pem"
                            "&ssl-verify-server-cert=false"),
             Framework::Php, true);
    QCOMPARE(s.connectionString, QStringLiteral("mysql:host=h;port=3306;dbname=heroku_x;charset=utf8mb4"));
    const QString code = s.variants.at(0).code;
    QVERIFY(code.contains(QStringLiteral("new PDO($dsn, 'us\\'er', 'p\\'w', [")));
    QVERIFY(code.contains(QStringLiteral("PDO::MYSQL_ATTR_SSL_CA => '/ca.pem'")));
    QVERIFY(code.contains(QStringLiteral("PDO::MYSQL_ATTR_SSL_VERIFY_SERVER_CERT => false")));
    QVERIFY(make(QStringLiteral("mysql://u@h/a%3Bb"), Framework::Php, false)
                .notes.join(QString())
                .contains(QStringLiteral("';'")));
    QVERIFY(make(QStringLiteral("mysql://u:pw@h/db"), Framework::Php, false)
                .variants.at(0)
                .code.contains(QStringLiteral("getenv('DB_PASSWORD')")));
}

void TestFrameworkSnippet::qt()
{
    const FrameworkSnippet s = make(QStringLiteral("mysql://u:p%22w@h:3307/db?ssl-ca=/ca.pem&sslcert=/c.pem"
                                                   "&ssl_key=/k.pem&reconnect=true"),
                                    Framework::QtSql, true);
    QCOMPARE(s.connectionString,
             QStringLiteral("SSL_CA=/ca.pem;SSL_CERT=/c.pem;SSL_KEY=/k.pem;MYSQL_OPT_RECONNECT=1"));
    const QString code = s.variants.at(0).code;
    QVERIFY(code.contains(QStringLiteral("db.setPassword(QStringLiteral(\"p\\\"w\"));")));
    QVERIFY(code.contains(QStringLiteral("db.setPort(3307);")));
    QVERIFY(code.contains(QStringLiteral("QMYSQL")));
    const FrameworkSnippet hidden = make(QStringLiteral("mysql://u:pw@h/db"), Framework::QtSql, false);
    QVERIFY(hidden.variants.at(0).code.contains(QStringLiteral("qEnvironmentVariable(\"DB_PASSWORD\")")));
    QVERIFY(hidden.connectionString.isEmpty());
}

void TestFrameworkSnippet::frameworkNames()
{
    for (Framework::Id id : Framework::snippetFrameworks()) {
        Framework::Id back = Framework::Generic;
        QVERIFY(Framework::fromName(Framework::name(id).toUpper(), &back));
        QCOMPARE(back, id);
        QVERIFY(!FrameworkSnippet::generate(url(QStringLiteral("mysql://u:pw@h/db")), id).variants.isEmpty());
    }
    Framework::Id unused = Framework::Generic;
    QVERIFY(!Framework::fromName(QStringLiteral("postgres"), &unused));
}

void TestFrameworkSnippet::notesExplainDroppedOptions()
{
    const QString text = QStringLiteral("mysql://u:pw@h/db?reconnect=true&ssl-mode=VERIFY_CA&ssl-ca=/ca.pem");
    QVERIFY(make(text, Framework::Django, false).notes.join(QString()).contains(QStringLiteral("reconnect")));
    const FrameworkSnippet pymysql = make(text, Framework::SqlAlchemyPyMySql, true);
    QVERIFY(!pymysql.connectionString.contains(QStringLiteral("reconnect")));
    QVERIFY(!pymysql.connectionString.contains(QStringLiteral("ssl_mode")));
    QVERIFY(pymysql.notes.join(QString()).contains(QStringLiteral("ssl_check_hostname=false")));
    QVERIFY(make(text, Framework::SqlAlchemyMySqlDb, true)
                .connectionString.contains(QStringLiteral("ssl_mode=VERIFY_CA")));
    QVERIFY(make(text, Framework::Rails, true)
                .connectionString.startsWith(QStringLiteral("mysql2://u:pw@h/db?reconnect=true&ssl_mode=")));
    QVERIFY(make(QStringLiteral("mysql://u@[::1]/db"), Framework::Node, false)
                .notes.join(QString())
                .contains(QStringLiteral("IPv6")));
}

void TestFrameworkSnippet::encryptedKeyNotes()
{
    FrameworkSnippet::Options options;
    options.keyIsEncrypted = true;
    const DatabaseUrl tls = url(QStringLiteral("mysql://u:pw@h/db?ssl-cert=/c.pem&ssl-key=/k.pem"));
    const FrameworkSnippet node = FrameworkSnippet::generate(tls, Framework::Node, options);
    QVERIFY(
        node.variants.at(0).code.contains(QStringLiteral("passphrase: process.env['DB_KEY_PASSPHRASE']")));
    QVERIFY(node.notes.filter(QStringLiteral("password-protected")).isEmpty());
    const FrameworkSnippet django = FrameworkSnippet::generate(tls, Framework::Django, options);
    QVERIFY(!django.notes.filter(QStringLiteral("openssl pkey")).isEmpty());
}

void TestFrameworkSnippet::revealOnlyWhenAsked()
{
    const QString secret = QStringLiteral("Zq9!secret");
    DatabaseUrl u;
    u.setUser(QStringLiteral("u"));
    u.setPassword(secret);
    u.setHost(QStringLiteral("h"));
    u.setDatabase(QStringLiteral("db"));
    for (Framework::Id id : Framework::snippetFrameworks()) {
        FrameworkSnippet::Options options;
        const FrameworkSnippet hidden = FrameworkSnippet::generate(u, id, options);
        QVERIFY2(!QString(hidden.text() + hidden.connectionString).contains(QStringLiteral("secret")),
                 qPrintable(Framework::name(id)));
        options.reveal = true;
        const FrameworkSnippet shown = FrameworkSnippet::generate(u, id, options);
        QVERIFY2(shown.text().contains(QStringLiteral("secret")), qPrintable(Framework::name(id)));
    }
    const FrameworkSnippet generic = FrameworkSnippet::generate(u, Framework::Generic);
    QCOMPARE(generic.connectionString, u.redacted());
}

void TestFrameworkSnippet::herokuVariantsReadDatabaseUrlFirst()
{
    // On Heroku the app reads DATABASE_URL (what Assign and Promote set): the first variant uses it and
    // holds no password at all; the explicit one follows and says where DB_PASSWORD comes from.
    const QString text = QStringLiteral("mysql://u:Secret-pw-12@h/db?reconnect=true");
    const FrameworkSnippet django = make(text, Framework::Django, false);
    QVERIFY(django.variants.size() >= 2);
    const QString djangoFirst = django.variants.at(0).code;
    QVERIFY2(djangoFirst.contains(QStringLiteral("dj_database_url.config(")), qPrintable(djangoFirst));
    QVERIFY2(!djangoFirst.contains(QStringLiteral("DB_PASSWORD")), qPrintable(djangoFirst));
    const QString djangoExplicit = django.variants.at(1).code;
    QVERIFY(djangoExplicit.contains(QStringLiteral("os.environ[\"DB_PASSWORD\"]")));
    QVERIFY2(djangoExplicit.contains(QStringLiteral("heroku config:set DB_PASSWORD=")),
             qPrintable(djangoExplicit));

    const FrameworkSnippet rails = make(text, Framework::Rails, false);
    QVERIFY(rails.variants.size() >= 2);
    const QString railsFirst = rails.variants.at(0).code;
    QVERIFY2(railsFirst.contains(QStringLiteral("url: <%= ENV.fetch(\"DATABASE_URL\")")),
             qPrintable(railsFirst));
    QVERIFY2(!railsFirst.contains(QStringLiteral("DB_PASSWORD")), qPrintable(railsFirst));
    const QString railsExplicit = rails.variants.at(1).code;
    QVERIFY(railsExplicit.contains(QStringLiteral("ENV.fetch(\"DB_PASSWORD\")")));
    QVERIFY2(railsExplicit.contains(QStringLiteral("heroku config:set DB_PASSWORD=")),
             qPrintable(railsExplicit));
    for (const FrameworkSnippet &snippet : {django, rails})
        QVERIFY(!snippet.text().contains(QStringLiteral("Secret-pw-12")));
}

QTEST_GUILESS_MAIN(TestFrameworkSnippet)
#include "tst_frameworksnippet.moc"
