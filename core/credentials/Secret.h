// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QDebug;

// A token or password held in memory. It has no implicit conversion to QString
// and prints as a mask through QDebug, so `qDebug() << secret` or string
// concatenation cannot leak it by accident; code that really needs the value
// (the Authorization header, a keychain write) calls reveal() and is easy to
// audit with grep. It does not encrypt or lock memory: it guards against
// printing, not against an attacker who can read the process.
class Secret
{
public:
    Secret() = default;
    explicit Secret(const QString &value) : m_value(value) {}

    bool isEmpty() const { return m_value.isEmpty(); }
    // The value itself. Never pass the result to a log, a message or an exception.
    const QString &reveal() const { return m_value; }

    bool operator==(const Secret &other) const { return m_value == other.m_value; }
    bool operator!=(const Secret &other) const { return m_value != other.m_value; }

private:
    QString m_value;
};

// Prints "Secret(<mask>)" or "Secret(empty)", never the value.
QDebug operator<<(QDebug debug, const Secret &secret);
