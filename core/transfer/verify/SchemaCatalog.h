// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/verify/SchemaSnapshot.h"

class SqlSession;

// Reads one database's schema objects from information_schema into a SchemaSnapshot: tables (columns
// with type, nullability, default, extra, charset, collation, comment and generation expression;
// indexes; foreign keys; check constraints; engine, collation, comment, create options and the
// AUTO_INCREMENT counter), views (definition, check option, security type, algorithm), triggers
// (table, timing, event, order, statement) and routines (type, parameters, return type, body,
// characteristics, comment). Definers are left out on purpose. Reads only, with the privileges of
// the database's own user (information_schema shows what that user may see).
class SchemaCatalog
{
public:
    static Result<SchemaSnapshot> read(SqlSession &session, const QString &database);
};
