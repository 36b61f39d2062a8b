// SPDX-License-Identifier: MIT
#include "sim/provisioning/FakeDatabaseUrls.h"

QString FakeDatabaseUrls::hex(QRandomGenerator &rng, int length)
{
    static const char digits[] = "0123456789abcdef";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(digits[rng.bounded(16)]);
    return out;
}

QString FakeDatabaseUrls::cleardb(QRandomGenerator &rng)
{
    const QString user = hex(rng, 14);
    const QString password = hex(rng, 8);
    const QString database = hex(rng, 15);
    return QStringLiteral("mysql://%1:%2@us-cdbr-east-06.cleardb.net/heroku_%3?reconnect=true")
        .arg(user, password, database);
}

QString FakeDatabaseUrls::postgres(QRandomGenerator &rng)
{
    return QStringLiteral("postgres://u%1:p%2@ec2-%3-%4-%5-%6.compute-1.amazonaws.com:5432/d%7")
        .arg(hex(rng, 13), hex(rng, 64))
        .arg(rng.bounded(1, 255))
        .arg(rng.bounded(1, 255))
        .arg(rng.bounded(1, 255))
        .arg(rng.bounded(1, 255))
        .arg(hex(rng, 13));
}
