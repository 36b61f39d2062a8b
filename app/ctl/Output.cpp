// SPDX-License-Identifier: MIT
#include "Output.h"

#include "credentials/SecretRedactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {
void emitText(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    // Flush per write: the process ends through QCoreApplication::exit(), and a
    // pipe reader (tests, `| jq`) must see every byte even if we are killed.
    std::fflush(stream);
}
} // namespace

QString Output::cleanText(const QString &text, Stream stream) const
{
    if (stream == Stream::Data && m_reveal)
        return SecretRedactor::redactRegistered(text);
    return SecretRedactor::redact(text);
}

QString Output::cleanValue(const QString &name, const QString &value) const
{
    return m_reveal ? SecretRedactor::redactRegistered(value) : SecretRedactor::redactValue(name, value);
}

void Output::write(Stream stream, const QString &text) const
{
    emitText(stream == Stream::Data ? stdout : stderr, cleanText(text, stream));
}

void Output::line(const QString &text) const
{
    write(Stream::Data, text + QLatin1Char('\n'));
}

void Output::dataLine(const QString &text) const
{
    write(Stream::Data, text + QLatin1Char('\n'));
}

void Output::json(const QJsonValue &value) const
{
    // Redacted as a tree: a text pass over the serialized form could cut through an escaped quote.
    const QJsonValue clean = SecretRedactor::redactJson(
        value, m_reveal ? SecretRedactor::Scope::RegisteredOnly : SecretRedactor::Scope::Everything);
    QJsonDocument document;
    if (clean.isArray())
        document = QJsonDocument(clean.toArray());
    else
        document = QJsonDocument(clean.toObject());
    emitText(stdout, QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
}

void Output::jsonLine(const QJsonObject &object) const
{
    const QJsonValue clean = SecretRedactor::redactJson(
        object, m_reveal ? SecretRedactor::Scope::RegisteredOnly : SecretRedactor::Scope::Everything);
    emitText(stdout, QString::fromUtf8(QJsonDocument(clean.toObject()).toJson(QJsonDocument::Compact)) +
                         QLatin1Char('\n'));
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
    QList<QStringList> cleanRows;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (int i = 0; i < row.size(); ++i)
            cells << cleanValue(headers.value(i), row.at(i));
        for (int i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], cells.at(i).size());
        cleanRows << cells;
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
    for (const QStringList &row : std::as_const(cleanRows))
        text += format(row) + QLatin1Char('\n');
    write(Stream::Data, text);
}

void Output::keyValues(const QList<QPair<QString, QString>> &pairs) const
{
    int width = 0;
    for (const auto &pair : pairs)
        width = qMax(width, pair.first.size() + 1);
    QString text;
    for (const auto &pair : pairs)
        text += QString(pair.first + QLatin1Char(':')).leftJustified(width + 1) +
                cleanValue(pair.first, pair.second) + QLatin1Char('\n');
    write(Stream::Data, text);
}

void Output::progress(const QString &text) const
{
    if (!m_json)
        write(Stream::Message, text + QLatin1Char('\n'));
}

void Output::terminalStatus(const QString &text) const
{
#ifdef Q_OS_UNIX
    if (m_json || isatty(STDERR_FILENO) != 1)
        return;
    // Carriage return, then erase to the end of the line (ECMA-48 EL), so a shorter text leaves no tail.
    write(Stream::Message, QStringLiteral("\r\x1b[K") + text);
#else
    Q_UNUSED(text);
#endif
}

void Output::notice(const QString &text) const
{
    write(Stream::Message, text + QLatin1Char('\n'));
}

void Output::error(const QString &message) const
{
    write(Stream::Message, QStringLiteral("error: ") + message + QLatin1Char('\n'));
}

void Output::warning(const QString &message) const
{
    write(Stream::Message, QStringLiteral("warning: ") + message + QLatin1Char('\n'));
}
