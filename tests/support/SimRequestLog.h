// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

class SimProcess;

// The requests heroku-sim served, from its `--log` lines ("heroku-sim: GET /apps -> 206"), so a
// test can assert what cleardbctl sent: how many pages, that a refused `remove` sent nothing,
// that a POST was not repeated.
//
//     SimRequestLog log(sim);        // remembers where the log is now
//     ctl.run({"apps"});
//     QCOMPARE(log.count("GET", "/apps"), 2);
// The sim must run with --log. Only requests made after construction (or mark()) count.
class SimRequestLog
{
public:
    explicit SimRequestLog(SimProcess &sim);

    void mark();
    // "METHOD /path -> status" lines since the mark.
    QStringList lines();
    int count(const QString &method, const QString &path);
    int countMethod(const QString &method);
    int total() { return lines().size(); }

private:
    SimProcess &m_sim;
    int m_offset = 0;
};
