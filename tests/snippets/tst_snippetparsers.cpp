// SPDX-License-Identifier: MIT
// Generated snippets fed to the real parsers (dj_database_url, SQLAlchemy's make_url and engine,
// PyYAML for database.yml, npm mysql2's parseUrl and createPool): for hostile users, passwords,
// database names and hosts, the parser must read back exactly the parts we put in.
#include "dburl/FrameworkSnippet.h"
#include "dburl/UrlPercentEncoding.h"

#include "TestConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

namespace {

const QString kEnvVar = QStringLiteral("DB_PASSWORD");

QString data(const char *name)
{
    return QStringLiteral(CLEARDB_TEST_DATA_DIR "/dburl/") + QString::fromLatin1(name);
}

// Runs a probe script with a JSON request on stdin; returns its JSON answer, or why there is none.
Result<QJsonObject> runProbe(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                             const QJsonObject &request)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    if (!process.waitForStarted(30000))
        return makeError(Error::Kind::Io, program + QStringLiteral(" did not start"));
    process.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return makeError(Error::Kind::Remote, program + QStringLiteral(" failed"),
                         QString::fromUtf8(process.readAllStandardError()).right(2000));
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// The answer, or an empty object after a warning naming the probe and why it failed.
QJsonObject answerOf(const Result<QJsonObject> &answer, const char *probe, const QString &mode)
{
    if (answer)
        return answer.value();
    qWarning("%s probe (%s) failed: %s", probe, qPrintable(mode), qPrintable(answer.error().oneLine()));
    return {};
}

} // namespace

class TestSnippetParsers : public QObject
{
    Q_OBJECT

private:
    QString m_python;
    QString m_node;

    // `databaseUrl`: the DATABASE_URL config var the app sees (what Assign or Promote set).
    QJsonObject python(const QString &mode, const QString &text, const QString &password = QString(),
                       const QString &databaseUrl = QString())
    {
        QJsonObject env{{kEnvVar, password}};
        if (!databaseUrl.isEmpty())
            env.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
        return answerOf(runProbe(m_python, {QStringLiteral(CLEARDB_SNIPPET_PROBES "/python_probe.py")},
                                 QProcessEnvironment::systemEnvironment(),
                                 {{QStringLiteral("mode"), mode},
                                  {QStringLiteral("text"), text},
                                  {QStringLiteral("env"), env}}),
                        "python", mode);
    }
    QJsonObject node(const QString &mode, const QString &text, const QString &password = QString())
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), QStringLiteral(CLEARDB_SNIPPET_NODE_MODULES));
        return answerOf(runProbe(m_node, {QStringLiteral(CLEARDB_SNIPPET_PROBES "/node_probe.js")}, env,
                                 {{QStringLiteral("mode"), mode},
                                  {QStringLiteral("text"), text},
                                  {QStringLiteral("env"), QJsonObject{{kEnvVar, password}}}}),
                        "node", mode);
    }
    static DatabaseUrl urlFromRow();
    static FrameworkSnippet snippet(const DatabaseUrl &url, Framework::Id framework, bool reveal)
    {
        FrameworkSnippet::Options options;
        options.reveal = reveal;
        return FrameworkSnippet::generate(url, framework, options);
    }
    void requirePython();
    void requireNode();

private Q_SLOTS:
    void initTestCase();
    void hostile_data();
    void django_data() { hostile_data(); }
    void django();
    void sqlAlchemy_data() { hostile_data(); }
    void sqlAlchemy();
    void node_data() { hostile_data(); }
    void node();
    void rails_data() { hostile_data(); }
    void rails();
    void hiddenPasswordNeverInSnippet_data() { hostile_data(); }
    void hiddenPasswordNeverInSnippet();
    void tlsOptionsReachTheDrivers();
};

