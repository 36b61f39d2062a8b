// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"

#include <QString>

// A failed Heroku API call as a value: what kind of failure, the API's own error
// id and message when it sent one ({id, message, url} per the Platform API), and the
// Request-Id that Heroku support asks for. Core never shows it; the CLI prints
// oneLine() and the GUI shows it inline.
struct HerokuError
{
    enum class Kind
    {
        None,            // no error
        Api,             // the API answered 4xx/5xx with (or without) an error body
        RateLimited,     // 429 after the retries we allow ourselves (or a POST, never retried)
        Network,         // DNS, refused, reset, TLS: nothing usable came back
        Timeout,         // no answer within the request timeout
        InvalidResponse, // the body was not the JSON the schema promises
        Cancelled,       // the caller cancelled
        Configuration,   // bad HEROKU_HOST, missing token: fixed locally, not by retrying
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString id;        // Heroku error id, e.g. "not_found", "rate_limit"
    QString message;   // one line, plain words, never a secret
    QString url;       // documentation URL Heroku sometimes adds
    QString requestId; // Request-Id response header
    // A write (POST, PATCH, DELETE) may have taken effect although no complete
    // answer arrived: the caller must look before trying again, never just retry.
    bool outcomeUnknown = false;

    bool isError() const { return kind != Kind::None; }
    // "message (id, request REQUEST-ID)" with the parts that exist, on one line.
    QString oneLine() const;
    // The common Error: the message, with the id and Request-Id as its detail, so its oneLine() is
    // this oneLine(); the kind says whether to fix the input, sign in again or retry.
    Error toError() const;

    static HerokuError configuration(const QString &message);
};
