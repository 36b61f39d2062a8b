// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

class ConnectionProbe;
class DatabaseUrl;
struct ProbeResult;

// The one-line result of the dedicated-cluster dialog's "Test connection": it runs core's
// ConnectionProbe (the Connection tab's probe; its database work runs in a worker thread, so the
// GUI thread never waits) on a URL and says what came back — the server's version and the TLS
// negotiated on that very connection, or the probe's one-line error. The password is never in the
// text.
//
//     connect(testButton, &QPushButton::clicked, this, [=] { label->start(spec.toUrl().url); });
//     connect(edit, &QLineEdit::textChanged, label, &ConnectionTestLabel::cancel); // stale now
//
// start() while a test runs supersedes it (the earlier result is never shown); cancel() and the
// label's destruction abandon it. objectName: testResult.
class ConnectionTestLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ConnectionTestLabel(QWidget *parent = nullptr);
    ~ConnectionTestLabel() override;

    void start(const DatabaseUrl &url);
    void cancel();
    bool isRunning() const;
    // "Connected: MariaDB 10.11.6, TLSv1.3, verified." or "Connection failed: tcp: …"; no password.
    static QString describe(const ProbeResult &result, const QString &password);

Q_SIGNALS:
    void finished(bool ok);

private:
    void onFinished(const ProbeResult &result);

    ConnectionProbe *m_probe;
    QString m_password; // of the running test, only to keep it out of the text
};
