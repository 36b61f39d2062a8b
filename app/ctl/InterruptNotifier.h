// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT/SIGTERM (on Windows: Ctrl+C and Ctrl+Break) into a Qt signal, so a long-running command
// (`monitor`) can print its summary before it ends. On Unix the handler only writes one byte to a pipe
// (the only async-signal-safe way to wake an event loop); a QSocketNotifier reads it on the loop and
// emits interrupted(). On Windows the console's handler thread posts interrupted() to the loop.
// One instance per process.
class InterruptNotifier : public QObject
{
    Q_OBJECT
public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

Q_SIGNALS:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};
