// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What DedicatedClusterSpec::validate() found, field by field, so a dialog can put each message
// next to its input while the user types. Problems block building the URL; warnings do not
// (a missing CA file may be created later, an encrypted key may be decrypted by the framework).
struct ClusterSpecValidation
{
    enum class Field
    {
        Host,
        SecondaryHost,
        Port,
        User,
        Password,
        Database,
        CaFile,
        CertFile,
        KeyFile,
        Options,
    };

    struct Issue
    {
        Field field;
        QString message;
    };

    QList<Issue> problems;
    QList<Issue> warnings;
    // The client key is passphrase-protected (feeds FrameworkSnippet::Options::keyIsEncrypted).
    bool keyIsEncrypted = false;

    bool ok() const { return problems.isEmpty(); }
    // Problems first, then warnings, for one field.
    QStringList messagesFor(Field field) const
    {
        QStringList result;
        for (const Issue &issue : problems) {
            if (issue.field == field)
                result << issue.message;
        }
        for (const Issue &issue : warnings) {
            if (issue.field == field)
                result << issue.message;
        }
        return result;
    }
};
