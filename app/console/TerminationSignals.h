// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

// SIGTERM (a desktop session's logout, `kill`), SIGINT (Ctrl+C in a terminal) and
// SIGHUP (the terminal closing) turned into a Qt signal, so they end the console
// the same orderly way as File → Quit instead of killing it with its sandbox
// still running. The handler does the only async-signal-safe thing there is to
// do: it writes the signal's number to one end of a socket pair; a
// QSocketNotifier on the other end emits received() on the GUI thread (the
// self-pipe trick, as in Qt's "Calling Qt Functions From Unix Signal Handlers").
// One instance per process; on platforms without these signals it does nothing.
class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    // Puts the default dispositions back.
    ~TerminationSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};
