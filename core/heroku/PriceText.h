// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// An amount of US cents as Heroku's Dashboard writes prices: "$9.99", "$0.05", "$1234.50". The one
// spelling of money for plans, price differences, the fleet's rows and its monthly total.
QString dollarsText(qint64 cents);
