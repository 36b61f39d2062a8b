// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"

#include <optional>
#include <utility>

// A value or the Error that prevented it; the one way a fallible call answers (instead of a bool plus
// a QString out-parameter, or an empty string meaning success). Checking is enforced: ignoring a
// Result is a compiler warning, and reading the wrong side asserts.
//     Result<int> port = parsePort(text);
//     if (!port) return port.error();
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &value() &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T value() &&
    {
        Q_ASSERT(ok());
        return std::move(*m_value);
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }
    T valueOr(T fallback) const { return ok() ? *m_value : std::move(fallback); }

    const Error &error() const
    {
        Q_ASSERT(!ok());
        return m_error;
    }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Success without a value, or the Error.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const
    {
        Q_ASSERT(m_failed);
        return m_error;
    }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;
