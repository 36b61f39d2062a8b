// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/FrameworkSnippet.h"
#include "dburl/SnippetInputs.h"

// Node.js snippets for the mysql2 package: createPool() with explicit fields, and the `uri` form.
// Used only by FrameworkSnippet::generate().
//
// Why: mysql2 wants TLS material as file contents (fs.readFileSync), not paths, so TLS lives only in
// the explicit form; its URI parser keeps the brackets of an IPv6 host and warns about unknown keys
// (such as `reconnect`), so the URI form carries only what mysql2 understands and is skipped for IPv6.
class NodeSnippetWriter
{
public:
    static FrameworkSnippet node(const SnippetInputs &in);

private:
    static QString passwordExpression(const SnippetInputs &in);
};
