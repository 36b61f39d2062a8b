// SPDX-License-Identifier: MIT
#include "probe/ProbeStage.h"

QString probeStageName(ProbeStage stage)
{
    switch (stage) {
    case ProbeStage::None:
        return QStringLiteral("none");
    case ProbeStage::Dns:
        return QStringLiteral("dns");
    case ProbeStage::Tcp:
        return QStringLiteral("tcp");
    case ProbeStage::Greeting:
        return QStringLiteral("greeting");
    case ProbeStage::Tls:
        return QStringLiteral("tls");
    case ProbeStage::Auth:
        return QStringLiteral("auth");
    case ProbeStage::Query:
        return QStringLiteral("query");
    }
    return QStringLiteral("unknown");
}
