// SPDX-License-Identifier: MIT
#pragma once

#include "Netrc.h"

#include <optional>

// The tokenizer and grammar behind Netrc::parse(); see Netrc.h for the rules.
// One instance parses one buffer in a single linear pass, so a huge or hostile
// file costs time proportional to its size and nothing more.
class NetrcParser
{
public:
    explicit NetrcParser(const QByteArray &bytes);
    Netrc parse();

private:
    struct Token
    {
        QByteArray text;
        NetrcEntry::Span span;
        int line = 0;
        bool quoted = false;
    };

    std::optional<Token> nextToken();
    std::optional<Token> valueFor(const Token &keyword);
    void skipMacroBody();
    void fail(NetrcError::Kind kind, int line, const QString &message);
    bool keywordIs(const Token &token, const char *keyword) const;

    QByteArray m_bytes;
    qsizetype m_pos = 0;
    int m_line = 1;
    Netrc m_result;
};
