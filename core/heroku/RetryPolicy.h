// SPDX-License-Identifier: MIT
#pragma once

// How patient the client is with a busy or slow API. Only GET and HEAD are ever
// sent again; a POST, PATCH or DELETE that meets a 429 or 503 is reported, never
// repeated by us.
struct RetryPolicy
{
    int maxRetries = 3;     // per HTTP exchange, on 429 and 503, for GET and HEAD only
    int baseDelayMs = 1000; // doubled after each retry when the API gives no Retry-After
    int maxDelayMs = 30000; // an absurd Retry-After is capped, not obeyed
    // Per HTTP exchange, from connecting to the last byte of the body: a total, not an
    // idle timeout, so a body trickled byte by byte cannot hold us forever.
    int timeoutMs = 30000;
    // Per logical read (every page and retry of a listing together). Never shorter than
    // one exchange's timeout. Writes are one exchange and bounded by timeoutMs alone.
    int callTimeoutMs = 5 * 60 * 1000;

    int delayForAttempt(int attempt, int retryAfterSeconds) const
    {
        long long delay = retryAfterSeconds > 0 ? retryAfterSeconds * 1000LL
                                                : static_cast<long long>(baseDelayMs) << attempt;
        return static_cast<int>(delay > maxDelayMs ? maxDelayMs : delay);
    }
};