void TestSnippetParsers::initTestCase()
{
    // The Debian interpreter carries the python3-* packages; a pyenv/venv python3 earlier in PATH
    // may not, so the first candidate that imports all three parsers wins.
    QStringList candidates;
    if (qEnvironmentVariableIsSet("CLEARDB_PYTHON"))
        candidates << qEnvironmentVariable("CLEARDB_PYTHON");
    candidates << QStringLiteral("/usr/bin/python3")
               << QStandardPaths::findExecutable(QStringLiteral("python3"));
    for (const QString &candidate : candidates) {
        if (candidate.isEmpty() || !QFileInfo(candidate).isExecutable())
            continue;
        if (m_python.isEmpty())
            m_python = candidate; // an interpreter exists: from here on a missing module is a failure
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"),
                                QStringLiteral("import dj_database_url, sqlalchemy, pymysql, yaml")});
        if (probe.waitForFinished(60000) && probe.exitCode() == 0) {
            m_python = candidate;
            break;
        }
    }
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
}

void TestSnippetParsers::requirePython()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed (scripts/setup.sh installs it)");
}

void TestSnippetParsers::requireNode()
{
    if (m_node.isEmpty())
        QSKIP("node is not installed (scripts/setup.sh installs nodejs)");
    QVERIFY2(QFileInfo::exists(QStringLiteral(CLEARDB_SNIPPET_NODE_MODULES "/mysql2/package.json")),
             "mysql2 is missing from the build tree: run the snippets_npm_ci test (ctest -R snippets) first");
}

void TestSnippetParsers::hostile_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    const QString u = QStringLiteral("b6f1c2d3e4a5f6");
    const QString d = QStringLiteral("heroku_0123456789abcde");
    const QString h = QStringLiteral("us-cdbr-east-06.cleardb.net");
    QTest::newRow("cleardb") << u << QStringLiteral("1a2b3c4d") << d << h << 0;
    QTest::newRow("at signs") << u << QStringLiteral("p@ss@word") << d << h << 0;
    QTest::newRow("colon") << u << QStringLiteral("pa:ss") << d << h << 0;
    QTest::newRow("slash") << u << QStringLiteral("pa/ss/") << d << h << 0;
    QTest::newRow("question") << u << QStringLiteral("pa?ss") << d << h << 0;
    QTest::newRow("hash") << u << QStringLiteral("pa#ss") << d << h << 0;
    QTest::newRow("brackets") << u << QStringLiteral("[pass]") << d << h << 0;
    QTest::newRow("percent") << u << QStringLiteral("100%") << d << h << 0;
    QTest::newRow("percent escapes") << u << QStringLiteral("%25%41%zz") << d << h << 0;
    QTest::newRow("spaces") << u << QStringLiteral(" spa ce ") << d << h << 0;
    QTest::newRow("plus") << u << QStringLiteral("pa+ss") << d << h << 0;
    QTest::newRow("form chars") << u << QStringLiteral("a&b=c;d") << d << h << 0;
    QTest::newRow("quotes") << u << QStringLiteral("q'\"\\`$x{y}") << d << h << 0;
    QTest::newRow("unicode") << u << QStringLiteral("pässwörd") << d << h << 0;
    QTest::newRow("emoji cjk") << u << QStringLiteral("🔑密码") << d << h << 0;
    QTest::newRow("control") << u << QStringLiteral("tab\tnl\nend") << d << h << 0;
    QTest::newRow("every reserved") << u << QStringLiteral("@:/?#[]%+&=!$'()*,;") << d << h << 0;
    QTest::newRow("empty password") << u << QString() << d << h << 0;
    QTest::newRow("user reserved") << QStringLiteral("us@er:x/y") << QStringLiteral("pw12") << d << h << 0;
    QTest::newRow("user unicode") << QStringLiteral("jürgen") << QStringLiteral("pw12") << d << h << 0;
    QTest::newRow("database space") << u << QStringLiteral("pw12") << QStringLiteral("my db") << h << 0;
    QTest::newRow("database reserved") << u << QStringLiteral("pw12") << QStringLiteral("d@b#x+y") << h << 0;
    QTest::newRow("database unicode") << u << QStringLiteral("pw12") << QStringLiteral("データ") << h << 0;
    QTest::newRow("ipv4 port") << u << QStringLiteral("p@ss") << d << QStringLiteral("10.0.0.7") << 3307;
    QTest::newRow("ipv6 port") << u << QStringLiteral("p@ss") << d << QStringLiteral("::1") << 3307;
    QTest::newRow("ipv6 no port") << u << QStringLiteral("p#ss") << d << QStringLiteral("2001:db8::42") << 0;
}

