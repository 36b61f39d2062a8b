// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class BusyIndicator;
class QLabel;
struct ConsoleConnection;

// The permanent right-hand part of the status bar: busy wheel, where the console
// is connected (host and where the token came from, never the token), the
// account's e-mail, and the API calls left (RateLimit-Remaining). Heroku allows
// about 4,500 calls per hour and token; the figure turns red near the end so a
// user knows why requests are about to fail with 429.
class StatusBarInfo : public QWidget
{
    Q_OBJECT
public:
    // Below this many remaining calls the rate limit is shown as a warning.
    static constexpr int LowRateLimit = 100;

    explicit StatusBarInfo(QWidget *parent = nullptr);

    void setConnection(const ConsoleConnection &connection);
    void setConnecting(const QString &what);
    void setAccountEmail(const QString &email);
    void setRateLimitRemaining(int remaining);
    void setBusy(bool busy);

private:
    BusyIndicator *m_busy;
    QLabel *m_connection;
    QLabel *m_account;
    QLabel *m_rateLimit;
};
