// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/PendingResponse.h"

#include <QList>
#include <QString>
#include <memory>

// One browser sign-in in progress on the login host, from POST /auth until its answer has been
// fetched once (or it expires). `waiting` are the held polls of its cli_url.
struct LoginRequest
{
    enum class State
    {
        Pending,  // neither button clicked yet
        Approved, // a token was minted; the next poll gets it
        Denied,   // the next poll gets the refusal
        Answered  // the outcome was fetched: later polls get 404
    };

    QString id;
    QString description;
    QByteArray pollToken;
    State state = State::Pending;
    QString accessToken;
    QString accountId;
    QList<std::shared_ptr<PendingResponse>> waiting;
};
