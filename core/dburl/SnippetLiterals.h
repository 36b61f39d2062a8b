// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// String literals for the languages snippets are written in, escaped so that any user name,
// password, host or path (quotes, backslashes, newlines, non-ASCII) reads back unchanged.
//
// Usage: `SnippetLiterals::python(password)` gives `"p\"w"` including the quotes. Non-ASCII text is
// kept as UTF-8 (all targets read UTF-8 source); control characters become escapes. Octal escapes are
// used for Java and C++ because Java decodes \uXXXX before lexing and C++ forbids control characters
// in universal character names.
class SnippetLiterals
{
public:
    static QString python(const QString &text);
    static QString javaScript(const QString &text);
    static QString php(const QString &text);
    static QString yaml(const QString &text);
    static QString java(const QString &text);
    static QString cpp(const QString &text);
};
