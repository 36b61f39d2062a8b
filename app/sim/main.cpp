// SPDX-License-Identifier: MIT
// heroku-sim: a stateful Heroku Platform API simulator on 127.0.0.1, for offline sandboxes and as the
// peer of every client test. Prints its base URL as the first line of stdout and its login host as
// the second ("login http://127.0.0.1:N").
#include "common/Result.h"
#include "heroku/ClearDbPlans.h"
#include "sandbox/SandboxCluster.h"
#include "sim/SimServer.h"
#include "sim/provisioning/FakeClearDbProvisioner.h"
#include "sim/provisioning/SandboxDatabaseProvisioner.h"
#include "sim/state/SimSeeder.h"
#include "sim/state/StateStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <cstdio>
#include <optional>

namespace {
const char *const faultHelp =
    "Inject faults: RULE[;RULE...], RULE = METHOD PATH=KIND[*COUNT].\n"
    "METHOD: GET|POST|PATCH|PUT|DELETE|*. PATH: '*' matches one segment, '**' the rest.\n"
    "KIND: 429 | 500 | 503 (answer that error, request not run), slow:MS (run, answer MS later),\n"
    "drop (run, close without answer), malformed (run, truncate the JSON body).\n"
    "COUNT: fire that many times, then retire (default: always).\n"
    "Example: \"POST /apps/*/addons=slow:5000;GET /apps=429*2\". A running sim accepts the same\n"
    "grammar in the body of POST /__sim/faults (DELETE clears).";

int fail(const QString &message)
{
    std::fprintf(stderr, "heroku-sim: %s\n", qPrintable(message));
    return 1;
}

int fail(const Error &error)
{
    return fail(error.oneLine());
}

// The value of --name, or `fallback` when the option is not given.
Result<int> intOption(const QCommandLineParser &parser, const QString &name, int min, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min)
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("--%1 must be a whole number >= %2 (got \"%3\")")
                             .arg(name)
                             .arg(min)
                             .arg(parser.value(name)));
    return value;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("heroku-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLEARDB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates the Heroku Platform API (apps, ClearDB add-ons, config vars, dynos) on 127.0.0.1.\n"
        "Prints the base URL as the first line of stdout and \"login <url>\", the login host of the "
        "browser sign-in, as the second. Point the Heroku CLI at them with HEROKU_HOST=<url> and "
        "HEROKU_LOGIN_HOST=<login url>."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (0 = any free port)."),
         QStringLiteral("port"), QStringLiteral("0")},
        {QStringLiteral("token"),
         QStringLiteral("API token clients must send (required, or set HEROKU_SIM_TOKEN, which unlike an "
                        "argument other local users cannot read in the process list)."),
         QStringLiteral("token")},
        {QStringLiteral("apps"),
         QStringLiteral("Number of seeded apps when no state file exists (default 3)."), QStringLiteral("n"),
         QStringLiteral("3")},
        {QStringLiteral("team-apps"),
         QStringLiteral("Number of seeded apps of the team acme-data (sandbox@example.com is its admin) when "
                        "no state file exists (default 0)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("cleardb-apps"),
         QStringLiteral(
             "The first N seeded apps get a ClearDB add-on, laid out to show usage against plan limits: "
             "app 1 ignite at ~85% of its 5 MB, app 2 punch with little data (Heroku Postgres owns its "
             "DATABASE_URL), app 3 ignite over quota (~6 MB) with DATABASE_URL promoted, then ignite, "
             "punch, drift and scream in turn, empty, DATABASE_URL promoted on every other app. The sizes "
             "are real with --sandbox-cluster (sample tables, filled before the add-on is provisioned). "
             "Without this option apps 1 and 2 get ClearDB ignite and punch with empty databases."),
         QStringLiteral("n")},
        {QStringLiteral("provision-delay"),
         QStringLiteral("Milliseconds an add-on stays 'provisioning' (default 1500)."), QStringLiteral("ms"),
         QStringLiteral("1500")},
        {QStringLiteral("faults"), QString::fromUtf8(faultHelp), QStringLiteral("spec")},
        {QStringLiteral("state"), QStringLiteral("JSON file to load on start and save after each change."),
         QStringLiteral("file")},
        {QStringLiteral("log"), QStringLiteral("Log one line per request (method, path, status) to stderr.")},
        {QStringLiteral("sandbox-cluster"),
         QStringLiteral("Give every ClearDB add-on a real database and user on the sandbox cluster in DIR "
                        "(scripts/sandbox/cluster.sh start --dir DIR); CLEARDB_DATABASE_URL then points at "
                        "its HAProxy endpoint. The script is found through CLEARDB_SANDBOX_SCRIPT or the "
                        "installation."),
         QStringLiteral("dir")},
        {QStringLiteral("login-port"),
         QStringLiteral("TCP port of the login host on 127.0.0.1 (0 = any free port)."),
         QStringLiteral("port"), QStringLiteral("0")},
        {QStringLiteral("login-poll-ms"),
         QStringLiteral("Milliseconds the login host holds a pending token poll before answering 503 so "
                        "the client polls again (default 25000)."),
         QStringLiteral("ms"), QStringLiteral("25000")},
        {QStringLiteral("account"),
         QStringLiteral("Add an account EMAIL whose API key is TOKEN, with two apps of its own (repeatable; "
                        "also HEROKU_SIM_ACCOUNTS=EMAIL=TOKEN[,EMAIL=TOKEN...], which keeps the tokens out "
                        "of the process list)."),
         QStringLiteral("email=token")},
        {QStringLiteral("rate-limit"),
         QStringLiteral("Request budget per token, refilling ~75/minute (default 4500)."),
         QStringLiteral("n"), QStringLiteral("4500")},
    });
    parser.process(app);

    SimServer::Options options;
    const Result<int> port = intOption(parser, QStringLiteral("port"), 0, 0);
    if (!port)
        return fail(port.error());
    if (*port > 65535)
        return fail(QStringLiteral("--port must be 0..65535"));
    const Result<int> loginPort = intOption(parser, QStringLiteral("login-port"), 0, 0);
    if (!loginPort)
        return fail(loginPort.error());
    if (*loginPort > 65535)
        return fail(QStringLiteral("--login-port must be 0..65535"));
    const Result<int> pollHold = intOption(parser, QStringLiteral("login-poll-ms"), 1, 25000);
    if (!pollHold)
        return fail(pollHold.error());
    const Result<int> apps = intOption(parser, QStringLiteral("apps"), 0, 3);
    if (!apps)
        return fail(apps.error());
    const Result<int> teamApps = intOption(parser, QStringLiteral("team-apps"), 0, 0);
    if (!teamApps)
        return fail(teamApps.error());
    const Result<int> clearDbApps =
        intOption(parser, QStringLiteral("cleardb-apps"), 0, SimSeeder::ClassicClearDb);
    if (!clearDbApps)
        return fail(clearDbApps.error());
    const Result<int> delay = intOption(parser, QStringLiteral("provision-delay"), 0, 1500);
    if (!delay)
        return fail(delay.error());
    const Result<int> rateLimit = intOption(parser, QStringLiteral("rate-limit"), 1, options.rateLimit);
    if (!rateLimit)
        return fail(rateLimit.error());
    options.rateLimit = *rateLimit;
    options.token = parser.value(QStringLiteral("token")).toUtf8();
    if (options.token.isEmpty())
        options.token = qgetenv("HEROKU_SIM_TOKEN");
    if (options.token.isEmpty())
        return fail(
            QStringLiteral("--token (or HEROKU_SIM_TOKEN) is required: the API token clients must send"));
    QStringList accountSpecs = parser.values(QStringLiteral("account"));
    const QString fromEnvironment = qEnvironmentVariable("HEROKU_SIM_ACCOUNTS");
    if (!fromEnvironment.isEmpty())
        accountSpecs += fromEnvironment.split(QLatin1Char(','));
    QStringList tokens{QString::fromUtf8(options.token)};
    for (const QString &spec : std::as_const(accountSpecs)) {
        const QString email = spec.section(QLatin1Char('='), 0, 0).trimmed();
        const QString token = spec.section(QLatin1Char('='), 1).trimmed();
        // The value holds a token: name only the e-mail part in the message.
        if (!email.contains(QLatin1Char('@')) || token.isEmpty())
            return fail(QStringLiteral("--account needs EMAIL=TOKEN (got an entry for \"%1\")").arg(email));
        if (tokens.contains(token))
            return fail(QStringLiteral("--account %1: every account needs a token of its own").arg(email));
        tokens.append(token);
        options.accounts.append({email, token});
    }
    options.statePath = parser.value(QStringLiteral("state"));
    options.provisionDelayMs = *delay;
    options.logRequests = parser.isSet(QStringLiteral("log"));
    options.loginPollHoldMs = *pollHold;

    Result<std::optional<SimState>> loaded = options.statePath.isEmpty()
                                                 ? Result<std::optional<SimState>>(std::nullopt)
                                                 : StateStore::load(options.statePath);
    if (!loaded)
        return fail(loaded.error());
    // A fresh seed when there is no state file (yet).
    const bool seeded = !loaded->has_value();
    SimState state =
        seeded ? SimSeeder::seed(*apps, *teamApps, *clearDbApps) : std::move(loaded.value()).value();

    DatabaseProvisioner *provisioner = nullptr;
    if (parser.isSet(QStringLiteral("sandbox-cluster"))) {
        const QString dir = parser.value(QStringLiteral("sandbox-cluster"));
        const QString script = SandboxCluster::locateScript();
        if (dir.isEmpty())
            return fail(QStringLiteral("--sandbox-cluster needs the cluster directory"));
        if (script.isEmpty())
            return fail(
                QStringLiteral("--sandbox-cluster: cluster.sh was not found; set CLEARDB_SANDBOX_SCRIPT "
                               "to scripts/sandbox/cluster.sh"));
        provisioner = new SandboxDatabaseProvisioner(new SandboxCluster(script, QDir(dir).absolutePath()));
        // Seeded ClearDB add-ons get real databases too, so every app's CLEARDB_DATABASE_URL connects:
        // marked "provisioning" here, resumeProvisioning() below hands them to the sandbox provisioner.
        if (seeded) {
            for (SimAddon &addon : state.addons) {
                if (addon.plan.section(QLatin1Char(':'), 0, 0) == ClearDbPlans::serviceName())
                    addon.state = QStringLiteral("provisioning");
            }
        }
    } else {
        provisioner = new FakeClearDbProvisioner(*delay);
    }
    SimServer server(std::move(state), options, provisioner);
    if (parser.isSet(QStringLiteral("faults"))) {
        const Status armed = server.addFaults(parser.value(QStringLiteral("faults")));
        if (!armed)
            return fail(armed.error());
    }
    const Status listening = server.listen(quint16(*port));
    if (!listening)
        return fail(listening.error());
    const Status loginListening = server.listenLogin(quint16(*loginPort));
    if (!loginListening)
        return fail(loginListening.error());
    // A fresh seed is written at once, so the file exists before the first mutation.
    if (seeded) {
        const Status saved = server.saveState();
        if (!saved)
            return fail(saved.error());
    }
    server.resumeProvisioning();

    // Readers take the first line as the base URL; the login host comes second so they keep working.
    std::printf("http://127.0.0.1:%u\nlogin http://127.0.0.1:%u\n", unsigned(server.port()),
                unsigned(server.loginPort()));
    std::fflush(stdout);
    return app.exec();
}
