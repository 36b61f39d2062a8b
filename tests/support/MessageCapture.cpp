// SPDX-License-Identifier: MIT
#include "MessageCapture.h"

namespace {
// Qt's handler is a plain function pointer, so the lines live in one place;
// only one capture is active at a time.
QStringList &capturedLines()
{
    static QStringList lines;
    return lines;
}

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLines() << message;
}
} // namespace

MessageCapture::MessageCapture()
{
    capturedLines().clear();
    m_previous = qInstallMessageHandler(captureMessage);
    m_active = true;
}

MessageCapture::~MessageCapture()
{
    stop();
}

void MessageCapture::stop()
{
    if (!m_active)
        return;
    qInstallMessageHandler(m_previous);
    m_active = false;
}

QStringList MessageCapture::lines() const
{
    return capturedLines();
}
