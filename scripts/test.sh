#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's test command: installs what is missing, checks the formatting, builds once with
# AddressSanitizer + UndefinedBehaviorSanitizer (the `asan` preset, into build-asan/) and runs every test
# there (scripts/sanitize.sh): one build instead of an optimised one plus a sanitized one keeps CI inside
# its 30 minutes on two cores, and every test, the GUI ones included, runs under the sanitizers.
# Usage: scripts/test.sh [ctest arguments, e.g. -L unit]
#   CLEARDB_SANITIZE=0   build the optimised tree (build/, as scripts/build.sh does) and run the suite there
#                        instead: quicker to rebuild while working, no sanitizer checks
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
# Formatting drift fails at once, before minutes of building.
"$root/scripts/check-format.sh"
[[ "${CLEARDB_SANITIZE:-1}" == 1 ]] && exec "$root/scripts/sanitize.sh" "$@"

build=${BUILD_DIR:-$root/build}
"$root/scripts/build.sh" -DCLEARDB_BUILD_TESTS=ON
# The tests start their own peers (heroku-sim, MariaDB, HAProxy) on loopback and
# pick free ports, so they may run two at a time; fixtures order what must be ordered.
ctest --test-dir "$build" --output-on-failure --parallel 2 --timeout 900 "$@"
