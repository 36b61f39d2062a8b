// SPDX-License-Identifier: MIT
#include "probe/ConnectionProbe.h"

#include "probe/MySqlHandshake.h"
#include "probe/SqlProbeWorker.h"
#include "probe/SqlWorkerThread.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHostInfo>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <algorithm>
#include <limits>

namespace {
ProbeError socketError(ProbeStage stage, QAbstractSocket::SocketError error, const QString &detail)
{
    using Kind = ProbeError::Kind;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ProbeError::make(
            stage, Kind::ConnectionRefused,
            QStringLiteral("connection refused: nothing listens on that port (server down, "
                           "wrong port, or a firewall rejects it)"),
            detail, 2003);
    case QAbstractSocket::RemoteHostClosedError:
        return ProbeError::make(
            stage, Kind::ConnectionLost,
            stage == ProbeStage::Greeting
                ? QStringLiteral("the server closed the connection before greeting (lost "
                                 "connection at handshake; a router without a live server "
                                 "does this)")
                : QStringLiteral("the server closed the connection"),
            detail, 2013);
    case QAbstractSocket::SocketTimeoutError:
        return ProbeError::make(stage, Kind::Timeout, QStringLiteral("timed out"), detail);
    case QAbstractSocket::HostNotFoundError:
        return ProbeError::make(stage, Kind::UnknownHost, QStringLiteral("unknown host"), detail, 2005);
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return ProbeError::make(
            stage, Kind::TlsHandshakeFailed,
            QStringLiteral("the TLS handshake failed (no common protocol or cipher, or the "
                           "server dropped the connection)"),
            detail, 2026);
    default:
        return ProbeError::make(
            stage, Kind::ConnectionLost,
            QStringLiteral("network error: the host is unreachable or the connection broke"), detail);
    }
}
} // namespace

ConnectionProbe::ConnectionProbe(QObject *parent) : QObject(parent)
{
    m_stageTimeout.setSingleShot(true);
    connect(&m_stageTimeout, &QTimer::timeout, this, &ConnectionProbe::onStageTimeout);
}

ConnectionProbe::~ConnectionProbe()
{
    abort();
}

void ConnectionProbe::start(const ProbeTarget &target)
{
    abort();
    m_target = target;
    m_result = ProbeResult();
    m_result.target = target.redacted();
    m_result.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_running = true;
    m_totalTimer.start();
    const QString invalid = target.validationError();
    if (!invalid.isEmpty()) {
        // Report asynchronously like every other outcome, so callers can connect after start().
        QTimer::singleShot(0, this, [this, invalid] {
            fail(ProbeError::make(ProbeStage::None, ProbeError::Kind::InvalidTarget, invalid));
        });
        return;
    }
    ensureWorker();
    beginStage(ProbeStage::Dns, target.timeoutMs);
    const QHostAddress literal(target.host);
    if (!literal.isNull()) {
        // An IP address needs no lookup; QHostInfo would still start its thread pool for it (several ms
        // on a cold process). Deliver it on the event loop like a lookup so callers see the same order.
        // Negative ids never collide with QHostInfo's own (which count up from 1) and are never aborted.
        static int literalIds = -1;
        if (literalIds == std::numeric_limits<int>::min())
            literalIds = -1;
        m_lookupId = --literalIds;
        QHostInfo info(m_lookupId);
        info.setHostName(target.host);
        info.setAddresses({literal});
        QTimer::singleShot(0, this, [this, info] { onLookedUp(info); });
        return;
    }
    m_lookupId = QHostInfo::lookupHost(target.host, this, &ConnectionProbe::onLookedUp);
}

void ConnectionProbe::abort()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    ++m_ticket; // an SQL answer still on its way is ignored
    m_stageTimeout.stop();
    cleanupSocket();
    m_running = false;
    m_stage = ProbeStage::None;
}

void ConnectionProbe::cleanupSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    m_buffer.clear();
}

void ConnectionProbe::beginStage(ProbeStage stage, int timeoutMs)
{
    m_stage = stage;
    m_stageTimer.start();
    m_stageTimeout.start(timeoutMs);
}

void ConnectionProbe::endStage(bool ok)
{
    m_stageTimeout.stop();
    const StageTiming timing{m_stage, m_stageTimer.nsecsElapsed() / 1e6, ok};
    m_result.stages.append(timing);
    Q_EMIT stageFinished(timing);
}

