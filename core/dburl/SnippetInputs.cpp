// SPDX-License-Identifier: MIT
#include "dburl/SnippetInputs.h"

SnippetInputs::SnippetInputs(const DatabaseUrl &source, const FrameworkSnippet::Options &options)
    : url(source), snippetOptions(options)
{
    for (const DatabaseUrl::Option &option : source.options()) {
        const UrlOptionTable::Key key = UrlOptionTable::keyFor(option.key);
        bool replaced = false;
        for (DatabaseUrl::Option &existing : this->options) {
            const bool same = key == UrlOptionTable::Unknown ? existing.key == option.key
                                                             : UrlOptionTable::keyFor(existing.key) == key;
            if (same) {
                existing.value = option.value;
                replaced = true;
            }
        }
        if (!replaced)
            this->options.append(option);
    }
}

bool SnippetInputs::isOn(UrlOptionTable::Key key) const
{
    if (!has(key))
        return false;
    const QString v = value(key).toLower();
    return v.isEmpty() || v == QLatin1String("true") || v == QLatin1String("1") ||
           v == QLatin1String("yes") || v == QLatin1String("on");
}

bool SnippetInputs::hasClientTls() const
{
    return has(UrlOptionTable::SslCert) || has(UrlOptionTable::SslKey);
}

QList<DatabaseUrl::Option> SnippetInputs::unknownOptions() const
{
    QList<DatabaseUrl::Option> result;
    for (const DatabaseUrl::Option &option : options) {
        if (UrlOptionTable::keyFor(option.key) == UrlOptionTable::Unknown)
            result.append(option);
    }
    return result;
}

DatabaseUrl SnippetInputs::urlFor(Framework::Id framework, const QList<UrlOptionTable::Key> &dropped) const
{
    DatabaseUrl framed = url;
    QList<DatabaseUrl::Option> written;
    for (const DatabaseUrl::Option &option : options) {
        const UrlOptionTable::Key key = UrlOptionTable::keyFor(option.key);
        if (key == UrlOptionTable::Unknown) {
            written.append(option);
            continue;
        }
        const QString spelling = UrlOptionTable::spellingFor(key, framework);
        if (!dropped.contains(key) && !spelling.isEmpty())
            written.append({spelling, option.value});
    }
    framed.setOptions(written);
    return framed;
}

QString SnippetInputs::shownUrl(const DatabaseUrl &framed) const
{
    return snippetOptions.reveal ? framed.toString() : framed.redacted();
}

QString SnippetInputs::passwordSourceComment(const QString &prefix) const
{
    // The explicit variants read the password from a variable nothing sets for the user: say how to
    // set it, and that it stays out of the repository.
    // Each VAR=… ends its line: cleardbctl's output redactor masks what follows `PASSWORD=`.
    return QStringLiteral("%1 The password comes from the %2 config var, never from the repository.\n"
                          "%1 Set it once with: heroku config:set %2=…\n"
                          "%1 and locally with: export %2=…\n")
        .arg(prefix, snippetOptions.passwordEnvVar);
}
