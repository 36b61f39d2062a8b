// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

// Help ▸ About: the product name and version (from the one project() version, via AppInfo), what the
// console is for, its license (MIT) and the Qt version it runs on with Qt's license (LGPLv3, linked
// dynamically). Non-modal; show() it.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text shown, for tests and for copying into a bug report.
    QString text() const { return m_text; }

private:
    QString m_text;
};
