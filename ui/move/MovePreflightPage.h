// SPDX-License-Identifier: MIT
#pragma once

#include "transfer/DatabaseEndpoint.h"
#include "transfer/PreflightFinding.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class TransferPreflight;

// The Move wizard's pre-flight page: runs TransferPreflight for the chosen source and target and lists
// its findings, each with its severity's icon. ready() is true once it finished without a blocker.
//
//     page->run(source, target, app);     // asynchronous; finishedRun() when the findings are listed
//
// The one blocker a user may lift is the target holding something: for that finding only, "Replace
// what the target holds" appears, guarded as Remove ClearDB… is (the app's name typed exactly); once
// confirmed, the pre-flight runs again as a replace, where that finding is only a warning, and
// replace() is true so the copy drops the target's contents first.
class MovePreflightPage : public QWidget
{
    Q_OBJECT
public:
    explicit MovePreflightPage(QWidget *parent = nullptr);
    ~MovePreflightPage() override;

    // The quota of the target's plan (0: none known, e.g. a dedicated cluster).
    void setTargetQuotaBytes(qint64 bytes) { m_quotaBytes = bytes; }
    void run(const DatabaseEndpoint &source, const DatabaseEndpoint &target, const QString &app);
    void cancel();
    bool isRunning() const;
    bool ready() const;
    bool replace() const { return m_replace; }
    QList<PreflightFinding> findings() const;

Q_SIGNALS:
    void finishedRun();

private:
    void start();
    void onFinished();
    void updateReplace();
    bool isTargetContents(const PreflightFinding &finding) const;

    DatabaseEndpoint m_source;
    DatabaseEndpoint m_target;
    QString m_app;
    qint64 m_quotaBytes = 0;
    bool m_replace = false;
    QPointer<TransferPreflight> m_check;
    QLabel *m_status;
    QListWidget *m_findings;
    QWidget *m_replaceBox;
    QLabel *m_replacePrompt;
    QLineEdit *m_confirmEdit;
    QPushButton *m_replaceButton;
};
