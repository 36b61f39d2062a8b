// SPDX-License-Identifier: MIT
#include "probe/MariaDbConnection.h"

#include "probe/ConnectorError.h"
#include "probe/ConnectorIo.h"
#include "probe/ConnectorTls.h"
#include "probe/MySqlHandshake.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cerrno>
#include <mutex>

#include <mysql.h>

MariaDbConnection::MariaDbConnection() = default;

MariaDbConnection::~MariaDbConnection()
{
    close();
}

void MariaDbConnection::initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { mysql_library_init(0, nullptr, nullptr); });
}

const char *MariaDbConnection::pluginsWithoutTls()
{
    // Challenge-response only: the server never learns the password. caching_sha2_password and
    // sha256_password are left out because their full authentication sends the password in clear once
    // the library believes TLS is in use (Connector/C 3.3 checks the option, not the connection) or
    // RSA-encrypts it to a key the unauthenticated server itself supplies.
    return "mysql_native_password,client_ed25519";
}

const char *MariaDbConnection::pluginsWithTls()
{
    return "mysql_native_password,client_ed25519,caching_sha2_password,sha256_password,"
           "mysql_clear_password,dialog";
}

void MariaDbConnection::close()
{
    if (!m_mysql)
        return;
    mysql_close(m_mysql);
    m_mysql = nullptr;
}

void MariaDbConnection::abandon(int status, const std::function<int(int)> &cont)
{
    // mariadb_cancel() makes every further read and write fail, so the pending operation ends at once.
    mariadb_cancel(m_mysql);
    for (int round = 0; status != 0 && round < 100; ++round)
        status = cont(status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE | MYSQL_WAIT_EXCEPT | MYSQL_WAIT_TIMEOUT));
}

