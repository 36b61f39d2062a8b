// SPDX-License-Identifier: MIT
#include "Output.h"

#include "credentials/SecretRedactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

void Output::write(FILE *stream, const QString &text, bool redact)
{
    const QByteArray bytes = (redact ? SecretRedactor::redact(text) : text).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    // Flush per write: the process ends through QCoreApplication::exit(), and a
    // pipe reader (tests, `| jq`) must see every byte even if we are killed.
    std::fflush(stream);
}

void Output::line(const QString &text) const
{
    write(stdout, text + QLatin1Char('\n'), true);
}

void Output::dataLine(const QString &text) const
{
    write(stdout, text + QLatin1Char('\n'), false);
}

void Output::json(const QJsonValue &value) const
{
    QJsonDocument document;
    if (value.isArray())
        document = QJsonDocument(value.toArray());
    else
        document = QJsonDocument(value.toObject());
    write(stdout, QString::fromUtf8(document.toJson(QJsonDocument::Indented)), false);
}

void Output::table(const QStringList &headers, const QList<QStringList> &rows, const QString &emptyText) const
{
    if (rows.isEmpty()) {
        line(emptyText);
        return;
    }
    QList<int> widths;
    for (const QString &header : headers)
        widths << header.size();
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    }
    auto format = [&widths](const QStringList &cells) {
        QString text;
        for (int i = 0; i < cells.size(); ++i)
            text += i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i) + 2) : cells.at(i);
        // No trailing blanks (an empty last cell would leave some): they break `diff` and copy-paste.
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text;
    };
    QString text = format(headers) + QLatin1Char('\n');
    QStringList rules;
    for (int width : widths)
        rules << QString(width, QLatin1Char('-'));
    text += format(rules) + QLatin1Char('\n');
    for (const QStringList &row : rows)
        text += format(row) + QLatin1Char('\n');
    write(stdout, text, false);
}

void Output::keyValues(const QList<QPair<QString, QString>> &pairs) const
{
    int width = 0;
    for (const auto &pair : pairs)
        width = qMax(width, pair.first.size() + 1);
    QString text;
    for (const auto &pair : pairs)
        text +=
            QString(pair.first + QLatin1Char(':')).leftJustified(width + 1) + pair.second + QLatin1Char('\n');
    write(stdout, text, false);
}

void Output::progress(const QString &text) const
{
    if (!m_json)
        write(stderr, text + QLatin1Char('\n'), true);
}

void Output::error(const QString &message) const
{
    write(stderr, QStringLiteral("error: ") + message + QLatin1Char('\n'), true);
}

void Output::warning(const QString &message) const
{
    write(stderr, QStringLiteral("warning: ") + message + QLatin1Char('\n'), true);
}
