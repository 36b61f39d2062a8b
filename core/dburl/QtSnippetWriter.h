// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/FrameworkSnippet.h"
#include "dburl/SnippetInputs.h"

// Qt snippet: QSqlDatabase with the QMYSQL driver, TLS and reconnect through setConnectOptions()
// (SSL_CA=…;SSL_CERT=…;SSL_KEY=…;MYSQL_OPT_RECONNECT=1, the names Qt 6.4's driver reads).
// Used only by FrameworkSnippet::generate().
//
// Why: setConnectOptions() splits on ';' and has no escaping, so a ';' in a path is reported in the
// notes instead of producing a silently wrong option.
class QtSnippetWriter
{
public:
    static FrameworkSnippet qt(const SnippetInputs &in);
};
