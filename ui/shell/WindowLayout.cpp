// SPDX-License-Identifier: MIT
#include "shell/WindowLayout.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace {
// "mainWindow/geometry" is the key the console used before the state and splitters were kept too.
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
const QString kSplitters = QStringLiteral("mainWindow/splitters/");
} // namespace

void WindowLayout::save(const QMainWindow &window, QSettings &settings)
{
    settings.setValue(kGeometry, window.saveGeometry());
    settings.setValue(kState, window.saveState());
    const QList<QSplitter *> splitters = window.findChildren<QSplitter *>();
    for (const QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(kSplitters + splitter->objectName(), splitter->saveState());
    }
}

bool WindowLayout::restore(QMainWindow *window, const QSettings &settings)
{
    if (!settings.contains(kGeometry))
        return false;
    window->restoreGeometry(settings.value(kGeometry).toByteArray());
    window->restoreState(settings.value(kState).toByteArray());
    const QList<QSplitter *> splitters = window->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        const QString key = kSplitters + splitter->objectName();
        if (!splitter->objectName().isEmpty() && settings.contains(key))
            splitter->restoreState(settings.value(key).toByteArray());
    }
    return true;
}