DatabaseUrl TestSnippetParsers::urlFromRow()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, database);
    QFETCH(QString, host);
    QFETCH(int, port);
    DatabaseUrl url;
    url.setUser(user);
    url.setPassword(password);
    url.setDatabase(database);
    url.setHost(host);
    url.setPort(port);
    url.addOption(QStringLiteral("reconnect"), QStringLiteral("true"));
    const DatabaseUrl::ParseResult result = url.validated();
    return result.url;
}

void TestSnippetParsers::django()
{
    requirePython();
    const DatabaseUrl url = urlFromRow();
    QVERIFY(!url.host().isEmpty());
    const QString port = url.hasExplicitPort() ? QString::number(url.port()) : QString();
    auto check = [&](const QJsonObject &got, const QString &expectedPort) {
        QCOMPARE(got.value(QStringLiteral("NAME")).toString(), url.database());
        QCOMPARE(got.value(QStringLiteral("USER")).toString(), url.user());
        QCOMPARE(got.value(QStringLiteral("PASSWORD")).toString(), url.password());
        QCOMPARE(got.value(QStringLiteral("HOST")).toString(), url.host());
        QCOMPARE(got.value(QStringLiteral("PORT")).toString(), expectedPort);
        QCOMPARE(got.value(QStringLiteral("ENGINE")).toString(), QStringLiteral("django.db.backends.mysql"));
        // MySQLdb rejects `reconnect`: it must not reach OPTIONS.
        QVERIFY(!got.value(QStringLiteral("OPTIONS")).toObject().contains(QStringLiteral("reconnect")));
    };
    const FrameworkSnippet revealed = snippet(url, Framework::Django, true);
    QCOMPARE(revealed.variants.size(), 2);
    check(python(QStringLiteral("dj_parse"), revealed.connectionString), port);
    // The first variant reads DATABASE_URL as Heroku has it: the URL itself, reconnect=true included.
    check(python(QStringLiteral("exec_django"), revealed.variants.at(0).code, QString(), url.toString()),
          port);
    check(python(QStringLiteral("exec_django"), revealed.variants.at(1).code), QString::number(url.port()));
    // The default snippet reads the password from the environment and must reach the same result.
    const FrameworkSnippet hidden = snippet(url, Framework::Django, false);
    check(python(QStringLiteral("exec_django"), hidden.variants.at(0).code, QString(), url.toString()), port);
    check(python(QStringLiteral("exec_django"), hidden.variants.at(1).code, url.password()),
          QString::number(url.port()));
}

void TestSnippetParsers::sqlAlchemy()
{
    requirePython();
    const DatabaseUrl url = urlFromRow();
    for (Framework::Id framework : {Framework::SqlAlchemyPyMySql, Framework::SqlAlchemyMySqlDb}) {
        const FrameworkSnippet revealed = snippet(url, framework, true);
        const QJsonObject got = python(QStringLiteral("make_url"), revealed.connectionString);
        QCOMPARE(got.value(QStringLiteral("drivername")).toString(), framework == Framework::SqlAlchemyPyMySql
                                                                         ? QStringLiteral("mysql+pymysql")
                                                                         : QStringLiteral("mysql+mysqldb"));
        QCOMPARE(got.value(QStringLiteral("username")).toString(), url.user());
        QCOMPARE(got.value(QStringLiteral("password")).toString(), url.password());
        QCOMPARE(got.value(QStringLiteral("host")).toString(), url.host());
        QCOMPARE(got.value(QStringLiteral("database")).toString(), url.database());
        QCOMPARE(got.value(QStringLiteral("port")).toInt(url.port()), url.port());
        QVERIFY(!got.value(QStringLiteral("query")).toObject().contains(QStringLiteral("reconnect")));
    }
    // create_engine() needs the driver module: PyMySQL is the one Debian ships with SQLAlchemy here.
    for (bool reveal : {true, false}) {
        const FrameworkSnippet s = snippet(url, Framework::SqlAlchemyPyMySql, reveal);
        const QJsonObject got =
            python(QStringLiteral("exec_sqlalchemy"), s.variants.at(0).code, url.password());
        QCOMPARE(got.value(QStringLiteral("username")).toString(), url.user());
        QCOMPARE(got.value(QStringLiteral("password")).toString(), url.password());
        QCOMPARE(got.value(QStringLiteral("host")).toString(), url.host());
        QCOMPARE(got.value(QStringLiteral("database")).toString(), url.database());
        QCOMPARE(got.value(QStringLiteral("port")).toInt(url.port()), url.port());
    }
}

