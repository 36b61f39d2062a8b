// SPDX-License-Identifier: MIT
#include "monitoring/CanaryConsent.h"

#include "monitor/CanaryWorker.h"
#include "probe/ProbeTarget.h"
#include "widgets/ConfirmationDialog.h"

QString CanaryConsent::key(const ProbeTarget &primary)
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(primary.user, primary.host)
        .arg(primary.port)
        .arg(primary.database);
}

bool CanaryConsent::isRemembered(const ProbeTarget &primary) const
{
    return m_remembered.contains(key(primary));
}

void CanaryConsent::ask(QWidget *parent, const ProbeTarget &primary)
{
    if (isRemembered(primary)) {
        Q_EMIT granted();
        return;
    }
    if (m_dialog)
        m_dialog->close(); // one question at a time; the old one counts as refused
    auto *dialog =
        new ConfirmationDialog(tr("Measuring replication lag writes to your database. Allow it?"), parent);
    dialog->setObjectName(QStringLiteral("canaryConsentDialog"));
    dialog->setWindowTitle(tr("Measure replication lag"));
    dialog->setDetails(tr("Table:    %1\nDatabase: %2\nWritten through the primary: %3:%4")
                           .arg(CanaryWorker::tableName(), primary.database, primary.host)
                           .arg(primary.port));
    dialog->setNote(tr("Each measurement creates the table if it is missing, inserts one row, times how long "
                       "the secondary takes to see it, then deletes the row. No other table is read or "
                       "written. Cancel writes nothing."));
    dialog->setCheckBox(tr("Don't ask again for this database until the console quits"));
    dialog->setConfirmText(tr("Write canary rows"));
    const QString remembered = key(primary);
    connect(dialog, &ConfirmationDialog::confirmed, this, [this, remembered](bool remember) {
        if (remember)
            m_remembered.insert(remembered);
        Q_EMIT granted();
    });
    // finished() comes after confirmed() on OK and alone on Cancel, Escape or closing the window.
    connect(dialog, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted)
            Q_EMIT refused();
    });
    m_dialog = dialog;
    dialog->open();
}
