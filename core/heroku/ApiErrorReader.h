// SPDX-License-Identifier: MIT
#pragma once

#include "HerokuError.h"
#include "HttpAnswer.h"

// Turns an HTTP answer that is not a success into a HerokuError: Heroku's own error body
// ({"id", "message", "url"} per the Platform API), or a transport failure in plain words.
// It also decides whether a write's outcome is unknown (lost answer, 5xx), which is what
// callers check before they suggest trying again.
namespace ApiErrorReader {
// `method` is the request's; `host` names the API in messages.
HerokuError fromAnswer(const HttpAnswer &answer, const QByteArray &method, const QString &host);
} // namespace ApiErrorReader
