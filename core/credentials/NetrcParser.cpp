// SPDX-License-Identifier: MIT
#include "NetrcParser.h"

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Text files have no NUL or C0 controls besides whitespace; a binary file
// (a key store, an image renamed by mistake) must not be half-read as tokens.
bool isBinary(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && !isSpace(c)) || u == 0x7f;
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

NetrcParser::NetrcParser(const QByteArray &bytes) : m_bytes(bytes)
{
    m_result.m_bytes = bytes;
}

void NetrcParser::fail(NetrcError::Kind kind, int line, const QString &message)
{
    if (!m_result.m_error.isError())
        m_result.m_error = NetrcError{kind, line, message};
}

bool NetrcParser::keywordIs(const Token &token, const char *keyword) const
{
    // A quoted "machine" is a value that happens to spell a keyword.
    return !token.quoted && token.text.compare(keyword, Qt::CaseInsensitive) == 0;
}

std::optional<NetrcParser::Token> NetrcParser::nextToken()
{
    const qsizetype size = m_bytes.size();
    while (m_pos < size) {
        const char c = m_bytes.at(m_pos);
        if (isBinary(c)) {
            fail(NetrcError::Kind::BinaryData, m_line,
                 QStringLiteral("the file contains binary data; a netrc file is plain text"));
            return std::nullopt;
        }
        if (c == '\n')
            ++m_line;
        if (isSpace(c)) {
            ++m_pos;
            continue;
        }
        if (c == '#') {
            // curl: a token starting with '#' comments out the rest of the line.
            while (m_pos < size && m_bytes.at(m_pos) != '\n')
                ++m_pos;
            continue;
        }
        break;
    }
    if (m_pos >= size)
        return std::nullopt;

    Token token;
    token.line = m_line;
    token.span.start = m_pos;
    if (m_bytes.at(m_pos) == '"') {
        token.quoted = true;
        ++m_pos;
        for (;;) {
            if (m_pos >= size || m_bytes.at(m_pos) == '\n' || m_bytes.at(m_pos) == '\r') {
                fail(NetrcError::Kind::UnterminatedQuote, token.line,
                     QStringLiteral("a quoted word has no closing quote on its line; add the closing \""));
                return std::nullopt;
            }
            char c = m_bytes.at(m_pos++);
            if (c == '"')
                break;
            if (isBinary(c)) {
                fail(NetrcError::Kind::BinaryData, m_line,
                     QStringLiteral("the file contains binary data; a netrc file is plain text"));
                return std::nullopt;
            }
            if (c == '\\' && m_pos < size && m_bytes.at(m_pos) != '\n' && m_bytes.at(m_pos) != '\r') {
                c = m_bytes.at(m_pos++);
                c = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
            }
            token.text.append(c);
        }
    } else {
        while (m_pos < size && !isSpace(m_bytes.at(m_pos)) && !isBinary(m_bytes.at(m_pos)))
            ++m_pos;
        token.text = m_bytes.mid(token.span.start, m_pos - token.span.start);
    }
    token.span.end = m_pos;
    return token;
}

std::optional<NetrcParser::Token> NetrcParser::valueFor(const Token &keyword)
{
    std::optional<Token> value = nextToken();
    if (!value && !m_result.m_error.isError()) {
        fail(
            NetrcError::Kind::MissingValue, keyword.line,
            QStringLiteral("'%1' has no value before the end of the file").arg(text(keyword.text.toLower())));
    }
    return value;
}

void NetrcParser::skipMacroBody()
{
    // The body starts on the line after `macdef name` and ends at an empty line
    // (ftp(1): "a null line (consecutive new-line characters)"; curl also accepts
    // a bare CR for CRLF files). Whatever else is on the macdef line is ignored.
    const qsizetype size = m_bytes.size();
    while (m_pos < size && m_bytes.at(m_pos) != '\n')
        ++m_pos;
    while (m_pos < size) {
        ++m_pos; // the '\n' ending the previous line
        ++m_line;
        const qsizetype lineStart = m_pos;
        if (m_pos >= size)
            break;
        if (m_bytes.at(m_pos) == '\n' ||
            (m_bytes.at(m_pos) == '\r' && m_pos + 1 < size && m_bytes.at(m_pos + 1) == '\n')) {
            m_pos = lineStart; // the empty line itself is ordinary whitespace
            return;
        }
        while (m_pos < size && m_bytes.at(m_pos) != '\n')
            ++m_pos;
    }
    m_pos = size;
    m_result.m_endsInMacroBody = true;
}

Netrc NetrcParser::parse()
{
    if (m_bytes.size() > Netrc::MaximumSize) {
        fail(NetrcError::Kind::TooLarge, 0,
             QStringLiteral("is larger than %1 KiB, which no netrc file needs; check that the path is right")
                 .arg(Netrc::MaximumSize / 1024));
        return m_result;
    }

    QVector<NetrcEntry> &entries = m_result.m_entries;
    NetrcEntry *current = nullptr;
    while (std::optional<Token> token = nextToken()) {
        if (keywordIs(*token, "machine") || keywordIs(*token, "default")) {
            NetrcEntry entry;
            entry.isDefault = keywordIs(*token, "default");
            entry.line = token->line;
            entry.start = token->span.start;
            entry.end = entry.fieldsEnd = token->span.end;
            if (!entry.isDefault) {
                const std::optional<Token> name = valueFor(*token);
                if (!name)
                    break;
                entry.machine = text(name->text);
                entry.end = entry.fieldsEnd = name->span.end;
            }
            entries.append(entry);
            current = &entries.last();
        } else if (keywordIs(*token, "login") || keywordIs(*token, "password") ||
                   keywordIs(*token, "account")) {
            if (!current) {
                fail(NetrcError::Kind::FieldOutsideEntry, token->line,
                     QStringLiteral("'%1' comes before any 'machine' or 'default'; start the entry with "
                                    "'machine <host>'")
                         .arg(text(token->text.toLower())));
                break;
            }
            const std::optional<Token> value = valueFor(*token);
            if (!value)
                break;
            current->end = current->fieldsEnd = value->span.end;
            // A field repeated inside one entry: the first one counts, as for machines.
            if (keywordIs(*token, "login") && !current->hasLogin) {
                current->login = text(value->text);
                current->hasLogin = true;
                current->loginValue = value->span;
            } else if (keywordIs(*token, "password") && !current->hasPassword) {
                current->password = Secret(text(value->text));
                current->hasPassword = true;
                current->passwordValue = value->span;
            } else if (keywordIs(*token, "account") && current->account.isEmpty()) {
                current->account = text(value->text);
            }
        } else if (keywordIs(*token, "macdef")) {
            if (!valueFor(*token))
                break;
            skipMacroBody();
            if (current)
                current->end = m_pos;
        } else {
            fail(NetrcError::Kind::UnexpectedToken, token->line,
                 QStringLiteral("unexpected word where a keyword belongs (machine, default, login, password, "
                                "account or macdef); a value with spaces needs \"quotes\""));
            break;
        }
    }
    if (m_result.m_error.isError())
        m_result.m_entries.clear();
    return m_result;
}
