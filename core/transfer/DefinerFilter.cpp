// SPDX-License-Identifier: MIT
#include "transfer/DefinerFilter.h"

#include <cstring>

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// A case-insensitive keyword at `pos` that is not the start of a longer word; advances past it.
bool keyword(const QByteArray &text, qsizetype &pos, const char *word, bool wholeWord = true)
{
    const qsizetype length = qsizetype(std::strlen(word));
    if (pos + length > text.size())
        return false;
    for (qsizetype i = 0; i < length; ++i) {
        if (lower(text.at(pos + i)) != word[i])
            return false;
    }
    if (wholeWord && pos + length < text.size() && isWordChar(text.at(pos + length)))
        return false;
    pos += length;
    return true;
}

void skipSpaces(const QByteArray &text, qsizetype &pos)
{
    while (pos < text.size() && isSpace(text.at(pos)))
        ++pos;
}

// One part of `user`@`host`: a quoted name (the quote doubled or, in '…' and "…", backslash-escaped
// inside) or a bare word; advances past it.
bool accountPart(const QByteArray &text, qsizetype &pos)
{
    if (pos >= text.size())
        return false;
    const char quote = text.at(pos);
    if (quote == '`' || quote == '\'' || quote == '"') {
        qsizetype i = pos + 1;
        while (i < text.size()) {
            const char c = text.at(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.size() && text.at(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                pos = i + 1;
                return true;
            }
            ++i;
        }
        return false;
    }
    const qsizetype start = pos;
    while (pos < text.size() &&
           (isWordChar(text.at(pos)) || text.at(pos) == '.' || text.at(pos) == '-' || text.at(pos) == '%'))
        ++pos;
    return pos > start;
}

// What may stand before DEFINER on a dump line: version comments, CREATE, OR REPLACE, ALGORITHM=x.
bool skipStatementPrefix(const QByteArray &text, qsizetype &pos)
{
    const qsizetype start = pos;
    if (text.mid(pos, 3) == "/*!" || text.mid(pos, 4) == "/*M!") {
        pos += text.at(pos + 2) == 'M' ? 4 : 3;
        while (pos < text.size() && text.at(pos) >= '0' && text.at(pos) <= '9')
            ++pos;
        return true;
    }
    if (text.mid(pos, 2) == "*/") {
        pos += 2;
        return true;
    }
    if (keyword(text, pos, "create", false)) {
        if (pos < text.size() && isWordChar(text.at(pos))) {
            pos = start;
            return false;
        }
        return true;
    }
    if (keyword(text, pos, "or")) {
        skipSpaces(text, pos);
        if (keyword(text, pos, "replace"))
            return true;
        pos = start;
        return false;
    }
    if (keyword(text, pos, "algorithm", false)) {
        skipSpaces(text, pos);
        if (pos < text.size() && text.at(pos) == '=') {
            ++pos;
            skipSpaces(text, pos);
            const qsizetype word = pos;
            while (pos < text.size() && isWordChar(text.at(pos)))
                ++pos;
            if (pos > word)
                return true;
        }
        pos = start;
        return false;
    }
    return false;
}

} // namespace

QByteArray DefinerFilter::stripLeadingDefiner(const QByteArray &head, bool *removed)
{
    if (removed)
        *removed = false;
    qsizetype pos = 0;
    for (;;) {
        skipSpaces(head, pos);
        if (!skipStatementPrefix(head, pos))
            break;
    }
    const qsizetype clauseStart = pos;
    if (!keyword(head, pos, "definer"))
        return head;
    skipSpaces(head, pos);
    if (pos >= head.size() || head.at(pos) != '=')
        return head;
    ++pos;
    skipSpaces(head, pos);
    if (keyword(head, pos, "current_user")) {
        qsizetype parens = pos;
        skipSpaces(head, parens);
        if (head.mid(parens, 2) == "()")
            pos = parens + 2;
    } else {
        if (!accountPart(head, pos))
            return head;
        if (pos >= head.size() || head.at(pos) != '@')
            return head;
        ++pos;
        if (!accountPart(head, pos))
            return head;
    }
    if (removed)
        *removed = true;
    QByteArray stripped = head.left(clauseStart);
    stripped.append(head.mid(pos));
    return stripped;
}

