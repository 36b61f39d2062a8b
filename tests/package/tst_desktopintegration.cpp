// SPDX-License-Identifier: MIT
// The files that integrate ClearDB Console with a Linux desktop, checked with the validators the
// distributions and software centres use: desktop-file-validate, appstreamcli, man's own warnings,
// and bash itself for the completion. Also that every file naming a version names the project's.
#include "PackageLayout.h"
#include "TestConfig.h"
#include "ToolRunner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {
QString sourcePath(const QString &relative)
{
    return QStringLiteral(CLEARDB_SOURCE_DIR "/") + relative;
}
QString buildPath(const QString &relative)
{
    return QStringLiteral(CLEARDB_BINARY_DIR "/") + relative;
}
QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private:
    // COMPREPLY of the cleardbctl completion for the command line `line` (cursor at its end), using
    // stand-ins for the two bash-completion helpers the script calls.
    QSet<QString> complete(const QString &line)
    {
        const QString script = QStringLiteral(
            "_init_completion() { words=(\"${COMP_WORDS[@]}\"); cword=$COMP_CWORD; cur=${words[cword]};"
            " prev=${words[cword-1]}; }\n"
            "_filedir() { :; }\n"
            "source \"$1\"\n"
            "read -r -a COMP_WORDS <<< \"$2\"\n"
            "[[ $2 == *' ' ]] && COMP_WORDS+=('')\n"
            "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
            "_cleardbctl\n"
            "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        const ToolRun run =
            ToolRunner::run(QStringLiteral("bash"),
                            {QStringLiteral("-c"), script, QStringLiteral("bash"),
                             sourcePath(QStringLiteral("packaging/completion/cleardbctl.bash")), line});
        if (!run.finished || run.exitCode != 0 || !run.err.isEmpty())
            return {QStringLiteral("<error> ") + run.describe()};
        const QStringList words = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return QSet<QString>(words.begin(), words.end());
    }

    bool hasConsole() const { return PackageLayout::programs().contains(QStringLiteral("cleardb-console")); }

private Q_SLOTS:
    void desktopEntryValidates()
    {
        if (!hasConsole())
            QSKIP("this build has no cleardb-console (CLEARDB_BUILD_GUI=OFF), so no desktop entry");
        const Result<QString> found = ToolRunner::require(QStringLiteral("desktop-file-validate"),
                                                          QStringLiteral("desktop-file-utils"));
        QVERIFY2(found, qPrintable(ToolRunner::failure(found)));
        const QString tool = found.value();
        const QString path = sourcePath(QStringLiteral("packaging/linux/cleardb-console.desktop"));
        const ToolRun run = ToolRunner::run(tool, {path});
        // desktop-file-validate exits 0 on hints too; any line it prints is a finding.
        QVERIFY2(run.finished && run.exitCode == 0 && run.out.trimmed().isEmpty(),
                 qPrintable(run.describe()));

        // The entry must start the installed program and find the installed icon by name.
        const QString entry = readText(path);
        QVERIFY(entry.contains(QStringLiteral("\nExec=cleardb-console\n")));
        QVERIFY(entry.contains(QStringLiteral("\nIcon=cleardb-console\n")));
        QVERIFY(entry.contains(QStringLiteral("\nStartupWMClass=cleardb-console\n")));
    }

    void metainfoValidates()
    {
        if (!hasConsole())
            QSKIP("this build has no cleardb-console (CLEARDB_BUILD_GUI=OFF), so no AppStream metainfo");
        const Result<QString> found =
            ToolRunner::require(QStringLiteral("appstreamcli"), QStringLiteral("appstream"));
        QVERIFY2(found, qPrintable(ToolRunner::failure(found)));
        const QString tool = found.value();
        const QString path =
            buildPath(QStringLiteral("packaging/%1.metainfo.xml").arg(PackageLayout::appStreamId()));
        QVERIFY2(QFile::exists(path), qPrintable(path + QStringLiteral(" was not configured")));
        const ToolRun run = ToolRunner::run(tool, {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                                   QStringLiteral("--explain"), path});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.out + run.err));
    }

    void metainfoNamesThisRelease()
    {
        if (!hasConsole())
            QSKIP("this build has no cleardb-console (CLEARDB_BUILD_GUI=OFF), so no AppStream metainfo");
        QFile file(buildPath(QStringLiteral("packaging/%1.metainfo.xml").arg(PackageLayout::appStreamId())));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString firstRelease, launchable, screenshot, id;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto name = xml.name();
            if (name == QLatin1String("release") && firstRelease.isEmpty())
                firstRelease = xml.attributes().value(QLatin1String("version")).toString();
            else if (name == QLatin1String("launchable"))
                launchable = xml.readElementText();
            else if (name == QLatin1String("image") && screenshot.isEmpty())
                screenshot = xml.readElementText();
            else if (name == QLatin1String("id") && id.isEmpty())
                id = xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        // Software centres show the newest <release> as the version on offer: it must be this one.
        QCOMPARE(firstRelease, QStringLiteral(CLEARDB_VERSION));
        QCOMPARE(id, PackageLayout::appStreamId());
        QCOMPARE(launchable, QStringLiteral("cleardb-console.desktop"));
        QVERIFY2(
            screenshot.endsWith(QStringLiteral("/v" CLEARDB_VERSION "/docs/screenshots/main-window.png")),
            qPrintable(screenshot));
    }

    void manPagesRenderCleanly_data()
    {
        QTest::addColumn<QString>("program");
        for (const QString &program : PackageLayout::programs())
            QTest::newRow(qPrintable(program)) << program;
    }
    void manPagesRenderCleanly()
    {
        QFETCH(QString, program);
        const Result<QString> found = ToolRunner::require(QStringLiteral("man"), QStringLiteral("man-db"));
        QVERIFY2(found, qPrintable(ToolRunner::failure(found)));
        const QString man = found.value();
        const QString page = buildPath(QStringLiteral("packaging/%1.1").arg(program));
        const QString gz = page + QStringLiteral(".gz");
        QVERIFY2(QFile::exists(gz),
                 qPrintable(gz + QStringLiteral(" was not built (target cleardb_packaging_docs)")));

        // The same check lintian runs (groff warnings such as bad escapes or lines that cannot be broken).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
        const ToolRun run =
            ToolRunner::run(man,
                            {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"),
                             QStringLiteral("-l"), QStringLiteral("-Tutf8"), QStringLiteral("-Z"), gz},
                            60000, env);
        QVERIFY2(run.finished && run.exitCode == 0 && run.err.isEmpty(), qPrintable(run.describe()));

        const QString roff = readText(page);
        QVERIFY2(roff.contains(QStringLiteral("\"%1 " CLEARDB_VERSION "\"").arg(program)),
                 "the page's title line must carry the project version");
    }

    void ctlManPageCoversTheContract()
    {
        if (!PackageLayout::programs().contains(QStringLiteral("cleardbctl")))
            QSKIP("this build has no cleardbctl");
        const QString roff = readText(buildPath(QStringLiteral("packaging/cleardbctl.1")));
        const QStringList commands = {
            QStringLiteral("apps"),        QStringLiteral("addons"),    QStringLiteral("plans"),
            QStringLiteral("provision"),   QStringLiteral("upgrade"),   QStringLiteral("remove"),
            QStringLiteral("config"),      QStringLiteral("set"),       QStringLiteral("unset"),
            QStringLiteral("promote"),     QStringLiteral("restart"),   QStringLiteral("login"),
            QStringLiteral("logout"),      QStringLiteral("url build"), QStringLiteral("url parse"),
            QStringLiteral("url snippet"), QStringLiteral("probe"),     QStringLiteral("monitor"),
            QStringLiteral("sandbox"),     QStringLiteral("accounts"),  QStringLiteral("db dump"),
            QStringLiteral("db restore"),  QStringLiteral("db verify"), QStringLiteral("db copy")};
        for (const QString &command : commands) {
            // Each command is a bold tag line of its own in COMMANDS: ".B name" or ".BR name ...".
            const QRegularExpression tag(
                QStringLiteral("^\\.BR? %1( |$)").arg(QRegularExpression::escape(command)),
                QRegularExpression::MultilineOption);
            QVERIFY2(tag.match(roff).hasMatch(), qPrintable(QStringLiteral("no entry for ") + command));
        }
        for (const QString &needle : {QStringLiteral("HEROKU_HOST"), QStringLiteral("HEROKU_API_KEY"),
                                      QStringLiteral("~/.netrc"), QStringLiteral(".SH EXIT STATUS")})
            QVERIFY2(roff.contains(needle), qPrintable(QStringLiteral("missing ") + needle));
        for (const QString &code : {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")})
            QVERIFY2(roff.contains(QStringLiteral(".TP\n.B %1\n").arg(code)),
                     qPrintable(QStringLiteral("exit status %1 is not described").arg(code)));
    }

    void completionOffersCommandsAndOptions()
    {
        if (!PackageLayout::programs().contains(QStringLiteral("cleardbctl")))
            QSKIP("this build has no cleardbctl");
        const QSet<QString> all = complete(QStringLiteral("cleardbctl "));
        for (const char *command :
             {"apps", "addons", "plans", "provision", "upgrade", "remove", "config", "set", "unset",
              "promote", "restart", "login", "logout", "url", "probe", "monitor", "sandbox", "accounts"})
            QVERIFY2(all.contains(QLatin1String(command)), command);
        QCOMPARE(
            complete(QStringLiteral("cleardbctl pro")),
            (QSet<QString>{QStringLiteral("provision"), QStringLiteral("promote"), QStringLiteral("probe")}));
        // Global options before the command do not hide it.
        QCOMPARE(
            complete(QStringLiteral("cleardbctl --json url ")),
            (QSet<QString>{QStringLiteral("build"), QStringLiteral("parse"), QStringLiteral("snippet")}));
        const QSet<QString> provision = complete(QStringLiteral("cleardbctl provision --"));
        QVERIFY(provision.contains(QStringLiteral("--plan")));
        QVERIFY(provision.contains(QStringLiteral("--wait")));
        QVERIFY(provision.contains(QStringLiteral("--app")));
        QVERIFY(complete(QStringLiteral("cleardbctl upgrade --app x --plan "))
                    .contains(QStringLiteral("cleardb:punch")));
        QCOMPARE(complete(QStringLiteral("cleardbctl remove --c")),
                 (QSet<QString>{QStringLiteral("--confirm")}));
        QCOMPARE(complete(QStringLiteral("cleardbctl sandbox ")),
                 (QSet<QString>{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("status")}));
        QVERIFY(
            complete(QStringLiteral("cleardbctl sandbox start --")).contains(QStringLiteral("--base-port")));
        QVERIFY(complete(QStringLiteral("cleardbctl probe --")).contains(QStringLiteral("--var")));
        const QSet<QString> monitor = complete(QStringLiteral("cleardbctl monitor --"));
        for (const char *option : {"--primary", "--secondary", "--canary", "--canary-interval", "--duration"})
            QVERIFY2(monitor.contains(QString::fromLatin1(option)), option);
        QVERIFY(!monitor.contains(QStringLiteral("--count"))); // probe's, not monitor's
        QCOMPARE(complete(QStringLiteral("cleardbctl monitor --mode ")),
                 (QSet<QString>{QStringLiteral("new"), QStringLiteral("persistent")}));
        QCOMPARE(complete(QStringLiteral("cleardbctl monitor --canary-interval ")), QSet<QString>());
        QVERIFY(complete(QStringLiteral("cleardbctl dr")).contains(QStringLiteral("drill")));
        QVERIFY(all.contains(QStringLiteral("usage")));
        QVERIFY(complete(QStringLiteral("cleardbctl usage --")).contains(QStringLiteral("--plan")));
        QVERIFY(
            complete(QStringLiteral("cleardbctl usage --plan ")).contains(QStringLiteral("cleardb:ignite")));
        QVERIFY(complete(QStringLiteral("cleardbctl usage env:PA")).isEmpty() ||
                complete(QStringLiteral("cleardbctl usage env:PA")).contains(QStringLiteral("env:PATH")));
        QVERIFY(all.contains(QStringLiteral("fleet")));
        QCOMPARE(complete(QStringLiteral("cleardbctl fleet --c")),
                 (QSet<QString>{QStringLiteral("--concurrency"), QStringLiteral("--csv")}));
        QVERIFY(complete(QStringLiteral("cleardbctl fleet --")).contains(QStringLiteral("--no-probe")));
        QVERIFY(complete(QStringLiteral("cleardbctl fleet --concurrency ")).contains(QStringLiteral("8")));
        // After an option that takes a free-form value nothing is offered (no stray command names).
        QCOMPARE(complete(QStringLiteral("cleardbctl addons --app ")), QSet<QString>());
        QCOMPARE(complete(QStringLiteral("cleardbctl apps --")),
                 (QSet<QString>{QStringLiteral("--help"), QStringLiteral("--json"), QStringLiteral("--team"),
                                QStringLiteral("--personal")}));
        QCOMPARE(complete(QStringLiteral("cleardbctl apps --team ")), QSet<QString>());
        QVERIFY(complete(QStringLiteral("cleardbctl logout --")).contains(QStringLiteral("--local-only")));
        // db and its subcommands, each with its own options; SPECs start with app: or env:.
        QVERIFY(all.contains(QStringLiteral("db")));
        QCOMPARE(complete(QStringLiteral("cleardbctl db ")),
                 (QSet<QString>{QStringLiteral("dump"), QStringLiteral("restore"), QStringLiteral("verify"),
                                QStringLiteral("copy")}));
        QCOMPARE(complete(QStringLiteral("cleardbctl --json db dump --")),
                 (QSet<QString>{QStringLiteral("--help"), QStringLiteral("--json"), QStringLiteral("--from"),
                                QStringLiteral("--output")}));
        QVERIFY(complete(QStringLiteral("cleardbctl db restore --")).contains(QStringLiteral("--replace")));
        QVERIFY(complete(QStringLiteral("cleardbctl db verify --")).contains(QStringLiteral("--to")));
        QVERIFY(complete(QStringLiteral("cleardbctl db copy --")).contains(QStringLiteral("--replace")));
        QCOMPARE(complete(QStringLiteral("cleardbctl db verify --from ")),
                 (QSet<QString>{QStringLiteral("app:"), QStringLiteral("env:")}));
        QVERIFY(complete(QStringLiteral("cleardbctl db dump --from env:PA"))
                    .contains(QStringLiteral("env:PATH")));
    }

    void iconsHaveTheirSizes()
    {
        const QString dir = sourcePath(QStringLiteral("resources/icons/app/"));
        for (int size : PackageLayout::iconSizes()) {
            QFile png(dir + QStringLiteral("png/cleardb-console-%1.png").arg(size));
            QVERIFY2(png.open(QIODevice::ReadOnly), qPrintable(png.fileName()));
            // PNG: 8-byte signature, then the IHDR chunk (length, "IHDR", width, height big-endian).
            const QByteArray head = png.read(24);
            QVERIFY(head.startsWith("\x89PNG\r\n\x1a\n") && head.mid(12, 4) == "IHDR");
            const auto be32 = [&](int at) {
                return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16) |
                       (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
            };
            QCOMPARE(be32(16), quint32(size));
            QCOMPARE(be32(20), quint32(size));
        }
        QFile svg(dir + QStringLiteral("cleardb-console.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("svg"));
        QCOMPARE(xml.attributes().value(QLatin1String("viewBox")), QLatin1String("0 0 256 256"));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
