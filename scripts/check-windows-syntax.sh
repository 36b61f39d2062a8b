#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compiles core/ and cleardbctl (app/ctl) for Windows, syntax only, with the MinGW-w64 cross compiler:
# every Q_OS_WIN branch (ConnectorIo's Winsock calls, InterruptNotifier's console handler, the
# UnsupportedProcessControl fallback, ...) is parsed and type-checked on Linux, so it cannot rot
# unnoticed. Qt for Windows is not packaged for Debian; Qt's own headers are platform-neutral and
# choose their Windows declarations from _WIN32, so this host's Qt headers serve. It checks that the
# code compiles without warnings, not that it links or runs. ctest runs it (test `windows_syntax`).
# Usage: scripts/check-windows-syntax.sh [FILE.cpp ...]   (default: every .cpp under core/ and app/ctl/)
#   CHECK_WINDOWS_JOBS=N   compile N files at once (default: one per core)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# The POSIX thread model: the win32 one has no std::mutex in GCC 12.
compiler=$(command -v x86_64-w64-mingw32-g++-posix || true)
if [[ -z "$compiler" ]]; then
    echo "check-windows-syntax: x86_64-w64-mingw32-g++-posix is not installed; run scripts/setup.sh" >&2
    exit 1
fi
qt=$(qtpaths6 --query QT_INSTALL_HEADERS 2>/dev/null || echo /usr/include/x86_64-linux-gnu/qt6)
# QtKeychain's and OpenSSL's headers sit in /usr/include, which must not be searched (it holds glibc's
# headers): links to just those folders stand in for it.
includes=$(mktemp -d)
trap 'rm -rf "$includes"' EXIT
mkdir "$includes/common" "$includes/arch"
ln -s /usr/include/qt6keychain "$includes/common/qt6keychain"
ln -s /usr/include/openssl "$includes/common/openssl"
ln -s "/usr/include/$(gcc -dumpmachine)/openssl" "$includes/arch/openssl"
# zlib (core/transfer streams .gz dumps): two headers, linked the same way.
ln -s /usr/include/zlib.h /usr/include/zconf.h "$includes/common/"
export CHECK_COMPILER="$compiler"
export CHECK_FLAGS="-fsyntax-only -std=c++17 -Wall -Wextra -Wold-style-cast -Werror
    -DQT_NO_CAST_FROM_ASCII -DQT_NO_KEYWORDS -DQT_USE_QSTRINGBUILDER -DCLEARDB_VERSION=\"0\"
    -Icore -Iapp/ctl -isystem $qt -isystem $qt/QtCore -isystem $qt/QtNetwork -isystem $qt/QtSql
    -isystem /usr/include/mariadb -isystem $includes/common -isystem $includes/arch"
# Every file parses Qt's headers again, about 3 s of CPU each: a precompiled header of the Qt headers
# the code includes, built once with the very same flags (GCC refuses a .gch made with others, and
# -Winvalid-pch turns that into an error), brings a file to about 1 s. It can hide a Qt include a file
# forgets, which the native build reports anyway; the Windows branches this check is for are unchanged.
grep -rhoE '^#include <Q[A-Za-z]+>' core app/ctl | sort -u >"$includes/qt.h"
# shellcheck disable=SC2086 # CHECK_FLAGS is a list of words
"$compiler" -x c++-header ${CHECK_FLAGS/-fsyntax-only/} "$includes/qt.h" -o "$includes/qt.h.gch"
export CHECK_FLAGS="$CHECK_FLAGS -Winvalid-pch -include $includes/qt.h"
if [[ $# -gt 0 ]]; then
    files=("$@")
else
    # Unix*.cpp are the Unix implementations that CMake builds only there (if(UNIX)).
    mapfile -t files < <(find core app/ctl -name '*.cpp' ! -name 'Unix*.cpp' | sort)
fi
check() {
    # shellcheck disable=SC2086 # CHECK_FLAGS is a list of words
    if ! output=$("$CHECK_COMPILER" $CHECK_FLAGS "$1" 2>&1); then
        printf '%s\ncheck-windows-syntax: %s does not compile for Windows\n' "$output" "$1" >&2
        return 1
    fi
}
export -f check
# By hand it uses every core; under ctest it gets one (CHECK_WINDOWS_JOBS=1), like every other test, so
# tests with deadlines that run beside it (the sandbox's start) are not starved.
printf '%s\n' "${files[@]}" | xargs -P "${CHECK_WINDOWS_JOBS:-$(nproc)}" -I{} bash -c 'check "$1"' _ {}