void DefinerFilter::feed(const char *data, qsizetype size, QByteArray &out)
{
    qsizetype i = 0;
    while (i < size) {
        if (m_inHead) {
            const qsizetype room = qMin<qsizetype>(MaxHeadBytes - m_head.size(), size - i);
            const auto *newline = static_cast<const char *>(std::memchr(data + i, '\n', size_t(room)));
            const qsizetype n = newline ? qsizetype(newline - (data + i)) + 1 : room;
            m_head.append(data + i, n);
            i += n;
            if (newline) {
                flushHead(out);
            } else if (m_head.size() >= MaxHeadBytes) {
                flushHead(out);
                m_inHead = false;
            }
        } else {
            const auto *newline = static_cast<const char *>(std::memchr(data + i, '\n', size_t(size - i)));
            const qsizetype n = newline ? qsizetype(newline - (data + i)) + 1 : size - i;
            scan(data + i, n);
            out.append(data + i, n);
            i += n;
            if (newline)
                m_inHead = true;
        }
    }
}

void DefinerFilter::finish(QByteArray &out)
{
    if (!m_head.isEmpty())
        flushHead(out);
    m_inHead = true;
}

void DefinerFilter::flushHead(QByteArray &out)
{
    if (m_state == Lexical::Code) {
        bool removed = false;
        out.append(stripLeadingDefiner(m_head, &removed));
        if (removed)
            ++m_removed;
    } else {
        out.append(m_head);
    }
    // The clause removed is balanced (quoted names), so scanning the original keeps the same state.
    scan(m_head.constData(), m_head.size());
    m_head.clear();
}

// The lexical state SQL text leaves behind: inside a string, a quoted name or a comment, or in code.
// "/*!" and "/*M!" open executable comments, which are code. "-- " needs the space, as in MySQL.
void DefinerFilter::scan(const char *data, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        const char previous = m_previous;
        m_previous = c;
        switch (m_state) {
        case Lexical::Code:
            if (m_pending == Pending::DashDash) {
                m_pending = Pending::None;
                if (isSpace(c)) {
                    if (c != '\n')
                        m_state = Lexical::LineComment;
                    break;
                }
            } else if (m_pending == Pending::SlashStar) {
                m_pending = Pending::None;
                if (c == '!' || c == 'M')
                    break;
                m_state = Lexical::BlockComment;
                // `c` is comment text already, and may begin the closing "*/" (but "/*/" does not close).
                m_previous = c == '*' ? '*' : '\0';
                break;
            }
            if (c == '-') {
                m_pending = m_pending == Pending::Dash ? Pending::DashDash : Pending::Dash;
                break;
            }
            if (c == '*' && m_pending == Pending::Slash) {
                m_pending = Pending::SlashStar;
                break;
            }
            m_pending = c == '/' ? Pending::Slash : Pending::None;
            if (c == '\'')
                m_state = Lexical::SingleQuote;
            else if (c == '"')
                m_state = Lexical::DoubleQuote;
            else if (c == '`')
                m_state = Lexical::Backtick;
            else if (c == '#')
                m_state = Lexical::LineComment;
            break;
        case Lexical::SingleQuote:
        case Lexical::DoubleQuote:
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == (m_state == Lexical::SingleQuote ? '\'' : '"'))
                m_state = Lexical::Code;
            break;
        case Lexical::Backtick:
            if (c == '`')
                m_state = Lexical::Code;
            break;
        case Lexical::LineComment:
            if (c == '\n')
                m_state = Lexical::Code;
            break;
        case Lexical::BlockComment:
            if (c == '/' && previous == '*')
                m_state = Lexical::Code;
            break;
        }
    }
}
