// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class SimProcess;

// Runs the real cleardbctl binary as a subprocess, the way a user or a script does, against
// a heroku-sim started by SimProcess.
//
//     CtlProcess ctl(sim);
//     const CtlProcess::Run run = ctl.run({"--json", "apps"});
//     QCOMPARE(run.exitCode, 0);
//
// The environment is clean and private: HOME is a fresh temporary directory (so no real
// ~/.netrc is read or written), DBUS_SESSION_BUS_ADDRESS is unset (no keychain), HEROKU_HOST
// points at the sim and HEROKU_API_KEY holds the sim's token. Every run also checks that the
// token appears in neither stdout nor stderr: leaking it is a failure whatever the test.
class CtlProcess
{
public:
    struct Run
    {
        int exitCode = -1;
        bool finished = false;
        QString out;
        QString err;
        // The last line of stderr: the verdict ("error: …") after any progress lines.
        QString errLine() const { return err.trimmed().section(QLatin1Char('\n'), -1); }
    };

    explicit CtlProcess(SimProcess &sim);

    QProcessEnvironment &environment() { return m_env; }
    QString home() const { return m_home.path(); }
    Run run(const QStringList &args, const QByteArray &input = QByteArray(), int timeoutMs = 60000);
    // True when no run so far has printed the token.
    bool tokenNeverPrinted() const { return m_tokenLeaks == 0; }

private:
    SimProcess &m_sim;
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    int m_tokenLeaks = 0;
};
