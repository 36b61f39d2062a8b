// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// "Watch masters…": the two masters' own URLs of a dedicated cluster (ClearDB mails them with the
// cluster), so the Monitor view watches each master beside the routed URL and the replication-lag
// canary can write through the primary and read on the secondary. Both fields are masked (Show reveals
// them while held checked); Watch masters checks that both parse (UrlProbeTarget) and hands them over
// through mastersChosen(), Stop watching masters hands over two empty secrets. The URLs are never
// logged: an unusable one is named by its field, with DatabaseUrl's password-free message.
// suggest() adds a button that fills both fields (the sandbox pair's masters). Shown with open();
// objectNames: masterUrlsDialog, primaryUrlEdit, secondaryUrlEdit, masterUrlsReveal, masterUrlsError,
// useMastersButton, clearMastersButton, suggestedMastersButton.
class MasterUrlsDialog : public QDialog
{
    Q_OBJECT
public:
    MasterUrlsDialog(const Secret &primary, const Secret &secondary, QWidget *parent = nullptr);

    void suggest(const Secret &primary, const Secret &secondary, const QString &buttonText);

Q_SIGNALS:
    void mastersChosen(const Secret &primary, const Secret &secondary);

private:
    void useMasters();

    QLineEdit *m_primary;
    QLineEdit *m_secondary;
    QLabel *m_error;
    QPushButton *m_suggested;
};
