// SPDX-License-Identifier: MIT
#include "heroku/PriceText.h"

QString dollarsText(qint64 cents)
{
    return QStringLiteral("$%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}
