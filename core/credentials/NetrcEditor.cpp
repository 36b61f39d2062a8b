// SPDX-License-Identifier: MIT
#include "NetrcEditor.h"

#include <algorithm>

namespace {

struct Edit
{
    qsizetype start;
    qsizetype end;
    QByteArray replacement;
};

QByteArray applied(QByteArray bytes, QVector<Edit> edits)
{
    // From the back, so earlier offsets stay valid.
    std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.start > b.start; });
    for (const Edit &edit : edits)
        bytes.replace(edit.start, edit.end - edit.start, edit.replacement);
    return bytes;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

QByteArray NetrcEditor::encodeToken(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const bool plain = !utf8.isEmpty() && !utf8.startsWith('#') && !utf8.startsWith('"') &&
                       std::none_of(utf8.begin(), utf8.end(), [](char c) {
                           return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
                                  c == '"' || c == '\\';
                       });
    if (plain)
        return utf8;
    QByteArray quoted("\"");
    for (const char c : utf8) {
        switch (c) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        case '\t':
            quoted += "\\t";
            break;
        default:
            quoted += c;
        }
    }
    return quoted + '"';
}

QByteArray NetrcEditor::withCredentials(const Netrc &netrc, const QString &machine, const QString &login,
                                        const QString &password)
{
    const QByteArray &bytes = netrc.bytes();
    if (const NetrcEntry *entry = netrc.find(machine)) {
        QVector<Edit> edits;
        QByteArray missing;
        if (entry->hasLogin)
            edits.append({entry->loginValue.start, entry->loginValue.end, encodeToken(login)});
        else
            missing += " login " + encodeToken(login);
        if (entry->hasPassword)
            edits.append({entry->passwordValue.start, entry->passwordValue.end, encodeToken(password)});
        else
            missing += " password " + encodeToken(password);
        if (!missing.isEmpty())
            edits.append({entry->fieldsEnd, entry->fieldsEnd, missing});
        return applied(bytes, edits);
    }

    // The layout `heroku login` writes, so both tools leave the same file.
    const QByteArray eol = netrc.lineEnding();
    const QByteArray block = "machine " + encodeToken(machine) + eol + "  login " + encodeToken(login) + eol +
                             "  password " + encodeToken(password) + eol;
    if (const NetrcEntry *fallback = netrc.defaultEntry())
        return applied(bytes, {{fallback->start, fallback->start, block}});

    QByteArray result = bytes;
    if (!result.isEmpty() && !result.endsWith('\n'))
        result += eol;
    if (netrc.endsInMacroBody())
        result += eol; // the empty line that ends the macro
    return result + block;
}

QByteArray NetrcEditor::withoutMachine(const Netrc &netrc, const QString &machine)
{
    const QByteArray &bytes = netrc.bytes();
    QVector<Edit> edits;
    for (const NetrcEntry &entry : netrc.entries()) {
        if (entry.isDefault || entry.machine.compare(machine, Qt::CaseInsensitive) != 0)
            continue;
        qsizetype start = entry.start;
        while (start > 0 && isBlank(bytes.at(start - 1)))
            --start;
        const bool wholeLines = start == 0 || bytes.at(start - 1) == '\n';
        if (!wholeLines)
            start = entry.start;
        qsizetype end = entry.end;
        while (end < bytes.size() && isBlank(bytes.at(end)))
            ++end;
        // Take the line break too when the entry had its lines to itself, so no
        // blank line is left behind; a macro's empty terminator line goes as well.
        if (wholeLines && end < bytes.size() && bytes.at(end) == '\r' && end + 1 < bytes.size() &&
            bytes.at(end + 1) == '\n')
            end += 2;
        else if (wholeLines && end < bytes.size() && bytes.at(end) == '\n')
            ++end;
        edits.append({start, end, QByteArray()});
    }
    return applied(bytes, edits);
}
