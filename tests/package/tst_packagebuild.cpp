// SPDX-License-Identifier: MIT
// Builds the Linux packages from this build tree the way a release does (cpack with the project's
// CPackConfig.cmake) and checks what a user and the distributions' tools see in them: the .deb's
// control fields and dependencies, lintian's verdict, the files and sizes of the .deb, .rpm and
// .tar.gz. The packages stay in <build>/package-test for tst_debinstall (ctest fixture).
#include "PackageLayout.h"
#include "TestConfig.h"
#include "ToolRunner.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString packageDir = QStringLiteral(CLEARDB_BINARY_DIR "/package-test");

QString oneFile(const QString &pattern)
{
    const QStringList found = QDir(packageDir).entryList({pattern}, QDir::Files);
    return found.size() == 1 ? packageDir + QLatin1Char('/') + found.first() : QString();
}
} // namespace

class TestPackageBuild : public QObject
{
    Q_OBJECT

private:
    QString m_deb;
    QString m_rpm;
    QString m_tgz;

    QString control(const QString &field)
    {
        return ToolRunner::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, field})
            .out.trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const auto &[tool, package] :
             {std::pair{QStringLiteral("dpkg-deb"), QStringLiteral("dpkg")},
              std::pair{QStringLiteral("dpkg-shlibdeps"), QStringLiteral("dpkg-dev")},
              std::pair{QStringLiteral("rpmbuild"), QStringLiteral("rpm")}}) {
            const Result<QString> found = ToolRunner::require(tool, package);
            QVERIFY2(found, qPrintable(ToolRunner::failure(found)));
        }
        QVERIFY(QDir(packageDir).removeRecursively());
        QVERIFY(QDir().mkpath(packageDir));

        // cpack installs this build tree into a staging folder, strips it and packs it; the same
        // command as `cmake --workflow --preset package` runs, minus the configure and build. The test
        // suite's build is sanitized Debug, about 70 MB per stripped program, which xz takes minutes to
        // pack: these checks read the packages' layout and metadata, so they are packed with gzip.
        const ToolRun run = ToolRunner::run(
            QStringLiteral(CLEARDB_CPACK_COMMAND),
            {QStringLiteral("--config"), QStringLiteral(CLEARDB_BINARY_DIR "/CPackConfig.cmake"),
             QStringLiteral("-G"), QStringLiteral("DEB;RPM;TGZ"), QStringLiteral("-B"), packageDir,
             QStringLiteral("-D"), QStringLiteral("CPACK_DEBIAN_COMPRESSION_TYPE=gzip"), QStringLiteral("-D"),
             QStringLiteral("CPACK_RPM_COMPRESSION_TYPE=gzip")},
            540000);
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe() + run.out.right(3000)));

        const QString arch =
            ToolRunner::run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")}).out.trimmed();
        m_deb = oneFile(QStringLiteral("cleardb-console_" CLEARDB_VERSION "_%1.deb").arg(arch));
        m_rpm = oneFile(QStringLiteral("cleardb-console-" CLEARDB_VERSION "-1.*.rpm"));
        m_tgz = oneFile(QStringLiteral("cleardb-console-" CLEARDB_VERSION "-Linux.tar.gz"));
        const QString listing = QDir(packageDir).entryList(QDir::Files).join(QLatin1Char(' '));
        QVERIFY2(!m_deb.isEmpty(), qPrintable(QStringLiteral("no .deb for %1 among: %2").arg(arch, listing)));
        QVERIFY2(!m_rpm.isEmpty(), qPrintable(QStringLiteral("no .rpm among: ") + listing));
        QVERIFY2(!m_tgz.isEmpty(), qPrintable(QStringLiteral("no .tar.gz among: ") + listing));
        for (const QString &file : {m_deb, m_rpm, m_tgz})
            qInfo("%s: %lld bytes", qPrintable(QFileInfo(file).fileName()), QFileInfo(file).size());
    }

    void debControlFields()
    {
        QCOMPARE(control(QStringLiteral("Package")), PackageLayout::packageName());
        QCOMPARE(control(QStringLiteral("Version")), QStringLiteral(CLEARDB_VERSION));
        QCOMPARE(control(QStringLiteral("Section")), QStringLiteral("database"));
        QCOMPARE(control(QStringLiteral("Homepage")),
                 QStringLiteral("https://github.com/cleardb-console/cleardb-console"));
        QVERIFY(control(QStringLiteral("Maintainer")).contains(QLatin1Char('@')));
        QVERIFY(!control(QStringLiteral("Description")).isEmpty());
    }

    void debDependencies()
    {
        const QString depends = control(QStringLiteral("Depends"));
        // dpkg-shlibdeps found the linked libraries...
        QVERIFY2(depends.contains(QStringLiteral("libqt6core6")), qPrintable(depends));
        QVERIFY2(depends.contains(QStringLiteral("libqt6network6")), qPrintable(depends));
        QVERIFY2(depends.contains(QStringLiteral("libqt6keychain1")), qPrintable(depends));
        // ...MariaDB Connector/C among them: every probe and monitor connection goes through it.
        QVERIFY2(depends.contains(QStringLiteral("libmariadb3")), qPrintable(depends));
        // QtKeychain dlopens libsecret and does not depend on it: without it no keychain ever works.
        QVERIFY2(depends.contains(QStringLiteral("libsecret-1-0")), qPrintable(depends));
        // The sandbox's servers are optional extras, never hard dependencies.
        QVERIFY2(!depends.contains(QStringLiteral("mariadb-server")) &&
                     !depends.contains(QStringLiteral("haproxy")),
                 qPrintable(depends));
        const QString recommends = control(QStringLiteral("Recommends"));
        QVERIFY2(recommends.contains(QStringLiteral("mariadb-server")), qPrintable(recommends));
        QVERIFY2(recommends.contains(QStringLiteral("haproxy")), qPrintable(recommends));
    }

    void debContainsTheFilesRootOwned()
    {
        const ToolRun run = ToolRunner::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QHash<QString, QString> entries; // path without "./" -> "mode owner"
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            QVERIFY2(fields.size() >= 6, qPrintable(line));
            QString path = fields.last();
            if (path.endsWith(QLatin1Char('/')))
                path.chop(1);
            entries.insert(path.mid(2), fields.at(0) + QLatin1Char(' ') + fields.at(1));
        }
        for (const QString &file : PackageLayout::expectedFiles()) {
            const QString path = QStringLiteral("usr/") + file;
            QVERIFY2(entries.contains(path), qPrintable(QStringLiteral("missing from the .deb: ") + path));
            const QString mode = entries.value(path);
            QVERIFY2(mode.endsWith(QStringLiteral(" root/root")), qPrintable(path + QLatin1Char(' ') + mode));
            const bool executable =
                file.startsWith(QStringLiteral("bin/")) || file.endsWith(QStringLiteral("/cluster.sh"));
            QCOMPARE(mode.left(10), executable ? QStringLiteral("-rwxr-xr-x") : QStringLiteral("-rw-r--r--"));
        }
    }

    void debInstalledSizeBeyondQt()
    {
        // Installed-Size (KiB) is what the package itself puts on disk; Qt comes from Debian.
        const int kib = control(QStringLiteral("Installed-Size")).toInt();
        qInfo("Installed-Size: %d KiB", kib);
        QVERIFY(kib > 0);
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
        QSKIP("a Debug build's programs are larger than the optimised ones (sanitized: about 30 times): the "
              "size budget is checked in an optimised build (CLEARDB_SANITIZE=0 scripts/test.sh); the "
              "mistakes it guards against are checked in every build by debProgramsStrippedAndQtNotBundled");
#endif
        // Each of the three programs links its own copy of the core library (about 1.8 MB stripped, with
        // the sign-in, keychain, sim login host and data-transfer code: 6.7 MiB in all); 8 MiB leaves
        // room for that, not for a mistake such as unstripped binaries (about 60 MB) or a bundled Qt.
        QVERIFY2(kib <= 8 * 1024, qPrintable(QStringLiteral("%1 KiB is over the 8 MiB budget").arg(kib)));
    }

    void debProgramsStrippedAndQtNotBundled()
    {
        QTemporaryDir unpacked;
        QVERIFY(unpacked.isValid());
        const ToolRun extract =
            ToolRunner::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, unpacked.path()});
        QVERIFY2(extract.finished && extract.exitCode == 0, qPrintable(extract.describe()));
        const QStringList programs = PackageLayout::programs();
        QVERIFY(!programs.isEmpty());
        for (const QString &program : programs) {
            const QString path = unpacked.path() + QStringLiteral("/usr/bin/") + program;
            const ToolRun sections = ToolRunner::run(QStringLiteral("readelf"),
                                                     {QStringLiteral("-S"), QStringLiteral("-W"), path});
            QVERIFY2(sections.finished && sections.exitCode == 0, qPrintable(sections.describe()));
            // The premise: readelf listed the sections (every executable has .text).
            QVERIFY2(sections.out.contains(QStringLiteral(" .text ")), qPrintable(path));
            QVERIFY2(!sections.out.contains(QStringLiteral(".debug_info")) &&
                         !sections.out.contains(QStringLiteral(".symtab")),
                     qPrintable(program + QStringLiteral(" is not stripped")));
        }
        // Qt comes from the distribution: a bundled copy would be a second Qt to keep patched.
        const ToolRun listing = ToolRunner::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QVERIFY2(listing.finished && listing.exitCode == 0, qPrintable(listing.describe()));
        QVERIFY2(!listing.out.contains(QStringLiteral("libQt6")), qPrintable(listing.out.left(2000)));
    }

    void lintianFindsNoErrorsOrWarnings()
    {
        const Result<QString> found =
            ToolRunner::require(QStringLiteral("lintian"), QStringLiteral("lintian"));
        QVERIFY2(found, qPrintable(ToolRunner::failure(found)));
        const QString lintian = found.value();
        // Every remaining warning must be overridden, with its reason, in packaging/debian/lintian-overrides.
        const ToolRun run = ToolRunner::run(lintian,
                                            {QStringLiteral("--fail-on"), QStringLiteral("error,warning"),
                                             QStringLiteral("--show-overrides"), m_deb},
                                            300000);
        qInfo("lintian:\n%s",
              qPrintable(run.out.trimmed().isEmpty() ? QStringLiteral("(no findings)") : run.out));
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.out + run.err));
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(!line.startsWith(QStringLiteral("E: ")) && !line.startsWith(QStringLiteral("W: ")),
                     qPrintable(line));
    }

    void rpmContainsTheFiles()
    {
        const Result<QString> found = ToolRunner::require(QStringLiteral("rpm"), QStringLiteral("rpm"));
        QVERIFY2(found, qPrintable(ToolRunner::failure(found)));
        const QString rpm = found.value();
        const ToolRun list = ToolRunner::run(rpm, {QStringLiteral("-qlp"), m_rpm});
        QVERIFY2(list.finished && list.exitCode == 0, qPrintable(list.describe()));
        const QStringList files = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &file : PackageLayout::expectedFiles())
            QVERIFY2(files.contains(QStringLiteral("/usr/") + file),
                     qPrintable(QStringLiteral("missing from the .rpm: /usr/") + file));
        // The package must not claim directories every system has (they belong to `filesystem`).
        for (const char *shared :
             {"/usr/bin", "/usr/share/man/man1", "/usr/share/applications", "/usr/share/icons/hicolor"})
            QVERIFY2(!files.contains(QLatin1String(shared)), shared);

        const ToolRun info = ToolRunner::run(rpm, {QStringLiteral("-qp"), QStringLiteral("--queryformat"),
                                                   QStringLiteral("%{NAME} %{VERSION} %{LICENSE}"), m_rpm});
        QCOMPARE(info.out.trimmed(), QStringLiteral("cleardb-console " CLEARDB_VERSION " MIT"));
        const ToolRun needs =
            ToolRunner::run(rpm, {QStringLiteral("-qp"), QStringLiteral("--requires"), m_rpm});
        QVERIFY2(needs.out.contains(QStringLiteral("libmariadb.so.3")), qPrintable(needs.out));
    }

    void tarballContainsTheFiles()
    {
        const ToolRun run = ToolRunner::run(QStringLiteral("tar"), {QStringLiteral("-tzf"), m_tgz});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        const QStringList entries = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &file : PackageLayout::expectedFiles()) {
            const QString path = QStringLiteral("cleardb-console-" CLEARDB_VERSION "-Linux/") + file;
            QVERIFY2(entries.contains(path), qPrintable(QStringLiteral("missing from the .tar.gz: ") + path));
        }
    }
};

QTEST_GUILESS_MAIN(TestPackageBuild)
#include "tst_packagebuild.moc"
