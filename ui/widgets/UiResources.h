// SPDX-License-Identifier: MIT
#pragma once

// Registers the icons of resources/cleardb.qrc. cleardb_ui is a static library,
// whose resource initialiser the linker would otherwise drop; calling this more
// than once is harmless.
void initUiResources();
