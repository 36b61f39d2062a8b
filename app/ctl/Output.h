// SPDX-License-Identifier: MIT
#pragma once

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
// Messages (line(), progress(), errors) pass through SecretRedactor before they
// are written, as a last guard: the token must never reach a terminal or a CI
// log, even if a message built somewhere else quoted it by mistake. Data (json(),
// table(), keyValues()) is written as given: the command has already masked
// what must be masked, and `config --reveal` must print values untouched. It does
// not decide what to print; commands do.
class Output
{
public:
    explicit Output(bool json = false) : m_json(json) {}

    bool isJson() const { return m_json; }
    void setJson(bool json) { m_json = json; }

    // stdout
    void line(const QString &text = QString()) const;
    // A line of data the command has already masked (it is not run through the redactor,
    // whose mask would differ from DatabaseUrl::redacted()'s).
    void dataLine(const QString &text) const;
    void json(const QJsonValue &value) const;
    // Columns padded to the widest cell; an empty table prints `emptyText` instead.
    void table(const QStringList &headers, const QList<QStringList> &rows, const QString &emptyText) const;
    // "NAME: value" lines with the names aligned, as `heroku config` prints them.
    void keyValues(const QList<QPair<QString, QString>> &pairs) const;

    // stderr: progress for humans (silent with --json so stdout and stderr stay parseable).
    void progress(const QString &text) const;
    // stderr: "error: <message>".
    void error(const QString &message) const;
    // stderr: "warning: <message>".
    void warning(const QString &message) const;

private:
    static void write(FILE *stream, const QString &text, bool redact);

    bool m_json;
};
