// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QtGlobal>

// Captures every Qt log message (qDebug … qFatal) raw, with no redaction in
// between, so a test can assert a secret never reached the logging layer.
//
//     MessageCapture capture;            // installs the handler
//     qWarning() << …;                   // code under test
//     capture.stop();                    // or let the destructor restore the old handler
//     QVERIFY(!capture.lines().join("\n").contains(token));
class MessageCapture
{
public:
    MessageCapture();
    ~MessageCapture();
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

    // Restores the handler that was installed before; later messages are not captured.
    void stop();
    // The messages so far.
    QStringList lines() const;
    // The handler that was current when capturing started (for chains installed meanwhile).
    QtMessageHandler previous() const { return m_previous; }

private:
    QtMessageHandler m_previous = nullptr;
    bool m_active = false;
};
