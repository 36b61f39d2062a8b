// SPDX-License-Identifier: MIT
#include "Secret.h"

#include "SecretRedactor.h"

#include <QDebug>

QDebug operator<<(QDebug debug, const Secret &secret)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Secret("
                              << (secret.isEmpty() ? QStringLiteral("empty") : SecretRedactor::mask()) << ')';
    return debug;
}
