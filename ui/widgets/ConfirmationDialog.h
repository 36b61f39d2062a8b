// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

// A yes/no question with the exact change it is about: a sentence, a monospace
// details block (the masked config change), an optional checkbox ("also restart
// the dynos") and a confirm button named after the action. Shown with open(),
// never exec(), so no nested event loop runs; the answer arrives as confirmed().
//
//     auto *ask = new ConfirmationDialog(tr("Send these changes?"), window);
//     ask->setDetails(lines.join('\n'));
//     ask->setCheckBox(tr("Also restart all dynos"));
//     connect(ask, &ConfirmationDialog::confirmed, this, [](bool checked) { ... });
//     ask->open();
//
// Test seam: objectNames confirmationDialog, confirmationText, confirmationDetails,
// confirmationCheck and confirmButton; tests click the button like a user would.
class ConfirmationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConfirmationDialog(const QString &text, QWidget *parent = nullptr);

    void setDetails(const QString &details);
    void setNote(const QString &note);
    void setCheckBox(const QString &text, bool checked = false);
    void setConfirmText(const QString &text);

Q_SIGNALS:
    // The user pressed the confirm button; `checked` is the checkbox's state.
    void confirmed(bool checked);

private:
    QLabel *m_details;
    QLabel *m_note;
    QCheckBox *m_check;
    QPushButton *m_confirm;
};
