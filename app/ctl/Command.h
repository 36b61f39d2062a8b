// SPDX-License-Identifier: MIT
#pragma once

#include "CommandContext.h"
#include "CommandOptions.h"
#include "common/Result.h"

#include <QObject>
#include <QString>

class QCommandLineParser;
class HerokuClient;

// One cleardbctl command (`apps`, `provision`, …). The dispatcher drives every
// command through the same three steps:
//   configure(parser)  declare options and positional arguments (also feeds --help);
//   prepare(parser)    check the arguments and keep them; an error here is a usage
//                      error (exit 2). No request may be sent here, so a refused
//                      command (e.g. `remove` without --confirm) provably sent nothing;
//   start()            send the requests; end with context()->succeed()/fail().
// Subclasses stay small: they translate arguments to HerokuClient calls and
// results to Output. They never exit the process themselves.
class Command : public QObject
{
    Q_OBJECT
public:
    explicit Command(CommandContext *context) : QObject(context), m_context(context) {}

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Extra paragraph under the usage line in `<command> --help`.
    virtual QString details() const { return QString(); }
    virtual void configure(QCommandLineParser &parser) = 0;
    virtual Status prepare(const QCommandLineParser &parser) = 0;
    // login and logout manage the token instead of needing one.
    virtual bool needsToken() const { return true; }
    virtual void start() = 0;

protected:
    CommandContext *context() const { return m_context; }
    HerokuClient *client() const { return m_context->client(); }
    const Output &out() const { return m_context->out(); }
    bool json() const { return m_context->out().isJson(); }
    static Error usage(const QString &message) { return CommandOptions::usage(message); }

private:
    CommandContext *m_context;
};
