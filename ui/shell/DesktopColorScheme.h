// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QProcessEnvironment>
#include <QString>

class QApplication;

// Follows the desktop's light or dark preference on Qt 6.4, which has no QStyleHints::colorScheme()
// (added in 6.5). detect() decides, in this order:
//  1. CLEARDB_CONSOLE_COLOR_SCHEME=dark|light (for users whose desktop says nothing, and screenshots);
//  2. the platform palette's window colour (a platform theme that already went dark);
//  3. GTK_THEME ending in ":dark" (GTK's documented variant suffix);
//  4. KDE's kdeglobals: [Colors:Window] BackgroundNormal luminance;
//  5. GTK 3's settings.ini: gtk-application-prefer-dark-theme, or a theme name ending in "-dark".
// apply() switches to the Fusion style with darkPalette() when the desktop is dark and the platform
// palette is not (most styles ignore a custom palette; Fusion honours it). Built against Qt 6.5 or
// later, apply() asks QStyleHints::colorScheme() first. It does not follow live changes: restart the
// console after switching the desktop theme.
class DesktopColorScheme
{
public:
    enum class Scheme
    {
        Light,
        Dark,
    };

    // `configHome` is $XDG_CONFIG_HOME (or ~/.config); tests pass a temporary folder.
    static Scheme detect(const QPalette &palette, const QProcessEnvironment &environment,
                         const QString &configHome);
    static bool isDark(const QColor &color);
    static QPalette darkPalette();
    // Detects from the running application and its environment; returns what it chose.
    static Scheme apply(QApplication &application);
};
