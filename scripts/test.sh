#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's test command: installs what is missing, builds, and runs every test; then builds the
# suite again with AddressSanitizer + UndefinedBehaviorSanitizer (the `asan` preset) and runs it there.
# Usage: scripts/test.sh [ctest arguments, e.g. -L unit]
#   CLEARDB_SANITIZER_PASS=0      skip the sanitizer pass (it is on by default, and in CI)
#   CLEARDB_SANITIZER_LABELS=…    ctest label regex for that pass
#   CLEARDB_SANITIZER_EXCLUDED_LABELS=…  labels it leaves out (default: thirdparty)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
# Formatting drift fails at once, before minutes of building.
"$root/scripts/check-format.sh"
"$root/scripts/build.sh" -DCLEARDB_BUILD_TESTS=ON
# The tests start their own peers (heroku-sim, MariaDB, HAProxy) on loopback and
# pick free ports, so they may run two at a time; fixtures order what must be ordered.
ctest --test-dir "$build" --output-on-failure --parallel 2 --timeout 900 "$@"

[[ "${CLEARDB_SANITIZER_PASS:-1}" == 1 ]] || exit 0
"$root/scripts/sanitize.sh" "$@"
