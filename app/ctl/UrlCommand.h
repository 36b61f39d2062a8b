// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

#include "dburl/DedicatedClusterSpec.h"
#include "dburl/Framework.h"

// `cleardbctl url build|parse|snippet`: database URL work that needs no API call.
//   build    a dedicated cluster's mysql:// URL from its parts, every part
//            percent-encoded; the password comes from stdin (--password-stdin),
//            never from argv where `ps` and shell history would keep it;
//   parse    a URL's parts, the password masked unless --reveal;
//   snippet  the configuration for a framework (Django, SQLAlchemy, Rails, ...).
// Output is masked unless --reveal: the mask is DatabaseUrl::passwordMask().
class UrlCommand : public Command
{
    Q_OBJECT
public:
    explicit UrlCommand(CommandContext *context) : Command(context) {}

    QString name() const override { return QStringLiteral("url"); }
    QString summary() const override
    {
        return QStringLiteral("Build, parse or turn a mysql:// URL into framework settings.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override;

private:
    enum class Action
    {
        Build,
        Parse,
        Snippet
    };

    Status prepareBuild(const QCommandLineParser &parser);
    void build();
    void parse();
    void snippet();
    void printParts(const DatabaseUrl &url, const QStringList &warnings);

    Action m_action = Action::Parse;
    QString m_urlText;
    DedicatedClusterSpec m_spec;
    bool m_passwordFromStdin = false;
    bool m_reveal = false;
    // `sqlalchemy` names both of its MySQL drivers, as the contract spells it.
    QList<Framework::Id> m_frameworks;
};
