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
// Where the cluster lives and its first port (0: the script's default or the running cluster's).
struct Location
{
    QString dir;
    quint16 basePort = 0;
};
// Reads --dir (else SandboxCluster::sandboxDir()) and --base-port; an error is a usage error.
Result<Location> read(const QCommandLineParser &parser);
// A SandboxCluster at `where` owned by `parent`, or a NotFound error when cluster.sh cannot be found.
Result<SandboxCluster *> makeCluster(const Location &where, QObject *parent);
// The status as cleardbctl prints it with --json (no password: only the file that holds it).
QJsonObject statusJson(const SandboxStatus &status);
QList<QPair<QString, QString>> statusPairs(const SandboxStatus &status);
} // namespace SandboxOptions
