// SPDX-License-Identifier: MIT
#pragma once

#include "Secret.h"
#include "common/Error.h"

#include <QString>
#include <QStringList>

// The outcome of one CredentialStore operation, delivered as a value.
struct CredentialStoreResult
{
    enum class Operation
    {
        Read,
        Write,
        Remove,
        List, // the accounts stored under one service (CredentialStore::list)
    };
    enum class Status
    {
        Ok,
        NotFound,     // read/remove: nothing stored under (service, account)
        Unavailable,  // no keychain to talk to (headless, no Secret Service on D-Bus, timed out)
        AccessDenied, // the keychain exists but refused (locked, user said no)
        TimedOut,     // no answer in time: the keychain may still hold (or later remove) the token
        Failed,       // anything else; errorMessage says what
    };

    Operation operation = Operation::Read;
    Status status = Status::Failed;
    QString service;
    QString account;
    Secret secret;        // the token, for a successful read only
    QString errorMessage; // one line from the keychain backend; never contains the secret
    QStringList accounts; // for a successful list: the accounts stored under `service`

    bool isOk() const { return status == Status::Ok; }
    // The common Error for a failure: NotFound, Unsupported (no keychain here), Unauthorized (refused),
    // Timeout or Io, with the backend's line.
    Error toError() const
    {
        Error::Kind kind = Error::Kind::Io;
        if (status == Status::NotFound)
            kind = Error::Kind::NotFound;
        else if (status == Status::Unavailable)
            kind = Error::Kind::Unsupported;
        else if (status == Status::AccessDenied)
            kind = Error::Kind::Unauthorized;
        else if (status == Status::TimedOut)
            kind = Error::Kind::Timeout;
        return makeError(kind, errorMessage);
    }
};
