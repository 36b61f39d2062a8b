// SPDX-License-Identifier: MIT
#include "widgets/SecretClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

SecretClipboard *SecretClipboard::instance()
{
    static auto *clipboard = new SecretClipboard(qGuiApp);
    return clipboard;
}

void SecretClipboard::copy(const QString &secret)
{
    auto *data = new QMimeData;
    data->setText(secret);
    // KDE's convention for password managers: Klipper skips entries with this hint.
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(data);
    m_lastCopied = secret;
    const quint64 generation = ++m_generation;
    QTimer::singleShot(m_clearDelayMs, this, [this, generation] { clearIfStillOurs(generation); });
}

void SecretClipboard::clearIfStillOurs(quint64 generation)
{
    if (generation != m_generation)
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    // Never wipe what the user copied after us.
    if (clipboard->text() == m_lastCopied)
        clipboard->clear();
    m_lastCopied.clear();
    Q_EMIT cleared();
}
