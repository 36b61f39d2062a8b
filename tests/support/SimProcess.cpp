// SPDX-License-Identifier: MIT
#include "SimProcess.h"

#include "TestConfig.h"
#include "sim/state/SimSeeder.h"

#include <QDeadlineTimer>

SimProcess::SimProcess(QString token) : m_token(std::move(token))
{
    // Drain stderr as it comes: with --log a chatty simulator would otherwise block on a full pipe.
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_stderr += m_process.readAllStandardError(); });
}

SimProcess::~SimProcess()
{
    stop();
}

bool SimProcess::start(const QStringList &extraArgs)
{
    m_error.clear();
    m_stderr.clear();
    stop();
    const QStringList args =
        QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"), m_token} +
        extraArgs;
    m_process.setProgram(QStringLiteral(CLEARDB_BIN_DIR "/heroku-sim"));
    m_process.setArguments(args);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("heroku-sim did not start: %1").arg(m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!m_process.canReadLine() && !deadline.hasExpired() && m_process.state() == QProcess::Running)
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    if (!m_process.canReadLine()) {
        m_process.waitForFinished(1000);
        m_error = QStringLiteral("heroku-sim printed no base URL; stderr: %1").arg(standardError().trimmed());
        return false;
    }
    m_baseUrl = QUrl(QString::fromUtf8(m_process.readLine().trimmed()));
    if (!m_baseUrl.isValid() || m_baseUrl.port() <= 0) {
        m_error = QStringLiteral("heroku-sim printed an unusable base URL");
        return false;
    }
    return true;
}

void SimProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QUrl SimProcess::url(const QString &path) const
{
    QUrl u = m_baseUrl;
    const int q = path.indexOf(QLatin1Char('?'));
    u.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        u.setQuery(path.mid(q + 1));
    return u;
}

QString SimProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

QString SimProcess::appName(int index)
{
    return SimSeeder::appName(index + 1);
}
