// SPDX-License-Identifier: MIT
#pragma once

#include "sim/routes/Router.h"
#include "sim/routes/SimContext.h"

// Add-on attachments: GET /addon-attachments, /addon-attachments/{id}, /apps/{app}/addon-attachments,
// /apps/{app}/addon-attachments/{name}, /addons/{addon}/addon-attachments, and
// POST /actions/addon-attachments/resolve (the CLI's way to find "CLEARDB_DATABASE" on an app).
class AttachmentRoutes
{
public:
    static void install(Router &router, SimContext &ctx);
};
