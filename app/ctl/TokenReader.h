// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QString>

// Reads one secret line from stdin for `cleardbctl login`. On a terminal it
// prompts on stderr and turns echo off for the duration (termios), so the token
// is neither shown nor left in the scrollback; from a pipe or file it just reads
// the first line. Surrounding whitespace is dropped (a trailing newline from
// `echo` is not part of the token).
// An Io error when stdin could not be read.
namespace TokenReader {
Result<QString> readFromStdin(const QString &prompt);
} // namespace TokenReader
