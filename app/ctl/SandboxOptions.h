// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

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
// Reads --dir/--base-port into `dir`/`basePort`; an error is a usage error.
Status read(const QCommandLineParser &parser, QString *dir, quint16 *basePort);
// A SandboxCluster for `dir` owned by `parent`, or a NotFound error when cluster.sh cannot be found.
Result<SandboxCluster *> makeCluster(const QString &dir, quint16 basePort, QObject *parent);
// The status as cleardbctl prints it with --json (no password: only the file that holds it).
QJsonObject statusJson(const SandboxStatus &status);
QList<QPair<QString, QString>> statusPairs(const SandboxStatus &status);
} // namespace SandboxOptions
