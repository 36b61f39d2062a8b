// SPDX-License-Identifier: MIT
#include "monitoring/MonitorExport.h"

#include "monitor/FailoverMonitor.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>

namespace {
Status writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return makeError(Error::Kind::Io,
                         QObject::tr("Could not write %1: %2. Choose a folder you can write to.")
                             .arg(path, file.errorString()));
    return {};
}
} // namespace

Status MonitorExport::write(const FailoverMonitor &source, const QJsonObject &about, const QString &path,
                            bool json)
{
    if (json)
        return writeFile(path, source.toJson(about));
    const QFileInfo info(path);
    const QString eventsPath = info.dir().filePath(info.completeBaseName() + QStringLiteral("-events.csv"));
    const Status samples = writeFile(path, source.samplesCsv());
    return samples ? writeFile(eventsPath, source.eventsCsv()) : samples;
}

QFileDialog *MonitorExport::saveDialog(QWidget *parent, bool json)
{
    auto *dialog = new QFileDialog(parent, json ? QObject::tr("Export monitor data as JSON")
                                                : QObject::tr("Export samples as CSV"));
    dialog->setObjectName(QStringLiteral("monitorExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(json ? QObject::tr("JSON (*.json)") : QObject::tr("CSV (*.csv)"));
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("csv"));
    dialog->selectFile(json ? QStringLiteral("cleardb-monitor.json") : QStringLiteral("cleardb-monitor.csv"));
    return dialog;
}