void TestSnippetParsers::node()
{
    requireNode();
    const DatabaseUrl url = urlFromRow();
    auto check = [&](const QJsonObject &got) {
        QCOMPARE(got.value(QStringLiteral("host")).toString(), url.host());
        QCOMPARE(got.value(QStringLiteral("port")).toInt(), url.port());
        QCOMPARE(got.value(QStringLiteral("user")).toString(), url.user());
        // mysql2 stores an empty password as undefined.
        QCOMPARE(got.value(QStringLiteral("password")).toString(), url.password());
        QCOMPARE(got.value(QStringLiteral("database")).toString(), url.database());
    };
    for (bool reveal : {true, false}) {
        const FrameworkSnippet s = snippet(url, Framework::Node, reveal);
        check(node(QStringLiteral("exec"), s.variants.at(0).code, url.password()));
        if (url.isIpv6Host()) {
            QCOMPARE(s.variants.size(), 1); // mysql2's URI parser would keep the brackets
            continue;
        }
        QCOMPARE(s.variants.size(), 2);
        check(node(QStringLiteral("exec"), s.variants.at(1).code, url.password()));
        if (reveal) {
            const QJsonObject parsed = node(QStringLiteral("parse_uri"), s.connectionString);
            check(parsed);
            QVERIFY(!parsed.value(QStringLiteral("keys")).toArray().contains(QStringLiteral("reconnect")));
        }
    }
}

void TestSnippetParsers::rails()
{
    requirePython();
    const DatabaseUrl url = urlFromRow();
    const FrameworkSnippet s = snippet(url, Framework::Rails, true);
    QVERIFY(s.connectionString.startsWith(QStringLiteral("mysql2://")));
    // The first variant is DATABASE_URL itself, with the scheme mysql2 needs.
    const QJsonObject fromEnv =
        python(QStringLiteral("yaml"), s.variants.at(0).code).value(QStringLiteral("production")).toObject();
    QCOMPARE(fromEnv.value(QStringLiteral("url")).toString(),
             QStringLiteral("<%= ENV.fetch(\"DATABASE_URL\").sub(/\\Amysql:/, \"mysql2:\") %>"));
    const QJsonObject yml = python(QStringLiteral("yaml"), s.variants.at(1).code);
    const QJsonObject production = yml.value(QStringLiteral("production")).toObject();
    QCOMPARE(production.value(QStringLiteral("adapter")).toString(), QStringLiteral("mysql2"));
    QCOMPARE(production.value(QStringLiteral("host")).toString(), url.host());
    QCOMPARE(production.value(QStringLiteral("port")).toInt(), url.port());
    QCOMPARE(production.value(QStringLiteral("username")).toString(), url.user());
    QCOMPARE(production.value(QStringLiteral("password")).toString(), url.password());
    QCOMPARE(production.value(QStringLiteral("database")).toString(), url.database());
    QCOMPARE(production.value(QStringLiteral("reconnect")).toBool(), true);
    // dj-database-url also registers mysql2://; it reads the Rails URL like Ruby's URI would.
    const QJsonObject parsed = python(QStringLiteral("dj_parse"), s.connectionString);
    QCOMPARE(parsed.value(QStringLiteral("USER")).toString(), url.user());
    QCOMPARE(parsed.value(QStringLiteral("PASSWORD")).toString(), url.password());
    QCOMPARE(parsed.value(QStringLiteral("NAME")).toString(), url.database());
    QCOMPARE(parsed.value(QStringLiteral("HOST")).toString(), url.host());
}

