// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// Asks for one config var: its name (fixed when editing) and its value, typed into
// a masked field with a Show toggle, because values are usually credentials. It
// only collects input; ConfigVarsEditor stages it and previews the PATCH.
//
//     auto *edit = new ConfigVarEditDialog(ConfigVarEditDialog::Edit, window);
//     edit->setName("WEB_CONCURRENCY");
//     connect(edit, &ConfigVarEditDialog::submitted, this, &Editor::stage);
//     edit->open();
//
// objectNames for tests: varNameEdit, varValueEdit, varRevealButton, varError, varOkButton.
class ConfigVarEditDialog : public QDialog
{
    Q_OBJECT
public:
    enum Mode
    {
        Add,
        Edit
    };

    explicit ConfigVarEditDialog(Mode mode, QWidget *parent = nullptr);

    void setName(const QString &name);
    void setValue(const QString &value);

Q_SIGNALS:
    void submitted(const QString &name, const QString &value);

private:
    void submit();

    QLineEdit *m_name;
    QLineEdit *m_value;
    QLabel *m_error;
};
