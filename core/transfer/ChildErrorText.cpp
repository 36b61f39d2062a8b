// SPDX-License-Identifier: MIT
#include "transfer/ChildErrorText.h"

#include "credentials/SecretRedactor.h"

#include <QRegularExpression>
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

Error::Kind ChildErrorText::kindOf(const QByteArray &stderrText)
{
    static const QRegularExpression code(QStringLiteral("(?:ERROR|Got error:) (\\d{4})"));
    const QRegularExpressionMatch match = code.match(QString::fromUtf8(stderrText));
    const int number = match.hasMatch() ? match.captured(1).toInt() : 0;
    if (number == 1044 || number == 1045)
        return Error::Kind::Unauthorized;
    if (number == 2002 || number == 2003 || number == 2005 || number == 2013)
        return Error::Kind::Network;
    return Error::Kind::Remote;
}

Error ChildErrorText::toError(const QString &what, const QByteArray &stderrText, const Secret &password)
{
    const Error::Kind kind = kindOf(stderrText);
    QString hint;
    if (kind == Error::Kind::Unauthorized)
        hint = QStringLiteral(": check the user and password in the database URL");
    else if (kind == Error::Kind::Network)
        hint = QStringLiteral(": check the host and port, and that the server is running");
    return makeError(kind, QStringLiteral("%1 (%2)%3").arg(what, oneLine(stderrText, password), hint));
}
