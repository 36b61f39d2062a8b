// SPDX-License-Identifier: MIT
// console-stall-bench: the console's main window against heroku-sim seeded with 2,000 apps (started
// the way the console's sandbox starts it), with an event-loop watchdog running throughout. It loads
// the app list, selects an app, types a filter character by character (and deletes it again) like a
// user, then reports the longest stall of each phase and the process's resident memory after loading
// (VmRSS from /proc/self/status). A benchmark: it prints numbers beside the targets, never fails on them.
//
//     console-stall-bench [--apps 2000] [--type-gap-ms 60] [--json]
#include "AppInfo.h"
#include "EventLoopWatchdog.h"
#include "sandbox/SandboxSession.h"
#include "session/ConsoleConnection.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>

namespace {
constexpr double kStallTargetMs = 50;
constexpr double kRssTargetMb = 80;

// "VmRSS:   61234 kB" -> MB.
double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

void fail(const QString &message)
{
    std::fprintf(stderr, "console-stall-bench: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}
} // namespace

int main(int argc, char *argv[])
{
    // Offscreen unless the caller chose a platform (xcb under xvfb-run measures real painting too).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("apps"), QStringLiteral("Apps heroku-sim seeds (default 2000)."),
                      QStringLiteral("n"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("type-gap-ms"), QStringLiteral("Pause between keystrokes (default 60)."),
                      QStringLiteral("ms"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")});
    parser.process(app);
    const int apps = parser.value(QStringLiteral("apps")).toInt();
    const int gapMs = parser.value(QStringLiteral("type-gap-ms")).toInt();

    QNetworkAccessManager network;
    SandboxSession sim;
    sim.setAppCount(apps);
    MainWindow window(&network);
    EventLoopWatchdog dog;
    QElapsedTimer loadTimer;
    QJsonObject result{{QStringLiteral("apps"), apps},
                       {QStringLiteral("version"), AppInfo::version()},
                       {QStringLiteral("platform"), QGuiApplication::platformName()}};

    // The filter is typed as key events on the real QLineEdit, one per gap, so each keystroke's work
    // (proxy model refiltering 2,000 rows, the view's relayout and paint) happens inside the loop.
    const QString typed = QStringLiteral("sandbox-app-1999");
    auto keystrokes = std::make_shared<QList<QKeyEvent *>>();
    auto step = std::make_shared<std::function<void()>>();
    *step = [&, keystrokes, step] {
        auto *filter = window.findChild<QLineEdit *>(QStringLiteral("appFilter"));
        if (keystrokes->isEmpty()) {
            dog.stop();
            result.insert(QStringLiteral("filterStallMs"), dog.maxStallMs(QStringLiteral("filter")));
            result.insert(QStringLiteral("maxStallMs"), dog.maxStallMs());
            result.insert(QStringLiteral("framesMissed"), dog.framesMissed());
            QCoreApplication::quit();
            return;
        }
        QKeyEvent *event = keystrokes->takeFirst();
        QCoreApplication::sendEvent(filter, event);
        delete event;
        QTimer::singleShot(gapMs, &window, *step);
    };

    QObject::connect(&window, &MainWindow::appsPainted, &window, [&](int count) {
        result.insert(QStringLiteral("loadMs"), double(loadTimer.elapsed()));
        result.insert(QStringLiteral("loadStallMs"), dog.maxStallMs(QStringLiteral("load")));
        result.insert(QStringLiteral("appsShown"), count);
        // Memory after loading, once the paint and the requests' buffers have settled.
        QTimer::singleShot(1000, &window, [&, keystrokes, step] {
            result.insert(QStringLiteral("rssMb"), statusMb("VmRSS"));
            result.insert(QStringLiteral("peakRssMb"), statusMb("VmHWM"));
            dog.setPhase(QStringLiteral("filter"));
            for (const QChar c : typed)
                keystrokes->append(new QKeyEvent(QEvent::KeyPress, 0, Qt::NoModifier, QString(c)));
            for (qsizetype i = 0; i < typed.size(); ++i)
                keystrokes->append(new QKeyEvent(QEvent::KeyPress, Qt::Key_Backspace, Qt::NoModifier));
            window.findChild<QLineEdit *>(QStringLiteral("appFilter"))->setFocus();
            (*step)();
        });
    });
    QObject::connect(&window, &MainWindow::loadFailed, &app, fail);
    QObject::connect(&sim, &SandboxSession::failed, &app, fail);
    QObject::connect(&sim, &SandboxSession::started, &window,
                     [&](const ApiEndpoint &endpoint, const Secret &token) {
                         ConsoleConnection connection;
                         connection.endpoint = endpoint;
                         connection.token = token;
                         connection.sandbox = true;
                         dog.start(QStringLiteral("load"));
                         loadTimer.start();
                         window.open(connection);
                     });
    window.show();
    sim.start();
    const int status = app.exec();
    if (status != 0)
        return status;

    if (parser.isSet(QStringLiteral("json"))) {
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    std::printf("apps shown            %d (of %d seeded), loaded in %.0f ms\n",
                result.value(QStringLiteral("appsShown")).toInt(), apps,
                result.value(QStringLiteral("loadMs")).toDouble());
    std::printf("longest stall, load   %6.1f ms   (target <= %.0f ms)\n",
                result.value(QStringLiteral("loadStallMs")).toDouble(), kStallTargetMs);
    std::printf("longest stall, filter %6.1f ms   (target <= %.0f ms; %d keystrokes)\n",
                result.value(QStringLiteral("filterStallMs")).toDouble(), kStallTargetMs,
                int(typed.size() * 2));
    std::printf("frames missed (>16.7 ms) %d\n", result.value(QStringLiteral("framesMissed")).toInt());
    std::printf("VmRSS after loading   %6.1f MB   (target <= %.0f MB; peak %.1f MB)\n",
                result.value(QStringLiteral("rssMb")).toDouble(), kRssTargetMb,
                result.value(QStringLiteral("peakRssMb")).toDouble());
    return 0;
}
