// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

// Puts a secret (a database URL with its password, a config var value) on the
// clipboard the way password managers do (KeePassXC's Clipboard): the data is
// marked with `x-kde-passwordManagerHint: secret` so KDE's Klipper and other
// clipboard histories do not keep it, and it is cleared after clearDelayMs()
// unless the user has copied something else in the meantime.
//
//     SecretClipboard::instance()->copy(url.toString());
//
// One process-wide object because the system clipboard is one; tests shorten the
// delay with setClearDelay(). Non-secret text should go through QClipboard directly.
class SecretClipboard : public QObject
{
    Q_OBJECT
public:
    static SecretClipboard *instance();

    void copy(const QString &secret);
    int clearDelayMs() const { return m_clearDelayMs; }
    void setClearDelay(int milliseconds) { m_clearDelayMs = milliseconds; }

Q_SIGNALS:
    void cleared();

private:
    using QObject::QObject;
    void clearIfStillOurs(quint64 generation);

    int m_clearDelayMs = 30000;
    quint64 m_generation = 0;
    QString m_lastCopied;
};
