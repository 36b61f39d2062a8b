// SPDX-License-Identifier: MIT
#include "widgets/CloseWithSession.h"

#include "session/ConsoleSession.h"

#include <QWidget>

void closeWithSession(QWidget *window, ConsoleSession *session)
{
    if (session)
        QObject::connect(session, &ConsoleSession::retiring, window, &QWidget::close);
}
