// SPDX-License-Identifier: MIT
#include "SecretServiceSession.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace {

const QByteArray Password = QByteArrayLiteral("keyring-test-password");

void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

SecretServiceSession::SecretServiceSession()
{
    dieWithParent(m_bus);
    dieWithParent(m_keyring);
}

SecretServiceSession::~SecretServiceSession()
{
    stop();
}

bool SecretServiceSession::fail(const QString &message)
{
    m_error = message;
    return false;
}

void SecretServiceSession::stop()
{
    stopProcess(m_keyring);
    stopProcess(m_bus);
}

QProcessEnvironment SecretServiceSession::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"HEROKU_API_KEY", "HEROKU_HOST", "HEROKU_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY",
                             "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("HOME"), home());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path() + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.path() + QStringLiteral("/cache"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path() + QStringLiteral("/runtime"));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(m_busAddress));
    return environment;
}

bool SecretServiceSession::start(Mode mode)
{
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    for (const char *tool : {"dbus-daemon", "dbus-send", "gnome-keyring-daemon", "secret-tool"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return fail(
                QStringLiteral("%1 is not installed (Debian packages dbus-daemon, dbus-bin, gnome-keyring, "
                               "libsecret-tools; scripts/setup.sh installs them)")
                    .arg(QString::fromLatin1(tool)));
    }
    for (const char *sub : {"home", "data", "config", "cache", "runtime", "bus"}) {
        const QString path = m_dir.path() + QLatin1Char('/') + QString::fromLatin1(sub);
        QDir().mkpath(path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (!startBus())
        return false;
    if (mode == Mode::Absent)
        return true;
    if (!startKeyring(true))
        return false;
    // The proof: a value stored through the service comes back.
    const QByteArray probe = QByteArrayLiteral("probe-value");
    if (secretTool({QStringLiteral("store"), QStringLiteral("--label=probe"), QStringLiteral("service"),
                    QStringLiteral("keyring-session-probe"), QStringLiteral("account"),
                    QStringLiteral("probe")},
                   probe) != 0)
        return fail(QStringLiteral("secret-tool store failed against the fresh keyring"));
    QByteArray out;
    if (secretTool({QStringLiteral("lookup"), QStringLiteral("service"),
                    QStringLiteral("keyring-session-probe"), QStringLiteral("account"),
                    QStringLiteral("probe")},
                   {}, &out) != 0 ||
        out != probe)
        return fail(QStringLiteral("secret-tool lookup did not return what was stored"));
    return true;
}

bool SecretServiceSession::startBus()
{
    // Debian's session configuration minus <standard_session_servicedirs/>: no activation.
    const QString config = m_dir.path() + QStringLiteral("/bus.conf");
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write the bus configuration"));
    file.write(
        QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                       " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                       "<busconfig><type>session</type><listen>unix:dir=%1</listen>\n"
                       "<auth>EXTERNAL</auth>\n"
                       "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                       "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
            .arg(m_dir.path() + QStringLiteral("/bus"))
            .toUtf8());
    file.close();
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                 QStringLiteral("--print-address=1")});
    if (!m_bus.waitForStarted(5000))
        return fail(QStringLiteral("dbus-daemon did not start: %1").arg(m_bus.errorString()));
    QDeadlineTimer deadline(5000);
    while (!m_bus.canReadLine() && !deadline.hasExpired() && m_bus.state() == QProcess::Running)
        m_bus.waitForReadyRead(100);
    m_busAddress = m_bus.readLine().trimmed();
    if (!m_busAddress.startsWith("unix:"))
        return fail(QStringLiteral("dbus-daemon printed no address: %1")
                        .arg(QString::fromUtf8(m_bus.readAllStandardError())));
    return true;
}

bool SecretServiceSession::startKeyring(bool unlock)
{
    m_keyring.setProcessEnvironment(environment());
    m_keyring.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_keyring.setStandardOutputFile(QProcess::nullDevice());
    QStringList args{QStringLiteral("--foreground"), QStringLiteral("--components=secrets")};
    if (unlock)
        args.prepend(QStringLiteral("--unlock"));
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"), args);
    if (!m_keyring.waitForStarted(5000))
        return fail(QStringLiteral("gnome-keyring-daemon did not start: %1").arg(m_keyring.errorString()));
    // --unlock reads the login keyring's password from stdin up to end of file.
    if (unlock) {
        m_keyring.write(Password);
        m_keyring.waitForBytesWritten(5000); // no event loop runs here to flush it
    }
    m_keyring.closeWriteChannel();
    if (!waitForSecretsOwner(true))
        return fail(QStringLiteral("gnome-keyring-daemon did not take org.freedesktop.secrets within 10 s"));
    return true;
}

bool SecretServiceSession::restartLocked()
{
    stopProcess(m_keyring);
    if (!waitForSecretsOwner(false))
        return fail(QStringLiteral("org.freedesktop.secrets stayed owned after the daemon stopped"));
    return startKeyring(false);
}

bool SecretServiceSession::waitForSecretsOwner(bool owned)
{
    // Asks the bus, not the service: a question to org.freedesktop.secrets itself could activate it.
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QProcess send;
        send.setProcessEnvironment(environment());
        send.start(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                    QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                    QStringLiteral("string:org.freedesktop.secrets")});
        send.waitForFinished(5000);
        if (send.readAllStandardOutput().contains(owned ? "boolean true" : "boolean false"))
            return true;
        QThread::msleep(50);
    }
    return false;
}

bool SecretServiceSession::writeLoginJson(const QString &email)
{
    const QString dir = dataHome() + QStringLiteral("/heroku");
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile file(loginJsonPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("cannot write %1").arg(file.fileName()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // JSON.stringify({account}) + "\n"
    file.write("{\"account\":\"" + email.toUtf8() + "\"}\n");
    return true;
}

bool SecretServiceSession::storeLikeHerokuCli(const QString &email, const QString &token)
{
    return secretTool({QStringLiteral("store"), QStringLiteral("--label=Heroku CLI"),
                       QStringLiteral("service"), QStringLiteral("heroku-cli"), QStringLiteral("account"),
                       email},
                      token.toUtf8()) == 0;
}

int SecretServiceSession::secretTool(const QStringList &args, const QByteArray &input, QByteArray *out,
                                     QByteArray *err)
{
    QProcess tool;
    tool.setProcessEnvironment(environment());
    tool.start(QStringLiteral("secret-tool"), args);
    if (!tool.waitForStarted(5000))
        return -1;
    tool.write(input);
    tool.closeWriteChannel();
    if (!tool.waitForFinished(15000)) {
        tool.kill();
        tool.waitForFinished(1000);
        return -1;
    }
    if (out)
        *out = tool.readAllStandardOutput();
    if (err)
        *err = tool.readAllStandardError();
    return tool.exitStatus() == QProcess::NormalExit ? tool.exitCode() : -1;
}
