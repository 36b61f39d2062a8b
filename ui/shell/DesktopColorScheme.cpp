// SPDX-License-Identifier: MIT
#include "shell/DesktopColorScheme.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QStyleHints>

namespace {
// KDE writes colours as "r,g,b"; QSettings' INI reader turns that into a string list.
QColor kdeColor(const QVariant &value)
{
    const QStringList parts = value.typeId() == QMetaType::QStringList
                                  ? value.toStringList()
                                  : value.toString().split(QLatin1Char(','));
    if (parts.size() < 3)
        return {};
    return QColor(parts.at(0).trimmed().toInt(), parts.at(1).trimmed().toInt(),
                  parts.at(2).trimmed().toInt());
}

bool truthy(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("1") || v == QLatin1String("true") || v == QLatin1String("yes");
}
} // namespace

bool DesktopColorScheme::isDark(const QColor &color)
{
    // Relative luminance with Rec. 709 weights; below the midpoint reads as a dark background.
    return color.isValid() &&
           (0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()) < 0.5;
}

DesktopColorScheme::Scheme DesktopColorScheme::detect(const QPalette &palette,
                                                      const QProcessEnvironment &environment,
                                                      const QString &configHome)
{
    const QString forced =
        environment.value(QStringLiteral("CLEARDB_CONSOLE_COLOR_SCHEME")).trimmed().toLower();
    if (forced == QLatin1String("dark"))
        return Scheme::Dark;
    if (forced == QLatin1String("light"))
        return Scheme::Light;
    if (isDark(palette.color(QPalette::Active, QPalette::Window)))
        return Scheme::Dark;
    if (environment.value(QStringLiteral("GTK_THEME")).endsWith(QLatin1String(":dark"), Qt::CaseInsensitive))
        return Scheme::Dark;

    const QDir config(configHome);
    if (QFile::exists(config.filePath(QStringLiteral("kdeglobals")))) {
        const QSettings kde(config.filePath(QStringLiteral("kdeglobals")), QSettings::IniFormat);
        const QColor window = kdeColor(kde.value(QStringLiteral("Colors:Window/BackgroundNormal")));
        if (window.isValid())
            return isDark(window) ? Scheme::Dark : Scheme::Light;
    }
    const QString gtkIni = config.filePath(QStringLiteral("gtk-3.0/settings.ini"));
    if (QFile::exists(gtkIni)) {
        const QSettings gtk(gtkIni, QSettings::IniFormat);
        if (truthy(gtk.value(QStringLiteral("Settings/gtk-application-prefer-dark-theme")).toString()) ||
            gtk.value(QStringLiteral("Settings/gtk-theme-name"))
                .toString()
                .endsWith(QLatin1String("-dark"), Qt::CaseInsensitive))
            return Scheme::Dark;
    }
    return Scheme::Light;
}

QPalette DesktopColorScheme::darkPalette()
{
    // Breeze Dark's colours, so the console sits well beside KDE and GNOME dark apps.
    QPalette p;
    const QColor window(0x20, 0x23, 0x26);
    const QColor base(0x14, 0x16, 0x18);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor button(0x29, 0x2c, 0x30);
    const QColor highlight(0x3d, 0xae, 0xe9);
    const QColor disabled(0x72, 0x76, 0x7a);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1d, 0x1f, 0x22));
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x40, 0x44, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3b));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5e, 0x62));
    p.setColor(QPalette::Dark, QColor(0x10, 0x11, 0x12));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::Link, highlight);
    p.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x40, 0x44, 0x48));
    return p;
}

DesktopColorScheme::Scheme DesktopColorScheme::apply(QApplication &application)
{
    const QPalette current = application.palette();
    Scheme scheme = detect(current, QProcessEnvironment::systemEnvironment(),
                           QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // Newer Qt asks the platform itself (portal, registry, NSAppearance); it wins over the files unless
    // the user forced a scheme.
    if (qEnvironmentVariableIsEmpty("CLEARDB_CONSOLE_COLOR_SCHEME") &&
        QGuiApplication::styleHints()->colorScheme() != Qt::ColorScheme::Unknown)
        scheme = QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark ? Scheme::Dark
                                                                                       : Scheme::Light;
#endif
    // A platform theme that is already dark needs nothing; Fusion is the style that honours palettes.
    if (scheme == Scheme::Dark && !isDark(current.color(QPalette::Window))) {
        application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        application.setPalette(darkPalette());
    }
    return scheme;
}
