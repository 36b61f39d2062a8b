// SPDX-License-Identifier: MIT
#include "dburl/PemFileInspector.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

PemFileInspector::Report PemFileInspector::inspect(const QString &path)
{
    Report report;
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        report.status = Missing;
        return report;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.status = Unreadable;
        return report;
    }
    // PEM files are small; the first block's header lies within the first few kilobytes even with
    // "Bag Attributes" text in front (openssl pkcs12 output).
    const QString head = QString::fromLatin1(file.read(64 * 1024));
    static const QRegularExpression begin(QStringLiteral("-----BEGIN ([A-Z0-9 ]+)-----"));
    const QRegularExpressionMatch match = begin.match(head);
    if (!match.hasMatch()) {
        report.status = NotPem;
        return report;
    }
    report.status = Ok;
    report.label = match.captured(1);
    report.encrypted = report.label == QLatin1String("ENCRYPTED PRIVATE KEY") ||
                       (report.isPrivateKey() &&
                        head.mid(match.capturedEnd(), 200).contains(QLatin1String("Proc-Type: 4,ENCRYPTED")));
    return report;
}
