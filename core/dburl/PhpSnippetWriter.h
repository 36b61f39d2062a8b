// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/FrameworkSnippet.h"
#include "dburl/SnippetInputs.h"

// PHP PDO snippet (pdo_mysql): DSN plus user and password as separate arguments, TLS as
// PDO::MYSQL_ATTR_SSL_* driver options. Used only by FrameworkSnippet::generate().
//
// Why: a PDO DSN has no escaping, so credentials never go in it; a ';' in the host, database or
// charset cannot be expressed at all and is reported in the notes.
class PhpSnippetWriter
{
public:
    static FrameworkSnippet php(const SnippetInputs &in);
};
