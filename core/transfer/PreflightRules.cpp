// SPDX-License-Identifier: MIT
#include "transfer/PreflightRules.h"

#include <QRegularExpression>

namespace {
using Severity = PreflightFinding::Severity;

PreflightFinding finding(Severity severity, const QString &line)
{
    return {severity, line};
}
} // namespace

bool PreflightRules::ServerVersion::isMariaDb() const
{
    return text.contains(QStringLiteral("MariaDB"), Qt::CaseInsensitive) ||
           comment.contains(QStringLiteral("MariaDB"), Qt::CaseInsensitive);
}

QString PreflightRules::ServerVersion::describe() const
{
    static const QRegularExpression numbers(QStringLiteral("^\\d+(\\.\\d+)*"));
    const QString bare = numbers.match(text).captured(0);
    return QStringLiteral("%1 %2").arg(isMariaDb() ? QStringLiteral("MariaDB") : QStringLiteral("MySQL"),
                                       bare.isEmpty() ? text : bare);
}

int PreflightRules::ServerVersion::number() const
{
    static const QRegularExpression parts(QStringLiteral("^(\\d+)\\.(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch match = parts.match(text);
    if (!match.hasMatch())
        return 0;
    return match.captured(1).toInt() * 10000 + match.captured(2).toInt() * 100 + match.captured(3).toInt();
}

PreflightFinding PreflightRules::versions(const ServerVersion &source, const ServerVersion &target)
{
    const QString both =
        QStringLiteral("Source server: %1; target server: %2").arg(source.describe(), target.describe());
    if (source.isMariaDb() && !target.isMariaDb())
        return finding(Severity::Warning,
                       both + QStringLiteral(": MariaDB-only syntax (generated column values, sequences, "
                                             "MariaDB data types) may be refused by MySQL."));
    if (source.isMariaDb() == target.isMariaDb() && target.number() > 0 && target.number() < source.number())
        return finding(
            Severity::Warning,
            both + QStringLiteral(": the target is older, so features newer than it may be refused."));
    return finding(Severity::Note, both + QLatin1Char('.'));
}

QString PreflightRules::bytesText(qint64 bytes)
{
    constexpr double Kb = 1024.0;
    if (bytes >= qint64(Kb * Kb * Kb))
        return QStringLiteral("%1 GB").arg(double(bytes) / (Kb * Kb * Kb), 0, 'f', 1);
    if (bytes >= qint64(Kb * Kb))
        return QStringLiteral("%1 MB").arg(double(bytes) / (Kb * Kb), 0, 'f', 1);
    return QStringLiteral("%1 KB").arg(qMax<qint64>(1, qint64(double(bytes) / Kb + 0.5)));
}

PreflightFinding PreflightRules::size(qint64 estimatedBytes, qint64 quotaBytes, bool exact)
{
    const QString about = exact ? QString() : QStringLiteral("about ");
    const QString source = QStringLiteral("The source holds %1%2").arg(about, bytesText(estimatedBytes));
    if (quotaBytes <= 0)
        return finding(Severity::Note, source + QStringLiteral("; the target's quota is not known."));
    const QString against =
        QStringLiteral("%1 against the target's quota of %2").arg(source, bytesText(quotaBytes));
    if (estimatedBytes > quotaBytes)
        return finding(Severity::Blocker,
                       against +
                           QStringLiteral(": it will not fit. Choose a larger plan or a dedicated server."));
    if (estimatedBytes * 10 > quotaBytes * 8)
        return finding(
            Severity::Warning,
            against + QStringLiteral(": it is close to the limit, and indexes and growth need room too."));
    return finding(Severity::Note, against + QStringLiteral(": it fits."));
}

QStringList PreflightRules::requiredPrivileges()
{
    return {QStringLiteral("CREATE"),  QStringLiteral("DROP"),           QStringLiteral("ALTER"),
            QStringLiteral("INDEX"),   QStringLiteral("INSERT"),         QStringLiteral("CREATE VIEW"),
            QStringLiteral("TRIGGER"), QStringLiteral("CREATE ROUTINE"), QStringLiteral("REFERENCES")};
}

QList<PreflightFinding> PreflightRules::privileges(const QSet<QString> &granted)
{
    if (granted.contains(QStringLiteral("ALL PRIVILEGES")))
        return {};
    QStringList missing;
    for (const QString &privilege : requiredPrivileges()) {
        if (!granted.contains(privilege))
            missing << privilege;
    }
    if (missing.isEmpty())
        return {};
    return {
        finding(Severity::Blocker,
                QStringLiteral("The target user lacks %1 on the target database: grant it, or load as a user "
                               "who has it.")
                    .arg(missing.join(QStringLiteral(", "))))};
}

QList<PreflightFinding> PreflightRules::binlogTrust(bool logBin, bool trustCreators, bool hasSuper,
                                                    int sourceTriggers, int sourceRoutines)
{
    if (!logBin || trustCreators || hasSuper || (sourceTriggers == 0 && sourceRoutines == 0))
        return {};
    if (sourceTriggers < 0 || sourceRoutines < 0)
        return {
            finding(Severity::Warning,
                    QStringLiteral("The target server has binary logging on without log_bin_trust_function_"
                                   "creators, and its user is not SUPER: any trigger or routine in the dump "
                                   "will be refused (ERROR 1419); ask the server's administrator to set "
                                   "log_bin_trust_function_creators."))};
    return {finding(
        Severity::Warning,
        QStringLiteral("The target server has binary logging on without log_bin_trust_function_"
                       "creators, and its user is not SUPER: the source's %1 trigger(s) and %2 routine(s) "
                       "will be refused "
                       "(ERROR 1419); ask the server's administrator to set log_bin_trust_function_creators.")
            .arg(sourceTriggers)
            .arg(sourceRoutines))};
}

PreflightFinding PreflightRules::targetContents(const QString &summary, bool replace,
                                                const QString &targetLabel)
{
    if (summary.isEmpty())
        return finding(Severity::Note, QStringLiteral("The target %1 is empty.").arg(targetLabel));
    PreflightFinding found =
        replace ? finding(Severity::Warning,
                          QStringLiteral(
                              "The target %1 is not empty (%2): its contents will be dropped and replaced.")
                              .arg(targetLabel, summary))
                : finding(Severity::Blocker,
                          QStringLiteral(
                              "The target %1 is not empty (%2): copy into an empty database, or ask to "
                              "replace its contents.")
                              .arg(targetLabel, summary));
    found.targetNotEmpty = true;
    return found;
}
