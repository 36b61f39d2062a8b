// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class ConfirmationDialog;
class QWidget;
struct ProbeTarget;

// Asks before the replication-lag canary writes to a user's database. ask() opens a ConfirmationDialog
// (open(), never exec()) that names the table (CanaryWorker::tableName()), the database and the primary
// it is written through, and what each measurement does; confirming emits granted(), Cancel or closing
// emits refused() and leaves nothing behind. Ticking "Don't ask again for this database until the
// console quits" remembers that one database (user, host, port, name: never the password) in memory
// only; the next ask() for it emits granted() at once. Nothing is ever written to disk.
//
//     connect(consent, &CanaryConsent::granted, this, [this] { monitor->setCanaryConsent(true); });
//     consent->ask(window, primaryTarget);
class CanaryConsent : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void ask(QWidget *parent, const ProbeTarget &primary);
    bool isRemembered(const ProbeTarget &primary) const;
    // The open question, if any (tests answer it by its buttons' objectNames).
    ConfirmationDialog *dialog() const { return m_dialog; }

Q_SIGNALS:
    void granted();
    void refused();

private:
    static QString key(const ProbeTarget &primary);

    QSet<QString> m_remembered;
    QPointer<ConfirmationDialog> m_dialog;
};
