// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineOption>
#include <QJsonObject>
#include <QList>
#include <QString>

class QCommandLineParser;
class QObject;
class SandboxCluster;
struct SandboxStatus;

// What `sandbox` and `drill` share: where the sandbox cluster lives (--dir, default $CLEARDB_SANDBOX_DIR
// or SandboxCluster::defaultRuntimeDir()), its base port, the script that runs it, and how its status reads.
namespace SandboxOptions {
QList<QCommandLineOption> options();
// Reads --dir/--base-port into `dir`/`basePort`; returns a usage error or an empty string.
QString read(const QCommandLineParser &parser, QString *dir, quint16 *basePort);
// A SandboxCluster for `dir`, or nullptr with `error` set when cluster.sh cannot be found.
SandboxCluster *makeCluster(const QString &dir, quint16 basePort, QObject *parent, QString *error);
// The status as cleardbctl prints it with --json (no password: only the file that holds it).
QJsonObject statusJson(const SandboxStatus &status);
QList<QPair<QString, QString>> statusPairs(const SandboxStatus &status);
} // namespace SandboxOptions
