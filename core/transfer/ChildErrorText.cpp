// SPDX-License-Identifier: MIT
#include "transfer/ChildErrorText.h"

#include "credentials/SecretRedactor.h"

#include <QStringList>

QString ChildErrorText::oneLine(const QByteArray &stderrText, const Secret &password)
{
    QString text = QString::fromUtf8(stderrText);
    if (!password.isEmpty())
        text.replace(password.reveal(), SecretRedactor::mask());
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString chosen;
    for (const QString &line : lines) {
        if (line.contains(QStringLiteral("error"), Qt::CaseInsensitive)) {
            chosen = line;
            break;
        }
    }
    if (chosen.isEmpty() && !lines.isEmpty())
        chosen = lines.last();
    chosen = SecretRedactor::redact(chosen.trimmed());
    constexpr int MaxLength = 400;
    if (chosen.size() > MaxLength)
        chosen = chosen.left(MaxLength) + QStringLiteral("…");
    return chosen;
}
