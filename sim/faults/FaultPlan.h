// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

// Faults heroku-sim injects on purpose, so client code can be tested against a misbehaving API.
//
// Grammar (used by --faults and by POST /__sim/faults):
//   SPEC  := RULE (';' RULE)*
//   RULE  := METHOD ' ' PATH '=' KIND ['*' COUNT]
//   METHOD:= GET | POST | PATCH | PUT | DELETE | '*'          ('*' matches any method)
//   PATH  := request path without query; '*' matches one path segment, '**' any rest
//   KIND  := 429 | 500 | 503 | slow:MS | drop | malformed
//   COUNT := positive integer: the rule fires for that many matching requests, then retires;
//            without it the rule fires on every match.
// Example: "POST /apps/*/addons=slow:5000;GET /apps=429*2;GET /account=500*1"
// Effects: 429/500/503 answer with that status and a Heroku error body (429 adds Retry-After)
// without running the request; slow runs the request (mutations happen) and delays the answer by
// MS; drop runs the request and then closes the socket without a response; malformed runs the
// request and replaces the body with truncated JSON. Rules are tried in order; the first that
// matches and has not retired fires.
class FaultPlan
{
public:
    enum class Kind
    {
        Status429,
        Status500,
        Status503,
        Slow,
        Drop,
        Malformed
    };
    struct Fault
    {
        Kind kind = Kind::Status500;
        int delayMs = 0;
    };

    // Appends the rules in `spec`; on error nothing is added and the error says which rule is wrong.
    Status add(const QString &spec);
    void clear() { m_rules.clear(); }
    int size() const { return m_rules.size(); }
    // The fault for this request, if any; consumes one use of a counted rule.
    bool take(const QByteArray &method, const QString &path, Fault *fault);

private:
    struct Rule
    {
        QString method;
        QRegularExpression path;
        Fault fault;
        int remaining = -1;
    };
    QList<Rule> m_rules;
};
