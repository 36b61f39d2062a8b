// SPDX-License-Identifier: MIT
#include "BrowserLauncher.h"

#include "sandbox/DaemonEnvironment.h"

#include <QProcess>

Status BrowserLauncher::open(const QUrl &url, const QProcessEnvironment &environment)
{
    const QString address = url.toString(QUrl::FullyEncoded);
    QString program;
    QStringList arguments;
    const QString browser = environment.value(QStringLiteral("BROWSER")).section(QLatin1Char(':'), 0, 0);
    if (!browser.trimmed().isEmpty()) {
        QStringList words = QProcess::splitCommand(browser);
        bool placed = false;
        for (QString &word : words) {
            if (word.contains(QStringLiteral("%s"))) {
                word.replace(QStringLiteral("%s"), address);
                placed = true;
            }
        }
        if (!placed)
            words.append(address);
        program = words.takeFirst();
        arguments = words;
    } else {
#if defined(Q_OS_MACOS)
        program = QStringLiteral("open");
        arguments = {address};
#elif defined(Q_OS_WIN)
        program = QStringLiteral("rundll32");
        arguments = {QStringLiteral("url.dll,FileProtocolHandler"), address};
#else
        program = QStringLiteral("xdg-open");
        arguments = {address};
#endif
    }
    // The browser outlives us and has no use for the API key, a DATABASE_URL or any other credential the
    // shell holds; it would keep them in /proc/PID/environ for its whole life, as a daemon would.
    const QProcessEnvironment childEnvironment = DaemonEnvironment::withoutCredentials(environment);
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(childEnvironment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    if (!process.startDetached())
        return makeError(
            Error::Kind::Unsupported,
            QStringLiteral("Could not start %1 to open a browser; open the address yourself").arg(program));
    return {};
}
