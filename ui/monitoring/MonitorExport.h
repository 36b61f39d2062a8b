// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

class FailoverMonitor;
class QFileDialog;
class QWidget;

// Saving what a monitor recorded: JSON (samples, events and `about`, the watch's settings) in one file,
// or CSV as two RFC 4180 files side by side (FILE and FILE-events.csv: samples and events have
// different columns). Files are written whole or not at all (QSaveFile).
class MonitorExport
{
public:
    static Status write(const FailoverMonitor &source, const QJsonObject &about, const QString &path,
                        bool json);
    // A save dialog for the format, opened with open() by the caller (never a nested event loop).
    static QFileDialog *saveDialog(QWidget *parent, bool json);
};
