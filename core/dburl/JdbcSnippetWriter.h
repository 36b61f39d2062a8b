// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/FrameworkSnippet.h"
#include "dburl/SnippetInputs.h"

// Java snippet for MySQL Connector/J 8: a jdbc:mysql:// URL with sslMode, characterEncoding and
// autoReconnect, and the credentials as connection properties. Used only by FrameworkSnippet::generate().
//
// Why: properties need no URL-encoding, so the password never goes in the URL; Connector/J cannot
// read PEM files, so a CA or client certificate comes with the keytool/openssl commands that turn
// them into the trust store and key store it reads.
class JdbcSnippetWriter
{
public:
    static FrameworkSnippet jdbc(const SnippetInputs &in);
};
