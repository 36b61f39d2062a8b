// SPDX-License-Identifier: MIT
#pragma once

// How patient the client is with a busy API. Only idempotent requests are ever
// sent again; a POST that meets a 429 is reported, never repeated by us.
struct RetryPolicy
{
    int maxRetries = 3;     // per HTTP exchange, on 429 and 503
    int baseDelayMs = 1000; // doubled after each retry when the API gives no Retry-After
    int maxDelayMs = 30000; // an absurd Retry-After is capped, not obeyed
    int timeoutMs = 30000;  // per HTTP exchange, covering connect and transfer

    int delayForAttempt(int attempt, int retryAfterSeconds) const
    {
        long long delay = retryAfterSeconds > 0 ? retryAfterSeconds * 1000LL
                                                : static_cast<long long>(baseDelayMs) << attempt;
        return static_cast<int>(delay > maxDelayMs ? maxDelayMs : delay);
    }
};
