// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpRequestParser.h"

#include <QtGlobal>

// What one heroku-sim HTTP server lets a peer cost it. The defaults suit the simulator (a handful
// of local clients, bodies of a few KiB); tests set small values to reach each limit quickly.
//
// Memory per connection stays near maxHeaderBytes + maxBodyBytes + readBufferBytes +
// maxPendingOutputBytes however much a peer pipelines, and time is bounded by the deadlines, which
// count from the first byte of a request and are not renewed by each byte that trickles in.
struct HttpLimits
{
    qint64 maxHeaderBytes = HttpRequestParser::DefaultMaxHeaderBytes; // larger heads: 431
    qint64 maxBodyBytes = HttpRequestParser::DefaultMaxBodyBytes;     // larger bodies: 413
    // Bytes the socket layer reads ahead of the parser; when full, TCP flow control stops the peer.
    qint64 readBufferBytes = 64 * 1024;
    // Answers written but not yet taken by the peer; beyond this no further request is handled
    // until the peer reads, so a client that pipelines and never reads cannot grow our memory.
    qint64 maxPendingOutputBytes = 1024 * 1024;
    // Concurrent connections; the ones beyond it are answered 503 and closed at once.
    int maxConnections = 256;
    int headTimeoutMs = 10 * 1000;  // first byte of a request to the end of its head: else 408
    int bodyTimeoutMs = 30 * 1000;  // end of the head to the end of the body: else 408
    int idleTimeoutMs = 90 * 1000;  // keep-alive with no request, as Heroku's router closes
    int lingerTimeoutMs = 2 * 1000; // most time spent draining input before closing after an error
};
