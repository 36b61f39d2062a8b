// SPDX-License-Identifier: MIT
// fleet-bench: the console's fleet window against a running heroku-sim (HEROKU_HOST, token in
// HEROKU_API_KEY), offscreen, with an event-loop watchdog throughout. It reports when the first rows
// were painted, when the API's part of every row was in (plans, prices, DATABASE_URL), when every
// database was read (--probes), the most probes and config reads in flight at once, the longest stall
// and VmRSS. A benchmark: it prints numbers, never fails on them.
//
//     fleet-bench [--probes] [--json]
#include "EventLoopWatchdog.h"
#include "fleet/FleetLoader.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetRow.h"
#include "fleet/FleetSummary.h"
#include "fleetview/FleetWindow.h"
#include "heroku/ApiEndpoint.h"
#include "heroku/HerokuClient.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace {
// "VmRSS:   61234 kB" -> MB.
double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024;
    return -1;
}

// First paint of the table's viewport while the model has rows: what the user first sees.
class FirstRowsPaint : public QObject
{
public:
    FirstRowsPaint(QTableView *view, std::function<void()> painted)
        : m_view(view), m_painted(std::move(painted))
    {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_painted && m_view->model()->rowCount() > 0) {
            // After the paint itself, so the time includes it.
            QTimer::singleShot(0, this, std::exchange(m_painted, nullptr));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    std::function<void()> m_painted;
};
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("probes"), QStringLiteral("Read every database (one connection each).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object on stdout.")});
    parser.process(app);
    const bool probes = parser.isSet(QStringLiteral("probes"));

    QNetworkAccessManager network;
    HerokuClient client(&network, ApiEndpoint::fromSetting(qEnvironmentVariable("HEROKU_HOST")));
    client.setToken(qEnvironmentVariable("HEROKU_API_KEY"));
    EventLoopWatchdog dog;
    QElapsedTimer clock;
    QJsonObject result;

    QPointer<FleetWindow> window = new FleetWindow(&client);
    window->findChild<QCheckBox *>(QStringLiteral("fleetProbeCheck"))->setChecked(probes);
    FirstRowsPaint firstPaint(window->findChild<QTableView *>(QStringLiteral("fleetTable")), [&] {
        result.insert(QStringLiteral("firstRowsPaintedMs"), double(clock.elapsed()));
    });
    FleetLoader *loader = window->loader();
    const auto apiComplete = [&] {
        if (result.contains(QStringLiteral("apiCompleteMs")) || loader->rows().isEmpty())
            return;
        for (const FleetRow &row : loader->rows())
            if (row.databaseUrl == FleetRow::UrlState::Unknown && row.stateLine.isEmpty())
                return;
        result.insert(QStringLiteral("apiCompleteMs"), double(clock.elapsed()));
    };
    QObject::connect(loader, &FleetLoader::rowChanged, &app, apiComplete);
    QObject::connect(loader, &FleetLoader::finished, &app, [&](const FleetSummary &summary) {
        apiComplete();
        result.insert(QStringLiteral("finishedMs"), double(clock.elapsed()));
        result.insert(QStringLiteral("rows"), summary.addons);
        result.insert(QStringLiteral("apps"), summary.apps);
        result.insert(QStringLiteral("read"), summary.read);
        result.insert(QStringLiteral("unreachable"), summary.unreachable);
        result.insert(QStringLiteral("configFailed"), summary.configFailed);
        result.insert(QStringLiteral("peakProbes"), loader->peakProbes());
        result.insert(QStringLiteral("peakConfigRequests"), loader->peakConfigRequests());
        result.insert(QStringLiteral("rateLimitRemaining"), summary.rateLimitRemaining);
        result.insert(QStringLiteral("totalMonthlyCents"), double(window->model()->totalMonthlyCents()));
        // Let the last rows paint, then read the stall and memory figures.
        QTimer::singleShot(300, &app, [&] {
            dog.stop();
            result.insert(QStringLiteral("maxStallMs"), dog.maxStallMs());
            result.insert(QStringLiteral("framesMissed"), dog.framesMissed());
            result.insert(QStringLiteral("rssMb"), statusMb("VmRSS"));
            result.insert(QStringLiteral("peakRssMb"), statusMb("VmHWM"));
            QCoreApplication::exit(0); // not quit(): that closes the window, which deletes itself
        });
    });
    QTimer::singleShot(0, &app, [&] {
        dog.start(QStringLiteral("fleet"));
        clock.start();
        window->show(); // its first show refreshes
    });
    QTimer::singleShot(120000, &app, [] {
        std::fprintf(stderr, "fleet-bench: the fleet did not finish within 120 s\n");
        QCoreApplication::exit(1);
    });
    const int status = app.exec();
    delete window.data();
    if (status != 0)
        return status;
    if (parser.isSet(QStringLiteral("json"))) {
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    for (auto it = result.constBegin(); it != result.constEnd(); ++it)
        std::printf("%-22s %s\n", qPrintable(it.key()), qPrintable(it.value().toVariant().toString()));
    return 0;
}
