// SPDX-License-Identifier: MIT
#pragma once

#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"

// The caller's OAuth authorizations (its API tokens) and sessions, as the Heroku CLI's logout uses
// them: DELETE /oauth/sessions/~ ends the session of the calling token (a browser login) and
// revokes that token; GET /oauth/authorizations lists the account's authorizations, tokens
// redacted; GET /oauth/authorizations/~ is the account's default one (its "API key"), which the
// CLI's logout never deletes; DELETE /oauth/authorizations/{id} revokes one. An account reaches
// only its own. oauth-session is not in the Platform API schema: its answer is
// {id, description, created_at, updated_at}, and a token without a session gets the
// 404 {"id":"not_found","resource":"session"} the CLI tolerates.
namespace OAuthRoutes {
void install(Router &router, SimContext &ctx);
}
