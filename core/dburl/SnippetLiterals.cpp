// SPDX-License-Identifier: MIT
#include "dburl/SnippetLiterals.h"

namespace {

enum class ControlStyle
{
    Hex,   // \xHH (Python, JavaScript, YAML)
    Octal, // \ooo, always three digits so a following digit is not swallowed (Java, C++)
};

QString escaped(const QString &text, QChar quote, ControlStyle style)
{
    QString out = quote;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (c == quote || c == QLatin1Char('\\')) {
            out += QLatin1Char('\\') + c;
        } else if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
        } else if (c == QLatin1Char('\t')) {
            out += QStringLiteral("\\t");
        } else if (c == QLatin1Char('\r')) {
            out += QStringLiteral("\\r");
        } else if (u < 0x20 || u == 0x7f) {
            out += style == ControlStyle::Hex ? QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'))
                                              : QStringLiteral("\\%1").arg(u, 3, 8, QLatin1Char('0'));
        } else if (u == 0x2028 || u == 0x2029 || u == 0x85 || u == 0xfeff) {
            // Line separators end a JavaScript/YAML line and a BOM is dropped by some readers.
            out += style == ControlStyle::Hex ? QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0'))
                                              : QString(c);
        } else {
            out += c;
        }
    }
    return out + quote;
}

} // namespace

QString SnippetLiterals::python(const QString &text)
{
    return escaped(text, QLatin1Char('"'), ControlStyle::Hex);
}

QString SnippetLiterals::javaScript(const QString &text)
{
    return escaped(text, QLatin1Char('\''), ControlStyle::Hex);
}

QString SnippetLiterals::php(const QString &text)
{
    // Single-quoted PHP strings know only \\ and \'; every other byte, newlines included, is literal.
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('\'');
}

QString SnippetLiterals::yaml(const QString &text)
{
    return escaped(text, QLatin1Char('"'), ControlStyle::Hex);
}

QString SnippetLiterals::java(const QString &text)
{
    return escaped(text, QLatin1Char('"'), ControlStyle::Octal);
}

QString SnippetLiterals::cpp(const QString &text)
{
    return QStringLiteral("QStringLiteral(") + escaped(text, QLatin1Char('"'), ControlStyle::Octal) +
           QLatin1Char(')');
}
