// SPDX-License-Identifier: MIT
#include "sim/faults/FaultPlan.h"

namespace {
QRegularExpression globToRegex(const QString &glob)
{
    QString pattern;
    for (int i = 0; i < glob.size(); ++i) {
        if (glob.at(i) == QLatin1Char('*')) {
            const bool doubleStar = i + 1 < glob.size() && glob.at(i + 1) == QLatin1Char('*');
            pattern += doubleStar ? QStringLiteral(".*") : QStringLiteral("[^/]+");
            if (doubleStar)
                ++i;
        } else {
            pattern += QRegularExpression::escape(QString(glob.at(i)));
        }
    }
    return QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'));
}
} // namespace

Status FaultPlan::add(const QString &spec)
{
    static const QRegularExpression ruleRe(QStringLiteral(
        R"(^(GET|POST|PATCH|PUT|DELETE|\*)\s+(/\S*)\s*=\s*(429|500|503|slow:(\d+)|drop|malformed)(?:\*(\d+))?$)"));
    QList<Rule> parsed;
    const QStringList rules = spec.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &raw : rules) {
        const QString text = raw.trimmed();
        if (text.isEmpty())
            continue;
        const auto m = ruleRe.match(text);
        if (!m.hasMatch()) {
            return makeError(
                Error::Kind::InvalidInput,
                QStringLiteral("fault rule \"%1\" is malformed; expected METHOD PATH=KIND[*COUNT], "
                               "e.g. \"GET /apps=429*2\" with KIND 429|500|503|slow:MS|drop|malformed")
                    .arg(text));
        }
        Rule rule;
        rule.method = m.captured(1);
        rule.path = globToRegex(m.captured(2));
        const QString kind = m.captured(3);
        if (kind == QLatin1String("429"))
            rule.fault.kind = Kind::Status429;
        else if (kind == QLatin1String("500"))
            rule.fault.kind = Kind::Status500;
        else if (kind == QLatin1String("503"))
            rule.fault.kind = Kind::Status503;
        else if (kind == QLatin1String("drop"))
            rule.fault.kind = Kind::Drop;
        else if (kind == QLatin1String("malformed"))
            rule.fault.kind = Kind::Malformed;
        else {
            rule.fault.kind = Kind::Slow;
            rule.fault.delayMs = m.captured(4).toInt();
        }
        if (!m.captured(5).isEmpty()) {
            rule.remaining = m.captured(5).toInt();
            if (rule.remaining < 1) {
                return makeError(Error::Kind::InvalidInput,
                                 QStringLiteral("fault rule \"%1\": COUNT must be at least 1").arg(text));
            }
        }
        parsed.append(rule);
    }
    if (parsed.isEmpty()) {
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("fault spec is empty; expected METHOD PATH=KIND[*COUNT]"));
    }
    m_rules.append(parsed);
    return {};
}

bool FaultPlan::take(const QByteArray &method, const QString &path, Fault *fault)
{
    for (auto it = m_rules.begin(); it != m_rules.end(); ++it) {
        if (it->method != QLatin1String("*") && it->method.toUtf8() != method)
            continue;
        if (!it->path.match(path).hasMatch())
            continue;
        *fault = it->fault;
        if (it->remaining > 0 && --it->remaining == 0)
            m_rules.erase(it);
        return true;
    }
    return false;
}
