// SPDX-License-Identifier: MIT
#include "probe/SqlSession.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

namespace {
const QString kDriver = QStringLiteral("QMYSQL");

ProbeError fromSqlError(ProbeStage stage, const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (!ok || code == 0)
        return ProbeError::make(stage, ProbeError::Kind::ServerError,
                                QStringLiteral("the MySQL driver failed"), detail);
    return ProbeError::fromMySqlCode(stage, code, detail);
}
} // namespace

SqlSession::SqlSession()
{
    static QAtomicInteger<quint64> counter;
    m_name = QStringLiteral("cleardb-probe-%1").arg(counter.fetchAndAddRelaxed(1));
}

SqlSession::~SqlSession()
{
    close();
}

void SqlSession::preloadDriver()
{
    static QAtomicInteger<int> loaded;
    if (loaded.fetchAndStoreRelaxed(1) != 0 || !QSqlDatabase::isDriverAvailable(kDriver))
        return;
    const QString name = QStringLiteral("cleardb-preload-%1").arg(quintptr(QThread::currentThreadId()));
    // Creating the driver instance is what loads the plugin and runs mysql_library_init().
    QSqlDatabase::addDatabase(kDriver, name);
    QSqlDatabase::removeDatabase(name);
}

QString SqlSession::connectOptions(const ProbeTarget &target)
{
    // The MySQL C API takes these in whole seconds; never 0, which would mean "wait forever".
    const int seconds = qMax(1, (target.timeoutMs + 999) / 1000);
    QString options =
        QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1;MYSQL_OPT_READ_TIMEOUT=%1;MYSQL_OPT_WRITE_TIMEOUT=%1")
            .arg(seconds);
    if (!target.caFile.isEmpty())
        options += QStringLiteral(";SSL_CA=") + target.caFile;
    return options;
}

ProbeError SqlSession::open(const ProbeTarget &target, double *elapsedMs)
{
    close();
    if (!QSqlDatabase::isDriverAvailable(kDriver))
        return ProbeError::make(ProbeStage::Auth, ProbeError::Kind::DriverMissing,
                                QStringLiteral("the Qt MySQL driver is missing; install libqt6sql6-mysql"));
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, m_name);
    db.setHostName(target.host);
    db.setPort(target.port);
    db.setUserName(target.user);
    db.setPassword(target.password);
    db.setDatabaseName(target.database);
    db.setConnectOptions(connectOptions(target));
    const bool opened = db.open();
    if (elapsedMs)
        *elapsedMs = timer.nsecsElapsed() / 1e6;
    if (!opened)
        return fromSqlError(ProbeStage::Auth, db.lastError());
    return {};
}

bool SqlSession::isOpen() const
{
    return QSqlDatabase::contains(m_name) && QSqlDatabase::database(m_name, false).isOpen();
}

void SqlSession::close()
{
    if (!QSqlDatabase::contains(m_name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

ProbeError SqlSession::identify(ServerIdentity *identity, double *elapsedMs)
{
    QVariantList row;
    QElapsedTimer timer;
    timer.start();
    ProbeError error =
        exec(QStringLiteral("SELECT @@server_id, @@hostname, @@version, @@read_only"), {}, &row);
    if (elapsedMs)
        *elapsedMs = timer.nsecsElapsed() / 1e6;
    if (error.isError())
        return error;
    if (row.size() < 4)
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::ProtocolError,
                                QStringLiteral("the server answered the identity query without a row"));
    identity->answered = true;
    identity->serverId = row.at(0).toLongLong();
    identity->hostname = row.at(1).toString();
    identity->version = row.at(2).toString();
    identity->readOnly = row.at(3).toInt() != 0;
    return {};
}

ProbeError SqlSession::exec(const QString &sql, const QVariantList &values, QVariantList *firstRow)
{
    if (!isOpen())
        return ProbeError::make(ProbeStage::Query, ProbeError::Kind::ConnectionLost,
                                QStringLiteral("not connected to the server"));
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!values.isEmpty() && !query.prepare(sql))
        return fromSqlError(ProbeStage::Query, query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    const bool ok = values.isEmpty() ? query.exec(sql) : query.exec();
    if (!ok)
        return fromSqlError(ProbeStage::Query, query.lastError());
    if (firstRow && query.next()) {
        firstRow->clear();
        const int columns = query.record().count();
        for (int i = 0; i < columns; ++i)
            firstRow->append(query.value(i));
    }
    return {};
}
