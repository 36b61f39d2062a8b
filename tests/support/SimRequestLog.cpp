// SPDX-License-Identifier: MIT
#include "SimRequestLog.h"

#include "SimProcess.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
QStringList allLines(SimProcess &sim)
{
    // The sim writes each line before it sends the response, so by the time cleardbctl has
    // exited every line is in the pipe; let QProcess read it in.
    sim.process().waitForReadyRead(50);
    QCoreApplication::processEvents();
    QStringList lines;
    static const QRegularExpression request(QStringLiteral("^heroku-sim: (\\S+ \\S+ -> \\d+)$"));
    for (const QString &line : sim.standardError().split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = request.match(line.trimmed());
        if (match.hasMatch())
            lines << match.captured(1);
    }
    return lines;
}
} // namespace

SimRequestLog::SimRequestLog(SimProcess &sim) : m_sim(sim)
{
    mark();
}

void SimRequestLog::mark()
{
    m_offset = allLines(m_sim).size();
}

QStringList SimRequestLog::lines()
{
    return allLines(m_sim).mid(m_offset);
}

int SimRequestLog::count(const QString &method, const QString &path)
{
    const QString prefix = method + QLatin1Char(' ') + path + QStringLiteral(" -> ");
    int n = 0;
    for (const QString &line : lines())
        n += line.startsWith(prefix) ? 1 : 0;
    return n;
}

int SimRequestLog::countMethod(const QString &method)
{
    int n = 0;
    for (const QString &line : lines())
        n += line.startsWith(method + QLatin1Char(' ')) ? 1 : 0;
    return n;
}
