// SPDX-License-Identifier: MIT
#include "TokenReader.h"

#include <cstdio>
#include <iterator>
#include <string>

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace {

Result<QString> readLine()
{
    std::string line;
    int c = 0;
    // A token is one line; stop there so a pasted token plus newline ends the read.
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    if (std::ferror(stdin) != 0)
        return makeError(Error::Kind::Io, QStringLiteral("could not read the token from stdin"));
    return QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size())).trimmed();
}

#ifdef Q_OS_UNIX
// The terminal settings to put back if a signal ends the program mid-prompt.
// Written before the handlers are installed, only read by them.
termios g_savedTerminal{};

constexpr int InterruptingSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void restoreTerminalAndDie(int signal)
{
    // Only async-signal-safe calls (POSIX.1-2017 section 2.4.3): tcsetattr, write, raise.
    // SA_RESETHAND has put the default action back, so raising the signal again
    // ends the program as the signal would have, exit status included.
    tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    const ssize_t written = write(STDERR_FILENO, "\n", 1);
    static_cast<void>(written);
    raise(signal);
}

// Echo off while it lives, and back on however the prompt ends: normally (the
// destructor) or by Ctrl-C, kill or a closed terminal (the signal handlers).
class QuietTerminal
{
public:
    QuietTerminal()
    {
        if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndDie;
        action.sa_flags = SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        for (const int signal : InterruptingSignals)
            sigaddset(&action.sa_mask, signal);
        for (std::size_t i = 0; i < std::size(InterruptingSignals); ++i)
            sigaction(InterruptingSignals[i], &action, &m_previous[i]);
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        if (!m_active)
            restoreHandlers();
    }
    ~QuietTerminal()
    {
        if (!m_active)
            return;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        restoreHandlers();
    }
    QuietTerminal(const QuietTerminal &) = delete;
    QuietTerminal &operator=(const QuietTerminal &) = delete;

private:
    void restoreHandlers()
    {
        for (std::size_t i = 0; i < std::size(InterruptingSignals); ++i)
            sigaction(InterruptingSignals[i], &m_previous[i], nullptr);
    }

    struct sigaction m_previous[std::size(InterruptingSignals)] = {};
    bool m_active = false;
};
#endif

} // namespace

Result<QString> TokenReader::readFromStdin(const QString &prompt)
{
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO) == 1) {
        Result<QString> result = QString();
        {
            // Echo goes off before the prompt appears, so nothing typed ahead is shown either.
            const QuietTerminal quiet;
            const QByteArray text = prompt.toUtf8();
            std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
            std::fflush(stderr);
            result = readLine();
        }
        std::fputc('\n', stderr);
        return result;
    }
#endif
    Q_UNUSED(prompt)
    return readLine();
}