void ConnectionProbe::fail(const ProbeError &error)
{
    if (!m_running)
        return;
    if (m_stage != ProbeStage::None)
        endStage(false);
    m_result.error = error;
    complete();
}

void ConnectionProbe::complete()
{
    m_result.totalMs = m_totalTimer.nsecsElapsed() / 1e6;
    const ProbeResult result = m_result;
    abort();
    Q_EMIT finished(result);
}

void ConnectionProbe::onStageTimeout()
{
    fail(ProbeError::make(
        m_stage, ProbeError::Kind::Timeout,
        QStringLiteral("no answer within %1 ms (a firewall dropping packets, or an overloaded "
                       "server or router)")
            .arg(m_stageTimeout.interval())));
}

void ConnectionProbe::onLookedUp(const QHostInfo &info)
{
    if (info.lookupId() != m_lookupId || m_stage != ProbeStage::Dns)
        return;
    m_lookupId = -1;
    QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        fail(ProbeError::make(
            ProbeStage::Dns, ProbeError::Kind::UnknownHost,
            QStringLiteral("unknown host: '%1' does not resolve; check the host name in the URL")
                .arg(m_target.host),
            info.errorString(), 2005));
        return;
    }
    endStage(true);
    // MySQL servers (and our sandbox) often listen on IPv4 only while "localhost" resolves to ::1 first.
    std::stable_partition(addresses.begin(), addresses.end(), [](const QHostAddress &a) {
        return a.protocol() == QAbstractSocket::IPv4Protocol;
    });

    m_socket = new QSslSocket(this);
    connect(m_socket, &QSslSocket::connected, this, &ConnectionProbe::onConnected);
    connect(m_socket, &QSslSocket::readyRead, this, &ConnectionProbe::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, &ConnectionProbe::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &ConnectionProbe::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &ConnectionProbe::onSocketError);
    beginStage(ProbeStage::Tcp, m_target.timeoutMs);
    m_socket->connectToHost(addresses.first(), m_target.port);
}

void ConnectionProbe::onConnected()
{
    endStage(true);
    beginStage(ProbeStage::Greeting, m_target.timeoutMs);
}

void ConnectionProbe::onReadyRead()
{
    if (m_stage != ProbeStage::Greeting)
        return;
    m_buffer += m_socket->readAll();
    const MySqlHandshake::ParseResult parsed = MySqlHandshake::parseGreeting(m_buffer);
    switch (parsed.status) {
    case MySqlHandshake::ParseStatus::NeedMoreData:
        return;
    case MySqlHandshake::ParseStatus::Malformed:
        fail(ProbeError::make(ProbeStage::Greeting, ProbeError::Kind::ProtocolError,
                              QStringLiteral("this is not a MySQL server (check the port)"),
                              parsed.errorMessage));
        return;
    case MySqlHandshake::ParseStatus::ServerError:
        // A server refuses before the handshake with an ERR packet: 1040 (no free slots), 1129 (host
        // blocked).
        fail(ProbeError::fromMySqlCode(ProbeStage::Greeting, parsed.errorCode, parsed.errorMessage));
        return;
    case MySqlHandshake::ParseStatus::Greeting:
        break;
    }
    m_result.server.greetingVersion = MySqlHandshake::displayVersion(parsed.greeting.serverVersion);
    m_result.server.connectionId = parsed.greeting.connectionId;
    m_result.server.capabilities = parsed.greeting.capabilities;
    endStage(true);
    if (parsed.greeting.supportsTls()) {
        startTls(parsed.greeting.capabilities);
        return;
    }
    m_result.tls.state = TlsCard::State::NotOffered;
    if (!m_target.caFile.isEmpty()) {
        beginStage(ProbeStage::Tls, m_target.timeoutMs);
        fail(ProbeError::make(ProbeStage::Tls, ProbeError::Kind::TlsNotOffered,
                              QStringLiteral("a CA file was given but the server does not offer TLS")));
        return;
    }
    startSql();
}