ProbeError MariaDbConnection::open(const ProbeTarget &target, const QString &address, Login *login,
                                   const StageCallback &onStage)
{
    close();
    initLibrary();
    ConnectorIo::blockSigpipe();
    Login local;
    Login &out = login ? *login : local;
    m_timeoutMs = qMax(100, target.timeoutMs);
    const bool caGiven = !target.caFile.isEmpty();
    if (caGiven && !QFileInfo(target.caFile).isReadable())
        return ProbeError::make(
            ProbeStage::Tls, ProbeError::Kind::InvalidTarget,
            QStringLiteral("the CA file '%1' is missing or unreadable; check ssl-ca in the URL")
                .arg(target.caFile));
    m_mysql = mysql_init(nullptr);
    if (!m_mysql)
        return ProbeError::make(ProbeStage::None, ProbeError::Kind::ServerError,
                                QStringLiteral("the MySQL client library could not start (out of memory)"));

    // The library's own timeouts (whole seconds) back up the per-stage deadlines below.
    const unsigned int seconds = unsigned((m_timeoutMs + 999) / 1000);
    mysql_optionsv(m_mysql, MYSQL_OPT_CONNECT_TIMEOUT, &seconds);
    mysql_optionsv(m_mysql, MYSQL_OPT_READ_TIMEOUT, &seconds);
    mysql_optionsv(m_mysql, MYSQL_OPT_WRITE_TIMEOUT, &seconds);
    const my_bool useTls = 1;
    mysql_optionsv(m_mysql, MYSQL_OPT_SSL_ENFORCE, &useTls);
    const QByteArray ca = target.caFile.toLocal8Bit();
    if (caGiven)
        mysql_optionsv(m_mysql, MYSQL_OPT_SSL_CA, ca.constData());
    mysql_optionsv(m_mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_optionsv(m_mysql, MARIADB_OPT_RESTRICTED_AUTH, pluginsWithoutTls());
    mysql_optionsv(m_mysql, MYSQL_OPT_NONBLOCK, nullptr);

    ProbeStage stage = ProbeStage::Tcp;
    QElapsedTimer stageTimer;
    QDeadlineTimer deadline(m_timeoutMs);
    double lastTlsResumeMs = -1;
    double carriedMs = 0; // time of this stage already spent inside the previous one's library call
    const auto endStage = [&](bool ok) {
        const StageTiming timing{stage, carriedMs + stageTimer.nsecsElapsed() / 1e6, ok};
        carriedMs = 0;
        out.stages.append(timing);
        if (onStage)
            onStage(timing);
    };
    const auto beginStage = [&](ProbeStage next) {
        stage = next;
        stageTimer.start();
        deadline.setRemainingTime(m_timeoutMs);
    };
    const auto failStage = [&](const ProbeError &error) {
        endStage(false);
        close();
        return error;
    };

    MYSQL *connected = nullptr;
    const std::function<int(int)> cont = [this, &connected](int events) {
        return mysql_real_connect_cont(&connected, m_mysql, events);
    };
    const QByteArray host = (address.isEmpty() ? target.host : address).toUtf8();
    const QByteArray user = target.user.toUtf8();
    QByteArray password = target.password.toUtf8();
    // The library reads these buffers until the login ends (it copies the password late); wipe it then.
    struct Wipe
    {
        QByteArray &bytes;
        ~Wipe() { bytes.fill('\0'); }
    } wipe{password};
    const QByteArray database = target.database.toUtf8();
    stageTimer.start();
    int status = mysql_real_connect_start(
        &connected, m_mysql, host.constData(), user.constData(), password.constData(),
        database.isEmpty() ? nullptr : database.constData(), target.port, nullptr, 0);
    // Decides what the login may do from the greeting, before the library reads it (see the class comment).
    const auto onGreeting = [&]() -> ProbeError {
        const ConnectorIo::GreetingPeek peek = ConnectorIo::peekGreeting(mysql_get_socket(m_mysql), deadline);
        const MySqlHandshake::ParseResult &parsed = peek.parsed;
        if (peek.error.isError())
            return peek.error;
        if (parsed.status == MySqlHandshake::ParseStatus::Malformed)
            return ProbeError::make(ProbeStage::Greeting, ProbeError::Kind::ProtocolError,
                                    QStringLiteral("this is not a MySQL server (check the port)"),
                                    parsed.errorMessage);
        if (parsed.status == MySqlHandshake::ParseStatus::ServerError)
            // 1040 (no free slots) or 1129 (host blocked) instead of a greeting.
            return ProbeError::fromMySqlCode(ProbeStage::Greeting, parsed.errorCode, parsed.errorMessage);
        out.server.greetingVersion = MySqlHandshake::displayVersion(parsed.greeting.serverVersion);
        out.server.connectionId = parsed.greeting.connectionId;
        out.server.capabilities = parsed.greeting.capabilities;
        endStage(true);
        if (parsed.greeting.supportsTls()) {
            // The library answers CLIENT_SSL with TLS (or fails): the login will be encrypted.
            mysql_optionsv(m_mysql, MARIADB_OPT_RESTRICTED_AUTH, pluginsWithTls());
            beginStage(ProbeStage::Tls);
            return {};
        }
        out.tls.state = TlsCard::State::NotOffered;
        beginStage(ProbeStage::Auth);
        if (!caGiven)
            return {};
        beginStage(ProbeStage::Tls);
        return ProbeError::make(
            ProbeStage::Tls, ProbeError::Kind::TlsNotOffered,
            QStringLiteral("a CA file was given but the server does not offer TLS; nothing "
                           "was sent (check the host and port)"));
    };
    // The rare case where the library connected and read the greeting without ever waiting: the
    // greeting's fields come from the library, and the plugins stay restricted as without TLS (fail
    // closed) unless TLS is already up.
    const auto greetedByLibrary = [&] {
        out.server.greetingVersion =
            MySqlHandshake::displayVersion(QString::fromUtf8(m_mysql->server_version));
        out.server.connectionId = quint32(m_mysql->thread_id);
        out.server.capabilities = quint32(m_mysql->server_capabilities);
        endStage(true);
        beginStage(ProbeStage::Greeting);
        endStage(true);
        if (m_mysql->server_capabilities & MySqlHandshake::ClientSsl) {
            beginStage(ProbeStage::Tls);
            if (ConnectorTls::isEncrypted(m_mysql))
                mysql_optionsv(m_mysql, MARIADB_OPT_RESTRICTED_AUTH, pluginsWithTls());
        } else {
            out.tls.state = TlsCard::State::NotOffered;
            beginStage(ProbeStage::Auth);
        }
    };
    // When one library call finished the TLS handshake and the whole login, the TLS stage ends at the
    // last point this loop saw (see below).
    const auto endTlsInsideLogin = [&] {
        const double total = stageTimer.nsecsElapsed() / 1e6;
        // The handshake ended after the server's last flight arrived, at the library's last resumption
        // during this stage. Debian's Connector/C 3.3 often does the whole handshake and login in one
        // call without returning: then the TLS stage includes the login's round trip.
        const double tls = lastTlsResumeMs;
        const double tlsMs = tls >= 0 && tls < total ? tls : total;
        const StageTiming timing{ProbeStage::Tls, tlsMs, true};
        out.stages.append(timing);
        if (onStage)
            onStage(timing);
        beginStage(ProbeStage::Auth);
        carriedMs = total - tlsMs;
    };
    bool greeted = false;
    while (status != 0) {
        if (!greeted && m_mysql->server_version) {
            greeted = true;
            greetedByLibrary();
        }
        if (!greeted) {
            // TCP is up once the socket is writable (a connect in progress) or the library waits to
            // read (the greeting): peek at the greeting before handing control back.
            int events = MYSQL_WAIT_READ;
            if (status & MYSQL_WAIT_WRITE) {
                events = ConnectorIo::waitFor(m_mysql, status, deadline);
                if (events < 0) {
                    abandon(status, cont);
                    return failStage(ProbeError::make(
                        stage, ProbeError::Kind::Timeout,
                        QStringLiteral("no answer within %1 ms (a firewall dropping packets, or nothing "
                                       "routes to that host)")
                            .arg(m_timeoutMs)));
                }
                const int connectError = ConnectorIo::connectError(mysql_get_socket(m_mysql));
                if (events == MYSQL_WAIT_TIMEOUT || connectError == EINPROGRESS || connectError == EALREADY) {
                    status = cont(events); // still connecting: the library's own timeout applies
                    continue;
                }
                if (connectError != 0) {
                    // Connector/C 3.3 reports a failed non-blocking connect as 2013 with errno 115.
                    abandon(status, cont);
                    return failStage(ConnectorError::fromConnectErrno(connectError));
                }
            }
            greeted = true;
            endStage(true);
            beginStage(ProbeStage::Greeting);
            const ProbeError error = onGreeting();
            if (error.isError()) {
                abandon(status, cont);
                return failStage(error);
            }
            status = cont(events);
            continue;
        }
        if (stage == ProbeStage::Tls && ConnectorTls::isEncrypted(m_mysql)) {
            out.tls = ConnectorTls::describe(m_mysql, target.host, caGiven);
            endStage(true);
            beginStage(ProbeStage::Auth);
        }
        const int events = ConnectorIo::waitFor(m_mysql, status, deadline);
        if (events < 0) {
            abandon(status, cont);
            if (stage == ProbeStage::Tls)
                out.tls.state = TlsCard::State::HandshakeFailed;
            return failStage(ProbeError::make(
                stage, ProbeError::Kind::Timeout,
                QStringLiteral("no answer within %1 ms (a firewall dropping packets, or an overloaded "
                               "server or router)")
                    .arg(m_timeoutMs)));
        }
        if (stage == ProbeStage::Tls)
            lastTlsResumeMs = stageTimer.nsecsElapsed() / 1e6;
        status = cont(events);
    }
    if (!greeted && m_mysql->server_version)
        greetedByLibrary();
    if (!connected && stage == ProbeStage::Tls && ConnectorError::cameAfterTls(m_mysql)) {
        // The TLS handshake completed (the server answered the login); its card is not known.
        endTlsInsideLogin();
    }
    if (!connected) {
        const ProbeError error = ConnectorError::fromConnection(m_mysql, stage);
        if (stage == ProbeStage::Tls) {
            out.tls.state = error.kind == ProbeError::Kind::TlsVerificationFailed
                                ? TlsCard::State::VerificationFailed
                                : TlsCard::State::HandshakeFailed;
            out.tls.verificationErrors << error.detail;
        }
        return failStage(error);
    }
    // A fast server's answer can complete the login in the same call that finished the TLS handshake.
    if (stage == ProbeStage::Tls && ConnectorTls::isEncrypted(m_mysql)) {
        out.tls = ConnectorTls::describe(m_mysql, target.host, caGiven);
        endTlsInsideLogin();
    }
    endStage(true);
    return {};
}

bool MariaDbConnection::drive(int status, const std::function<int(int)> &cont)
{
    const QDeadlineTimer deadline(m_timeoutMs);
    while (status != 0) {
        const int events = ConnectorIo::waitFor(m_mysql, status, deadline);
        if (events < 0) {
            abandon(status, cont);
            return false;
        }
        status = cont(events);
    }
    return true;
}

ProbeError MariaDbConnection::query(const QString &sql, QVariantList *firstRow)
{
    return run(sql, firstRow, nullptr);
}

ProbeError MariaDbConnection::queryRows(const QString &sql, QList<QVariantList> *rows)
{
    rows->clear();
    return run(sql, nullptr, rows);
}

ProbeError MariaDbConnection::run(const QString &sql, QVariantList *firstRow, QList<QVariantList> *rows)
{
    if (!m_mysql)
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::ConnectionLost,
                                QStringLiteral("not connected to the server"));
    const auto timeout = [this] {
        close();
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::Timeout,
                                QStringLiteral("the server did not answer within %1 ms; the connection was "
                                               "closed")
                                    .arg(m_timeoutMs));
    };
    m_columns.clear();
    const QByteArray bytes = sql.toUtf8();
    int failed = 0;
    if (!drive(mysql_real_query_start(&failed, m_mysql, bytes.constData(),
                                      static_cast<unsigned long>(bytes.size())),
               [this, &failed](int events) { return mysql_real_query_cont(&failed, m_mysql, events); }))
        return timeout();
    if (failed != 0)
        return queryError();
    MYSQL_RES *result = nullptr;
    if (!drive(mysql_store_result_start(&result, m_mysql),
               [this, &result](int events) { return mysql_store_result_cont(&result, m_mysql, events); }))
        return timeout();
    if (!result)
        return mysql_field_count(m_mysql) == 0 ? ProbeError() : queryError();
    const MYSQL_FIELD *fields = mysql_fetch_fields(result);
    for (unsigned int i = 0; i < mysql_num_fields(result); ++i)
        m_columns << QString::fromUtf8(fields[i].name, int(fields[i].name_length));
    // The whole result is stored client-side: fetching rows no longer touches the network.
    const auto values = [result](MYSQL_ROW row) {
        const unsigned long *lengths = mysql_fetch_lengths(result);
        QVariantList out;
        for (unsigned int i = 0; i < mysql_num_fields(result); ++i)
            out.append(row[i] ? QVariant(QString::fromUtf8(row[i], int(lengths[i]))) : QVariant());
        return out;
    };
    if (rows) {
        while (MYSQL_ROW row = mysql_fetch_row(result))
            rows->append(values(row));
    } else if (MYSQL_ROW row = mysql_fetch_row(result); row && firstRow) {
        *firstRow = values(row);
    }
    mysql_free_result(result);
    return {};
}

ProbeError MariaDbConnection::queryError()
{
    const ProbeError error = ConnectorError::fromConnection(m_mysql, ProbeStage::Query);
    // A lost connection is never reused (after a router failover or ClearDB's idle kill it is dead).
    if (error.code == 2006 || error.code == 2013)
        close();
    return error;
}

QString MariaDbConnection::literal(const QVariant &value) const
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toString();
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    default:
        break;
    }
    // mysql_real_escape_string follows the connection's character set and NO_BACKSLASH_ESCAPES.
    const QByteArray in = value.toString().toUtf8();
    QByteArray out(in.size() * 2 + 1, '\0');
    const unsigned long length = m_mysql ? mysql_real_escape_string(m_mysql, out.data(), in.constData(),
                                                                    static_cast<unsigned long>(in.size()))
                                         : 0;
    out.truncate(int(length));
    return QLatin1Char('\'') + QString::fromUtf8(out) + QLatin1Char('\'');
}
