// SPDX-License-Identifier: MIT
#pragma once

class QLabel;
class QString;
class QWidget;

// Small builders the add-on dialogs (provision, change plan, remove) share so their
// inline errors and notes look alike. Not a widget of its own.
namespace DialogStyle {
// A hidden, word-wrapped, plain-text label in the error colour: errors are shown
// inside the dialog that caused them, never as a second modal box.
QLabel *errorLabel(QWidget *parent);
// A hidden, word-wrapped warning (amber) label.
QLabel *warningLabel(QWidget *parent);
QLabel *wrappedLabel(const QString &text, QWidget *parent);
// Grows `dialog` so word-wrapped lines that just appeared are not clipped: a top-level
// widget does not follow its layout's height-for-width on its own.
void fitHeight(QWidget *dialog);
} // namespace DialogStyle
