// SPDX-License-Identifier: MIT
#pragma once

#include "probe/MySqlHandshake.h"
#include "probe/ProbeError.h"

#include <QDeadlineTimer>

struct st_mysql;

// The socket side of MariaDbConnection's non-blocking calls: waiting (poll, WSAPoll on Windows) for what
// Connector/C asked for, within a deadline in milliseconds, and peeking at the server greeting before the
// library reads it. Functions, not a connection: they hold no state.
class ConnectorIo
{
public:
    struct GreetingPeek
    {
        MySqlHandshake::ParseResult parsed;
        ProbeError error; // timeout or closed connection; a malformed greeting is in `parsed`
    };

    // Blocks SIGPIPE in the calling thread (see the .cpp for why).
    static void blockSigpipe();
    // Waits for the MYSQL_WAIT_* events in `status`, no longer than `deadline`. Returns the events to
    // hand to the _cont() call, or -1 when the deadline came first.
    static int waitFor(st_mysql *mysql, int status, const QDeadlineTimer &deadline);
    // The errno a non-blocking connect on `socket` ended with (SO_ERROR; Winsock's codes are mapped to
    // the errno names); 0 once it is connected.
    static int connectError(qintptr socket);
    // Reads the greeting on `socket` with MSG_PEEK, leaving it for the library, until it is complete.
    static GreetingPeek peekGreeting(qintptr socket, const QDeadlineTimer &deadline);
};
