// SPDX-License-Identifier: MIT
#include "TokenReader.h"

#include <cstdio>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

TokenReader::Result TokenReader::readFromStdin(const QString &prompt)
{
    Result result;
#ifdef Q_OS_UNIX
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        const QByteArray text = prompt.toUtf8();
        std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
        std::fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
#else
    Q_UNUSED(prompt)
#endif
    std::string line;
    int c = 0;
    // A token is one line; stop there so a pasted token plus newline ends the read.
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    const bool failed = std::ferror(stdin) != 0;
#ifdef Q_OS_UNIX
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
#endif
    if (failed)
        result.error = QStringLiteral("could not read the token from stdin");
    result.token = QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size())).trimmed();
    return result;
}
