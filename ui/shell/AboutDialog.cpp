// SPDX-License-Identifier: MIT
#include "shell/AboutDialog.h"

#include "AppInfo.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About %1").arg(AppInfo::productName()));
    setAccessibleName(windowTitle());

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    // From the SVG at the label's device pixel ratio, so it stays sharp on high-DPI screens.
    icon->setPixmap(
        QIcon(QStringLiteral(":/icons/cleardb-console.svg")).pixmap(QSize(64, 64), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);

    m_text = tr("%1 %2\n\n"
                "A desktop console for ClearDB MySQL databases on Heroku: provision, configure, promote, "
                "test connections and watch failover.\n\n"
                "License: MIT.\n"
                "Built with Qt %3 (running on Qt %4), used under the GNU LGPL version 3.")
                 .arg(AppInfo::productName(), AppInfo::version(), QStringLiteral(QT_VERSION_STR),
                      QString::fromLatin1(qVersion()));
    auto *label = new QLabel(m_text, this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(label, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}