void ConnectionProbe::startTls(quint32 serverCapabilities)
{
    beginStage(ProbeStage::Tls, m_target.timeoutMs);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_target.caFile.isEmpty()) {
        const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_target.caFile, QSsl::Pem);
        if (ca.isEmpty()) {
            fail(ProbeError::make(ProbeStage::Tls, ProbeError::Kind::InvalidTarget,
                                  QStringLiteral("the CA file '%1' is missing or holds no PEM certificate")
                                      .arg(m_target.caFile)));
            return;
        }
        config.setCaCertificates(ca);
    }
    // Verify always (against the given CA, or the system's), but let the handshake finish whatever the
    // outcome: onSslErrors() records the errors so the TLS card shows cipher and certificate even then.
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(m_target.host);
    m_sslErrors.clear();
    // Protocol: after the greeting the client sends SSLRequest (seq 1), then TLS starts on the same TCP
    // stream.
    m_socket->write(MySqlHandshake::sslRequest(serverCapabilities));
    m_socket->startClientEncryption();
}

void ConnectionProbe::onSslErrors(const QList<QSslError> &errors)
{
    m_sslErrors = errors;
    m_socket->ignoreSslErrors();
}

void ConnectionProbe::onEncrypted()
{
    TlsCard &card = m_result.tls;
    const QSslCipher cipher = m_socket->sessionCipher();
    card.cipher = cipher.name();
    card.protocol = cipher.protocolString();
    card.setCertificate(m_socket->peerCertificate());
    for (const QSslError &error : std::as_const(m_sslErrors))
        card.verificationErrors << error.errorString();
    card.state = TlsCard::classify(m_sslErrors, !m_target.caFile.isEmpty());
    if (card.state == TlsCard::State::VerificationFailed) {
        fail(
            ProbeError::make(ProbeStage::Tls, ProbeError::Kind::TlsVerificationFailed,
                             QStringLiteral("TLS verification failed: the server certificate does not verify "
                                            "against the given CA file"),
                             card.verificationErrors.join(QStringLiteral("; "))));
        return;
    }
    endStage(true);
    startSql();
}

void ConnectionProbe::onSocketError()
{
    if (!m_socket || !m_running)
        return;
    if (m_stage == ProbeStage::Tls)
        m_result.tls.state = TlsCard::State::HandshakeFailed;
    fail(socketError(m_stage, m_socket->error(), m_socket->errorString()));
}

void ConnectionProbe::ensureWorker()
{
    if (m_sqlThread)
        return;
    m_worker = new SqlProbeWorker;
    connect(m_worker, &SqlProbeWorker::identified, this, &ConnectionProbe::onSqlIdentified);
    m_sqlThread = std::make_unique<SqlWorkerThread>(m_worker);
    // Thread start and driver loading overlap the DNS, TCP, greeting and TLS stages instead of
    // delaying the login after them (a first probe in a process, like `cleardbctl probe`, pays both).
    QMetaObject::invokeMethod(m_worker, &SqlProbeWorker::preloadDriver);
}

void ConnectionProbe::startSql()
{
    // The raw connection has served its purpose; the driver logs in on its own connection.
    cleanupSocket();
    ensureWorker();
    // The driver enforces its own timeouts in whole seconds (connect, then read); this guard only
    // catches a driver that ignores them.
    const int seconds = qMax(1, (m_target.timeoutMs + 999) / 1000);
    beginStage(ProbeStage::Auth, 3 * seconds * 1000 + 1000);
    const quint64 ticket = ++m_ticket;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, ticket, target = m_target] {
        worker->identify(ticket, target, false);
    });
}

void ConnectionProbe::onSqlIdentified(quint64 ticket, const SqlOutcome &outcome)
{
    if (ticket != m_ticket || !m_running)
        return;
    m_stageTimeout.stop();
    // Both SQL stages ran back to back in the worker; report them with the worker's own timings.
    const double authMs = qMax(0.0, outcome.authMs);
    m_result.stages.append(StageTiming{ProbeStage::Auth, authMs, outcome.error.stage != ProbeStage::Auth});
    Q_EMIT stageFinished(m_result.stages.last());
    if (outcome.error.isError() && outcome.error.stage == ProbeStage::Auth) {
        m_stage = ProbeStage::None;
        m_result.error = outcome.error;
        complete();
        return;
    }
    m_result.stages.append(
        StageTiming{ProbeStage::Query, qMax(0.0, outcome.queryMs), !outcome.error.isError()});
    Q_EMIT stageFinished(m_result.stages.last());
    m_result.server.answered = outcome.server.answered;
    m_result.server.serverId = outcome.server.serverId;
    m_result.server.hostname = outcome.server.hostname;
    m_result.server.version = outcome.server.version;
    m_result.server.readOnly = outcome.server.readOnly;
    m_stage = ProbeStage::None;
    m_result.error = outcome.error;
    complete();
}
