// SPDX-License-Identifier: MIT
#pragma once

#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"

// GET and PATCH /apps/{app}/config-vars. PATCH sets string values and unsets null ones (schema:
// "remove by setting it to null"). A var that an add-on attachment owns (<ATTACHMENT>_URL, e.g.
// CLEARDB_DATABASE_URL) can be changed only through the add-on, so setting or unsetting it is
// refused with 422 and nothing in the request is applied.
class ConfigVarRoutes
{
public:
    static void install(Router &router, SimContext &ctx);
};
