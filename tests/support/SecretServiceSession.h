// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

// A real Secret Service for a test: a private dbus-daemon and Debian's gnome-keyring-daemon (secrets
// component only), in a private HOME / XDG_DATA_HOME / XDG_RUNTIME_DIR, never the developer's keyring.
//
//     SecretServiceSession keyring;
//     QVERIFY2(keyring.start(), qPrintable(keyring.errorString()));
//     QVERIFY(keyring.storeLikeHerokuCli("user@example.com", token));   // secret-tool store, as `heroku
//     login` QVERIFY(keyring.writeLoginJson("user@example.com"));
//     process.setProcessEnvironment(keyring.environment());             // DBUS_SESSION_BUS_ADDRESS, HOME,
//     XDG_*
//
// start() brings up the bus with its own configuration, which has no service directories: nothing is
// ever D-Bus-activated, so a client call can never start a second, locked keyring behind the test's back.
// Then the daemon starts with `--foreground --unlock --components=secrets`, the password on stdin, and
// start() returns only once it owns org.freedesktop.secrets and a `secret-tool store` + `lookup` round
// trip gave the value back: a test relying on it stands on a working keyring.
// Mode::Absent starts only the bus (no Secret Service at all); restartLocked() stops the daemon and starts
// it again without --unlock, so the login keyring written so far is locked, as after a reboot.
// Children get SIGTERM if the test process dies (PR_SET_PDEATHSIG) and are stopped by the destructor.
// Needs dbus-daemon, dbus-send (dbus-bin), gnome-keyring, libsecret-tools.
class SecretServiceSession
{
public:
    enum class Mode
    {
        Unlocked,
        Absent,
    };

    SecretServiceSession();
    ~SecretServiceSession();
    SecretServiceSession(const SecretServiceSession &) = delete;
    SecretServiceSession &operator=(const SecretServiceSession &) = delete;

    bool start(Mode mode = Mode::Unlocked);
    bool restartLocked();
    void stop();
    QString errorString() const { return m_error; }

    // The system environment with HOME, XDG_{DATA,CONFIG,CACHE}_HOME, XDG_RUNTIME_DIR and
    // DBUS_SESSION_BUS_ADDRESS private to this session, no display, no HEROKU_API_KEY/HEROKU_HOST.
    QProcessEnvironment environment() const;
    QString home() const { return m_dir.path() + QStringLiteral("/home"); }
    QString dataHome() const { return m_dir.path() + QStringLiteral("/data"); }
    QByteArray busAddress() const { return m_busAddress; }
    // <XDG_DATA_HOME>/heroku/login.json, as the Heroku CLI writes it (dir 0700, file 0600).
    QString loginJsonPath() const { return dataHome() + QStringLiteral("/heroku/login.json"); }
    bool writeLoginJson(const QString &email);

    // `secret-tool store --label='Heroku CLI' service heroku-cli account <email>`, token on stdin: the
    // Heroku CLI's own call (credential-manager-core's linux-handler.js).
    bool storeLikeHerokuCli(const QString &email, const QString &token);
    // `secret-tool <args>` in this session: exit code, stdout in `out`, stderr in `err` (may be null).
    int secretTool(const QStringList &args, const QByteArray &input = {}, QByteArray *out = nullptr,
                   QByteArray *err = nullptr);

private:
    bool startBus();
    bool startKeyring(bool unlock);
    bool waitForSecretsOwner(bool owned);
    bool fail(const QString &message);

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QByteArray m_busAddress;
    QString m_error;
};
