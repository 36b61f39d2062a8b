// SPDX-License-Identifier: MIT
// The Windows (NSIS) and macOS (DragNDrop) packaging, checked from Linux: configuring the project with
// those generators selected must write a CPackConfig.cmake with the installer settings a user relies
// on (start-menu entry, uninstaller, icons, volume name, the project's version). makensis and hdiutil
// are not available here, so the generated configuration is what can be checked. The same configure
// proves that the Qt deployment step (Windows/macOS only) leaves a Linux build alone.
#include "TestConfig.h"
#include "ToolRunner.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestCrossPlatformConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_build{QDir::tempPath() + QStringLiteral("/cleardb-cpack-XXXXXX")};
    QHash<QString, QString> m_cpack; // CPACK_* variable -> value, as CPackConfig.cmake sets them

    QString value(const char *name) const { return m_cpack.value(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_build.isValid());
        // Tests and the GUI stay on: the configure must see the same targets as a real Windows build.
        const ToolRun run = ToolRunner::run(
            QStringLiteral(CLEARDB_CMAKE_COMMAND),
            {QStringLiteral("-S"), QStringLiteral(CLEARDB_SOURCE_DIR), QStringLiteral("-B"), m_build.path(),
             QStringLiteral("-G"), QStringLiteral(CLEARDB_CMAKE_GENERATOR),
             QStringLiteral("-DCLEARDB_BUILD_TESTS=OFF"), QStringLiteral("-DCPACK_GENERATOR=NSIS;DragNDrop")},
            300000);
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));

        QFile config(m_build.filePath(QStringLiteral("CPackConfig.cmake")));
        QVERIFY(config.open(QIODevice::ReadOnly | QIODevice::Text));
        const QRegularExpression line(QStringLiteral("^set\\((CPACK_\\w+) \"(.*)\"\\)$"));
        while (!config.atEnd()) {
            const auto match = line.match(QString::fromUtf8(config.readLine()).trimmed());
            if (match.hasMatch())
                m_cpack.insert(match.captured(1), match.captured(2));
        }
    }

    void generatorsAreTheSelectedOnes()
    {
        QCOMPARE(value("CPACK_GENERATOR"), QStringLiteral("NSIS;DragNDrop"));
        QCOMPARE(value("CPACK_PACKAGE_VERSION"), QStringLiteral(CLEARDB_VERSION));
        QCOMPARE(value("CPACK_PACKAGE_NAME"), QStringLiteral("cleardb-console"));
        QCOMPARE(value("CPACK_RESOURCE_FILE_LICENSE"), QStringLiteral(CLEARDB_SOURCE_DIR "/LICENSE"));
    }

    void nsisInstallerHasShortcutUninstallerAndIcon()
    {
        // Start-menu shortcut "ClearDB Console" to bin\cleardb-console.exe.
        QCOMPARE(value("CPACK_PACKAGE_EXECUTABLES"), QStringLiteral("cleardb-console;ClearDB Console"));
        QCOMPARE(value("CPACK_NSIS_EXECUTABLES_DIRECTORY"), QStringLiteral("bin"));
        // Uninstaller in the start menu and "Apps & features"; an older version is removed first.
        QCOMPARE(value("CPACK_NSIS_UNINSTALL_NAME"), QStringLiteral("Uninstall ClearDB Console"));
        QCOMPARE(value("CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL"), QStringLiteral("ON"));
        QCOMPARE(value("CPACK_PACKAGE_INSTALL_REGISTRY_KEY"), QStringLiteral("ClearDB Console"));
        // The CLI programs are reachable from a terminal.
        QCOMPARE(value("CPACK_NSIS_MODIFY_PATH"), QStringLiteral("ON"));
        // CPackConfig.cmake escapes the backslash; NSIS receives bin\cleardb-console.exe.
        QCOMPARE(value("CPACK_NSIS_INSTALLED_ICON_NAME"), QStringLiteral("bin\\\\cleardb-console.exe"));
        QCOMPARE(value("CPACK_NSIS_DISPLAY_NAME"), QStringLiteral("ClearDB Console " CLEARDB_VERSION));
        for (const char *icon : {"CPACK_NSIS_MUI_ICON", "CPACK_NSIS_MUI_UNIICON"}) {
            QFile ico(value(icon));
            QVERIFY2(ico.open(QIODevice::ReadOnly), icon);
            QCOMPARE(ico.read(4), QByteArray("\x00\x00\x01\x00", 4)); // ICONDIR: reserved 0, type 1 = icon
        }
    }

    void dmgHasVolumeNameAndIcon()
    {
        QCOMPARE(value("CPACK_DMG_VOLUME_NAME"), QStringLiteral("ClearDB Console"));
        QCOMPARE(value("CPACK_DMG_FORMAT"), QStringLiteral("UDBZ"));
        QFile icns(value("CPACK_PACKAGE_ICON"));
        QVERIFY(icns.open(QIODevice::ReadOnly));
        QCOMPARE(icns.read(4), QByteArray("icns"));
    }

    void bundleInfoPlistTakesTheProjectValues()
    {
        // CMake fills ${MACOSX_BUNDLE_*} from the target properties Deployment.cmake sets.
        QFile plist(QStringLiteral(CLEARDB_SOURCE_DIR "/packaging/macos/Info.plist.in"));
        QVERIFY(plist.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&plist);
        QHash<QString, QString> keys;
        QString key;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("key"))
                key = xml.readElementText();
            else if (xml.name() == QLatin1String("string") && !key.isEmpty())
                keys.insert(std::exchange(key, QString()), xml.readElementText());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(keys.value(QStringLiteral("CFBundleExecutable")),
                 QStringLiteral("${MACOSX_BUNDLE_EXECUTABLE_NAME}"));
        QCOMPARE(keys.value(QStringLiteral("CFBundleIconFile")),
                 QStringLiteral("${MACOSX_BUNDLE_ICON_FILE}"));
        QCOMPARE(keys.value(QStringLiteral("CFBundleIdentifier")),
                 QStringLiteral("${MACOSX_BUNDLE_GUI_IDENTIFIER}"));
        QCOMPARE(keys.value(QStringLiteral("CFBundleShortVersionString")),
                 QStringLiteral("${MACOSX_BUNDLE_SHORT_VERSION_STRING}"));
        QCOMPARE(keys.value(QStringLiteral("CFBundleVersion")),
                 QStringLiteral("${MACOSX_BUNDLE_BUNDLE_VERSION}"));
        QCOMPARE(keys.value(QStringLiteral("CFBundlePackageType")), QStringLiteral("APPL"));
    }

    void qtDeploymentLeavesLinuxAlone()
    {
        // qt_generate_deploy_app_script writes .qt/deploy_<target>_*.cmake; on Linux it must not run
        // (Qt 6.4 has no Linux deployment and would stop the configure without the guard).
        const QStringList scripts = QDir(m_build.filePath(QStringLiteral(".qt")))
                                        .entryList({QStringLiteral("deploy_*")}, QDir::Files);
        QVERIFY2(scripts.isEmpty(), qPrintable(scripts.join(QLatin1Char(' '))));
        QFile install(m_build.filePath(QStringLiteral("packaging/cmake_install.cmake")));
        QVERIFY(install.open(QIODevice::ReadOnly));
        QVERIFY(!install.readAll().contains("deploy_"));
    }
};

QTEST_GUILESS_MAIN(TestCrossPlatformConfig)
#include "tst_crossplatformconfig.moc"
