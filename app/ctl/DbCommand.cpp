// SPDX-License-Identifier: MIT
#include "DbCommand.h"

#include "TransferCommand.h"

#include <QCommandLineParser>

QString DbCommand::details() const
{
    QString text = QStringLiteral("Subcommands (`cleardbctl db SUBCOMMAND --help` for each):\n");
    text +=
        QStringLiteral("  dump     --from SPEC --output FILE        Dump a database to a file (.gz: gzip).\n"
                       "  restore  --input FILE --to SPEC [--replace]  Load a dump file into a database.\n"
                       "  verify   --from SPEC --to SPEC             Compare two databases.\n");
    if (m_subcommands.contains(QStringLiteral("copy")))
        text += QStringLiteral(
            "  copy     --from SPEC --to SPEC [--replace]  Copy a database into another, streaming.\n");
    return text +
           QStringLiteral("\nSPEC is app:APP (the app's CLEARDB_DATABASE_URL), app:APP/VAR, env:NAME (a URL\n"
                          "in that environment variable) or a mysql:// URL (its password shows in ps).");
}

void DbCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("subcommand"), m_subcommands.join(QStringLiteral(", ")),
                                 QStringLiteral("SUBCOMMAND"));
}

Status DbCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    const QString list = m_subcommands.join(QStringLiteral(", "));
    if (positional.isEmpty())
        return usage(QStringLiteral("give a subcommand: %1").arg(list));
    return usage(QStringLiteral("unknown db subcommand \"%1\"; use %2").arg(positional.first(), list));
}