void TestSnippetParsers::hiddenPasswordNeverInSnippet()
{
    const DatabaseUrl url = urlFromRow();
    if (url.password().size() < 4)
        return; // too short to tell apart from ordinary snippet text ("100%" and up are checked)
    for (Framework::Id framework : Framework::snippetFrameworks()) {
        const FrameworkSnippet s = snippet(url, framework, false);
        const QString text = s.text() + s.connectionString;
        QVERIFY2(!text.contains(url.password()), qPrintable(Framework::name(framework)));
        QVERIFY2(!text.contains(UrlPercentEncoding::encodeComponent(url.password())),
                 qPrintable(Framework::name(framework)));
        QVERIFY2(text.contains(kEnvVar) || framework == Framework::Rails,
                 qPrintable(Framework::name(framework)));
    }
}

void TestSnippetParsers::tlsOptionsReachTheDrivers()
{
    requirePython();
    const auto parsed = DatabaseUrl::parse(
        QStringLiteral("mysql://b6f1c2d3e4a5f6:p%40ss@us-cdbr-east-06.cleardb.net/heroku_0123456789abcde"
                       "?reconnect=true&charset=utf8mb4&sslca=%1&ssl_cert=%2&SSL-KEY=%3")
            .arg(UrlPercentEncoding::encodeQueryValue(data("ca-cert.pem")),
                 UrlPercentEncoding::encodeQueryValue(data("client-cert.pem")),
                 UrlPercentEncoding::encodeQueryValue(data("client-key.pem"))));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    const DatabaseUrl url = parsed.url;
    const QJsonObject ssl{{QStringLiteral("ca"), data("ca-cert.pem")},
                          {QStringLiteral("cert"), data("client-cert.pem")},
                          {QStringLiteral("key"), data("client-key.pem")}};
    const QJsonObject djangoOptions{{QStringLiteral("ssl"), ssl},
                                    {QStringLiteral("charset"), QStringLiteral("utf8mb4")}};
    const FrameworkSnippet django = snippet(url, Framework::Django, true);
    QCOMPARE(python(QStringLiteral("exec_django"), django.variants.at(0).code, QString(), url.toString())
                 .value(QStringLiteral("OPTIONS"))
                 .toObject(),
             djangoOptions);
    QCOMPARE(python(QStringLiteral("exec_django"), django.variants.at(1).code)
                 .value(QStringLiteral("OPTIONS"))
                 .toObject(),
             djangoOptions);
    QVERIFY(!django.notes.isEmpty()); // says why reconnect went

    const QJsonObject query =
        python(QStringLiteral("make_url"), snippet(url, Framework::SqlAlchemyMySqlDb, true).connectionString)
            .value(QStringLiteral("query"))
            .toObject();
    QCOMPARE(query, (QJsonObject{{QStringLiteral("charset"), QStringLiteral("utf8mb4")},
                                 {QStringLiteral("ssl_ca"), data("ca-cert.pem")},
                                 {QStringLiteral("ssl_cert"), data("client-cert.pem")},
                                 {QStringLiteral("ssl_key"), data("client-key.pem")}}));

    const QJsonObject production =
        python(QStringLiteral("yaml"), snippet(url, Framework::Rails, true).variants.at(1).code)
            .value(QStringLiteral("production"))
            .toObject();
    QCOMPARE(production.value(QStringLiteral("sslca")).toString(), data("ca-cert.pem"));
    QCOMPARE(production.value(QStringLiteral("sslkey")).toString(), data("client-key.pem"));
    QCOMPARE(production.value(QStringLiteral("encoding")).toString(), QStringLiteral("utf8mb4"));

    requireNode();
    // createPool reads the files (fs.readFileSync) exactly as the user's app would.
    const QJsonObject pool =
        node(QStringLiteral("exec"), snippet(url, Framework::Node, true).variants.at(0).code);
    const QJsonArray sslKeys = pool.value(QStringLiteral("ssl")).toArray();
    for (const char *key : {"ca", "cert", "key"})
        QVERIFY2(sslKeys.contains(QString::fromLatin1(key)), key);
    QVERIFY(!sslKeys.contains(QStringLiteral("passphrase"))); // this key is not encrypted
    QCOMPARE(pool.value(QStringLiteral("password")).toString(), QStringLiteral("p@ss"));
}

QTEST_GUILESS_MAIN(TestSnippetParsers)
#include "tst_snippetparsers.moc"
