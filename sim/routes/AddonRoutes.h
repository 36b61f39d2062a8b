// SPDX-License-Identifier: MIT
#pragma once

#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"

// Add-ons: GET /addons, GET /addons/{addon}, GET /apps/{app}/addons, GET/PATCH/DELETE
// /apps/{app}/addons/{addon}, POST /apps/{app}/addons and POST /actions/addons/resolve.
//
// Create answers 201 with the add-on in state "provisioning"; the config var appears only when the
// provisioner reports back (asynchronous provisioning, as ClearDB does). {addon} may be an add-on
// id, its name, or the name of one of its attachments on that app, which is how the CLI addresses
// add-ons ("CLEARDB_DATABASE").
class AddonRoutes
{
public:
    static void install(Router &router, SimContext &ctx);
};
