// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/FrameworkSnippet.h"
#include "dburl/SnippetInputs.h"

// Rails snippets: config/database.yml for the mysql2 adapter and the DATABASE_URL config var.
// Used only by FrameworkSnippet::generate().
//
// Why: Rails picks the adapter from the URL scheme and `mysql://` selects a removed adapter, so the
// URL is always mysql2://; the hidden password is read with ERB and written with to_json, which
// yields a YAML double-quoted string whatever the password contains.
class RailsSnippetWriter
{
public:
    static FrameworkSnippet rails(const SnippetInputs &in);
};
