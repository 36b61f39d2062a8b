// SPDX-License-Identifier: MIT
#pragma once

#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"

// The add-on marketplace: GET /addon-services, /addon-services/{svc}, /addon-services/{svc}/plans,
// /addon-services/{svc}/plans/{plan} and /plans/{id}.
class CatalogRoutes
{
public:
    static void install(Router &router, SimContext &ctx);
};
