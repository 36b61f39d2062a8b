// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>

// Everything cleardbctl writes goes through here: tables and lines for people,
// JSON for scripts, and errors on stderr.
//
//     Output out(jsonMode);
//     out.table({"NAME", "REGION"}, rows);   // humans
//     out.json(result.data);                 // --json: the API's own objects
//     out.error(error.oneLine());            // "error: <message>" on stderr
//
// It is also the one place where secrets are taken out, so no command can print
// one by forgetting to mask it: every byte passes through SecretRedactor first.
// Text (line(), dataLine(), table cells, errors) through redact(); named values
// (keyValues() pairs, table columns, JSON members) through redactValue() under
// their name, so `DB_PASS: x` and `{"api_key": 1}` are masked by name too; JSON
// is redacted as a tree, before it is serialized, so escaping cannot hide a secret.
// A command whose user asked for `--reveal` calls setReveal(true): its stdout
// then keeps values and hides only registered secrets (the Heroku token); stderr
// is always fully redacted. It does not decide what to print; commands do.
class Output
{
public:
    explicit Output(bool json = false) : m_json(json) {}

    bool isJson() const { return m_json; }
    void setJson(bool json) { m_json = json; }
    bool isRevealing() const { return m_reveal; }
    void setReveal(bool reveal) { m_reveal = reveal; }

    // stdout
    void line(const QString &text = QString()) const;
    // A line of data (a URL, a snippet, a JSON line); redacted like line().
    void dataLine(const QString &text) const;
    void json(const QJsonValue &value) const;
    // One compact JSON object on one line (JSON lines: progress events, then a summary), redacted as json().
    void jsonLine(const QJsonObject &object) const;
    // Columns padded to the widest cell; an empty table prints `emptyText` instead. A cell is
    // redacted as a value named by its column's header.
    void table(const QStringList &headers, const QList<QStringList> &rows, const QString &emptyText) const;
    // "NAME: value" lines with the names aligned, as `heroku config` prints them; each value is
    // redacted under its name.
    void keyValues(const QList<QPair<QString, QString>> &pairs) const;

    // stderr: progress for humans (silent with --json so stdout and stderr stay parseable).
    void progress(const QString &text) const;
    // stderr, only when it is a terminal and not --json: one status line rewritten in place (\r), for
    // progress; an empty text clears it. Pipes and logs never see these.
    void terminalStatus(const QString &text) const;
    // stderr: a line the user must see also with --json (the address to open for a browser sign-in).
    void notice(const QString &text) const;
    // stderr: "error: <message>".
    void error(const QString &message) const;
    // stderr: "warning: <message>".
    void warning(const QString &message) const;

private:
    enum class Stream
    {
        Data,    // stdout: --reveal may show values
        Message, // stderr: always fully redacted
    };
    QString cleanText(const QString &text, Stream stream) const;
    QString cleanValue(const QString &name, const QString &value) const;
    void write(Stream stream, const QString &text) const;

    bool m_json;
    bool m_reveal = false;
};
