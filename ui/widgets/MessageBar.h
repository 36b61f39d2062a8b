// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// An inline message strip above the window's content, in the manner of
// KeePassXC's MessageWidget and KDE's KMessageWidget: errors and notices appear
// where the user is looking and do not stack modal dialogs. It shows one
// message at a time (a new one replaces the old), optionally with one action
// button ("Retry") and always with a close button.
//
//     bar->showMessage(tr("Could not load apps: …"), MessageBar::Error, tr("Retry"));
//     connect(bar, &MessageBar::actionTriggered, catalog, &AppCatalog::refresh);
//
// Text is shown as plain text: API messages are data, never markup. The colours follow the
// scheme: the type's accent tinted into the window colour, with the scheme's own text colour.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum Type
    {
        Positive,
        Information,
        Warning,
        Error
    };
    Q_ENUM(Type)

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(const QString &text, Type type, const QString &actionText = QString());
    void hideMessage();
    QString text() const;
    Type type() const { return m_type; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_action;
    QToolButton *m_close;
    Type m_type = Information;
};
