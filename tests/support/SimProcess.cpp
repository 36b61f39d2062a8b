// SPDX-License-Identifier: MIT
#include "SimProcess.h"

#include "SimHttp.h"
#include "TestConfig.h"
#include "sim/state/SimSeeder.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QUrlQuery>

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
    const auto nextLine = [&]() -> QByteArray {
        while (!m_process.canReadLine() && !deadline.hasExpired() && m_process.state() == QProcess::Running)
            m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        return m_process.canReadLine() ? m_process.readLine().trimmed() : QByteArray();
    };
    const QByteArray first = nextLine();
    if (first.isEmpty()) {
        m_process.waitForFinished(1000);
        m_error = QStringLiteral("heroku-sim printed no base URL; stderr: %1").arg(standardError().trimmed());
        return false;
    }
    m_baseUrl = QUrl(QString::fromUtf8(first));
    if (!m_baseUrl.isValid() || m_baseUrl.port() <= 0) {
        m_error = QStringLiteral("heroku-sim printed an unusable base URL");
        return false;
    }
    const QByteArray second = nextLine();
    m_loginUrl = QUrl(QString::fromUtf8(second.mid(6)));
    if (!second.startsWith("login ") || !m_loginUrl.isValid() || m_loginUrl.port() <= 0) {
        m_error = QStringLiteral("heroku-sim printed no usable login host line (\"login <url>\")");
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

QUrl SimProcess::loginUrl(const QString &path) const
{
    QUrl u = m_loginUrl;
    u.setPath(path);
    return u;
}

Result<QString> SimProcess::approvedLoginToken(const QString &accountEmail)
{
    const auto failed = [](const QString &step, const SimHttp::Reply &r) {
        return makeError(Error::Kind::Remote,
                         QStringLiteral("browser login: %1 answered HTTP %2").arg(step).arg(r.status),
                         QString::fromUtf8(r.body.left(200)));
    };
    SimHttp anonymous(m_loginUrl.toString(), QString());
    const SimHttp::Headers bare = {{"Authorization", {}}, {"Accept", {}}};
    const SimHttp::Reply started =
        anonymous.send("POST", QStringLiteral("/auth"), R"({"description":"SimProcess test login"})", bare);
    const QJsonObject urls = started.json().object();
    if (started.status != 200)
        return failed(QStringLiteral("POST /auth"), started);
    QUrlQuery form;
    if (!accountEmail.isEmpty())
        form.addQueryItem(QStringLiteral("account"), accountEmail);
    const SimHttp::Reply approved = anonymous.send(
        "POST", urls.value(QStringLiteral("browser_url")).toString() + QStringLiteral("/approve"),
        form.toString(QUrl::FullyEncoded).toUtf8(),
        bare + SimHttp::Headers{{"Content-Type", "application/x-www-form-urlencoded"}});
    if (approved.status != 200)
        return failed(QStringLiteral("Approve"), approved);
    SimHttp poller(m_loginUrl.toString(), urls.value(QStringLiteral("token")).toString());
    const SimHttp::Reply answer =
        poller.send("GET", urls.value(QStringLiteral("cli_url")).toString(), {}, {{"Accept", {}}});
    const QString token = answer.json().object().value(QStringLiteral("access_token")).toString();
    if (answer.status != 200 || token.isEmpty())
        return failed(QStringLiteral("the token poll"), answer);
    return token;
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
