// SPDX-License-Identifier: MIT
#include "widgets/UiResources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
void initUiResources()
{
    Q_INIT_RESOURCE(cleardb);
}
