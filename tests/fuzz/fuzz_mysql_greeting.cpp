// SPDX-License-Identifier: MIT
// libFuzzer: MySqlHandshake::parseGreeting reads the first bytes any server (or anything listening on
// the port) sends. It must never crash or read past the buffer, and must agree with itself: a packet it
// completed parses the same way on its own and with trailing bytes, and one byte short of it is
// NeedMoreData (the probe peeks at a socket that may deliver the greeting in pieces).
#include "probe/MySqlHandshake.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "MySQL greeting parser broken: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray buffer(reinterpret_cast<const char *>(data), qsizetype(size));
    const MySqlHandshake::ParseResult r = MySqlHandshake::parseGreeting(buffer);
    using Status = MySqlHandshake::ParseStatus;
    if (r.status == Status::NeedMoreData)
        return 0;
    if (r.packetLength > 0) {
        require(r.packetLength >= 5 && r.packetLength <= buffer.size(), "packet length outside the buffer");
        const QByteArray packet = buffer.left(r.packetLength);
        require(MySqlHandshake::parseGreeting(packet).status == r.status,
                "the packet alone parses differently");
        require(MySqlHandshake::parseGreeting(packet + QByteArray("\x07trailing", 9)).status == r.status,
                "trailing bytes change the result");
        require(MySqlHandshake::parseGreeting(packet.left(packet.size() - 1)).status == Status::NeedMoreData,
                "an incomplete packet is not NeedMoreData");
    }
    if (r.status == Status::Greeting) {
        require(r.greeting.protocolVersion == 10, "a greeting that is not protocol 10");
        require(!r.greeting.serverVersion.contains(QChar(0)), "NUL inside the server version");
        const QByteArray request = MySqlHandshake::sslRequest(r.greeting.capabilities);
        require(request.size() == 36 && request.at(3) == 1, "SSLRequest is not 36 bytes with sequence 1");
        (void)MySqlHandshake::displayVersion(r.greeting.serverVersion);
    }
    if (r.status == Status::Malformed)
        require(!r.errorMessage.isEmpty(), "malformed without a reason");
    return 0;
}
