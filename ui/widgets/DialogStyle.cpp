// SPDX-License-Identifier: MIT
#include "widgets/DialogStyle.h"

#include <QLabel>
#include <QLayout>

namespace {
QLabel *tintedLabel(const char *objectName, const QString &style, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // API messages are data, never markup
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(style);
    label->hide();
    return label;
}
} // namespace

namespace DialogStyle {
QLabel *errorLabel(QWidget *parent)
{
    // Colours that read on the light and the dark palette alike.
    return tintedLabel("dialogError", QStringLiteral("QLabel { color: #d03c3c; }"), parent);
}

QLabel *warningLabel(QWidget *parent)
{
    return tintedLabel(
        "dialogWarning",
        QStringLiteral("QLabel { border: 1px solid #d49b00; border-radius: 4px; padding: 6px; }"), parent);
}

void fitHeight(QWidget *dialog)
{
    QLayout *layout = dialog->layout();
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width())
                                                   : layout->totalSizeHint().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace DialogStyle
