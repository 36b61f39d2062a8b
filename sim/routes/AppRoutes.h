// SPDX-License-Identifier: MIT
#pragma once

#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"

// Account, apps, releases and dynos:
//   GET /account, GET /account/rate-limits, GET /apps, GET /users/~/apps, GET /apps/{app},
//   GET /apps/{app}/releases, GET /apps/{app}/releases/{id_or_version},
//   GET /apps/{app}/dynos, GET /apps/{app}/dynos/{dyno}, DELETE /apps/{app}/dynos (restart all, 202 {}),
//   DELETE /apps/{app}/dynos/{dyno} (restart one).
class AppRoutes
{
public:
    static void install(Router &router, SimContext &ctx);
};
