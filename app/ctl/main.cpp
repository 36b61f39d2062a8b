// SPDX-License-Identifier: MIT
// cleardbctl: the headless companion of ClearDB Console. Links core only, so it
// runs on servers and in CI without a display.
#include "CommandContext.h"
#include "CommandDispatcher.h"
#include "CtlSettings.h"

#include "AppInfo.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/SecretRedactor.h"

#include "probe/SqlWorkerThread.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cleardbctl"));
    QCoreApplication::setApplicationVersion(AppInfo::version());
    // Qt's own warnings (network, keychain) pass through the redactor too.
    SecretRedactor::installMessageFilter();

    const Result<CtlSettings> settings =
        CtlSettings::fromEnvironment(QProcessEnvironment::systemEnvironment());
    CommandContext context(settings.valueOr(CtlSettings()));
    KeychainCredentialStore keychain;
    CommandDispatcher dispatcher(&context, &keychain);

    // Everything runs on the event loop; a command ends it with its exit code.
    QTimer::singleShot(0, &context, [&] {
        if (!settings)
            return context.usageError(settings.error().oneLine());
        dispatcher.run(QCoreApplication::arguments());
    });
    const int status = QCoreApplication::exec();
    // An orderly end: a SQL worker still closing its MySQL connection while the process unloads the
    // driver crashes at exit. Bounded, since a worker stuck in a driver call cannot be interrupted;
    // then the process ends at once, without the static destructors that would pull code from under it.
    if (!SqlWorkerThread::quitAllAndWait(5000)) {
        std::fputs("cleardbctl: a database connection did not close within 5 s; exiting without it\n",
                   stderr);
        std::fflush(nullptr);
        std::_Exit(status);
    }
    return status;
}
