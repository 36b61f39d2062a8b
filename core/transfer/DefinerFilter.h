// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

// Removes the DEFINER clause from the statements of a mysqldump/mariadb-dump stream, so that an
// unprivileged user can load views, triggers, procedures, functions and events: setting a definer
// other than oneself needs SUPER or SET USER, which no ClearDB user has. The loading user becomes the
// definer, and the objects work for that user afterwards. The forms the dump tools write:
//     CREATE DEFINER=`u`@`h` PROCEDURE …                                  (routines)
//     /*!50003 CREATE*/ /*!50017 DEFINER=`u`@`h`*/ /*!50003 TRIGGER …     (triggers)
//     /*!50013 DEFINER=`u`@`h` SQL SECURITY DEFINER */                    (views)
//     /*!50106 CREATE*/ /*!50117 DEFINER=`u`@`h`*/ /*!50106 EVENT …       (events)
//
//     DefinerFilter filter;
//     QByteArray out;
//     while (read(chunk)) { filter.feed(chunk.constData(), chunk.size(), out); write(out); out.clear(); }
//     filter.finish(out); write(out);
//
// Unlike `sed s/DEFINER=…//g` it never touches data: a clause is removed only where a statement
// begins a line with nothing but CREATE / OR REPLACE / ALGORITHM=… / version comments before it, and
// only when that line does not continue a string literal or comment (a lexical state carried across
// lines and chunks). Memory stays bounded whatever the line length: only the first MaxHeadBytes of each
// line are held back until the line's start is known; the rest passes straight through.
class DefinerFilter
{
public:
    static constexpr int MaxHeadBytes = 4096;

    void feed(const char *data, qsizetype size, QByteArray &out);
    void feed(const QByteArray &chunk, QByteArray &out) { feed(chunk.constData(), chunk.size(), out); }
    // Flushes a last line without a newline.
    void finish(QByteArray &out);
    qint64 definersRemoved() const { return m_removed; }

    // The head of one line with its leading DEFINER clause removed; unchanged when it has none.
    static QByteArray stripLeadingDefiner(const QByteArray &head, bool *removed = nullptr);

private:
    enum class Lexical
    {
        Code,
        SingleQuote,
        DoubleQuote,
        Backtick,
        LineComment,
        BlockComment,
    };

    void flushHead(QByteArray &out);
    void scan(const char *data, qsizetype size);

    // Code state's memory of "-", "--", "/" and "/*" across chunk ends.
    enum class Pending
    {
        None,
        Dash,
        DashDash,
        Slash,
        SlashStar,
    };

    QByteArray m_head;
    bool m_inHead = true;
    Lexical m_state = Lexical::Code;
    Pending m_pending = Pending::None;
    char m_previous = '\0';
    bool m_escaped = false;
    qint64 m_removed = 0;
};
