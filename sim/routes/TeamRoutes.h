// SPDX-License-Identifier: MIT
#pragma once

#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"

// The caller's teams: GET /teams, GET /teams/{id or name} and GET /teams/{id or name}/apps (the
// team-app shape). A team the caller is not a member of answers 404 resource "team".
namespace TeamRoutes {
void install(Router &router, SimContext &ctx);
}
