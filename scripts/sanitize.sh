#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The suite under AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included): configures the
# `asan` preset (Debug, -fsanitize=address,undefined, UB fatal) into ASAN_BUILD_DIR (default build-asan/),
# builds it and runs the tests. scripts/test.sh runs every test this way. Every process a test starts
# (heroku-sim, cleardbctl, the console) is instrumented too, and may not hand its report to a test that
# ignores its stderr, so each report is written to a file under the build and the run fails if any file
# appears, whatever ctest said.
# Usage: scripts/sanitize.sh [ctest arguments]   (with arguments, only what the chosen tests run is built)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${ASAN_BUILD_DIR:-$root/build-asan}
reports="$build/sanitizer-reports"

source "$root/scripts/compiler-cache.sh"
start=$(date +%s)
# Its own sandbox ports (27270…), clear of a console sandbox or an optimised build's tests on 27070….
cmake --preset asan -S "$root" -B "$build" "${compiler_cache[@]}" -DCLEARDB_SANDBOX_TEST_PORT=27270 >/dev/null
targets=(all)
if (($#)); then
    # Only what the chosen tests run: their executables (a test and its executable share a name; a
    # wrapper names its executable in bin/), which depend on the programs they start, and those programs.
    mapfile -t targets < <(ctest --test-dir "$build" --show-only=json-v1 "$@" |
        python3 -c '
import json, os, subprocess, sys
build = os.path.realpath(sys.argv[1])
listing = subprocess.run(["ninja", "-C", build, "-t", "targets", "all"], capture_output=True, text=True,
                         check=True).stdout
known = {line.split(":")[0] for line in listing.splitlines() if "/" not in line.split(":")[0]}
names = {"cleardbctl", "heroku-sim"}
for test in json.load(sys.stdin)["tests"]:
    names.add(test["name"])
    for arg in test.get("command", []):
        if os.path.dirname(os.path.realpath(arg)) == os.path.join(build, "bin"):
            names.add(os.path.basename(arg))
print("\n".join(sorted(names & known)))' "$build")
fi
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"
rm -rf "$reports" && mkdir -p "$reports"
status=0
# The tests start their own peers (heroku-sim, MariaDB, HAProxy) on loopback and pick free ports, so
# they may run two at a time; fixtures order what must be ordered.
ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:abort_on_error=0:strict_string_checks=1" \
UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1" \
LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt" \
    ctest --test-dir "$build" --output-on-failure --parallel 2 --timeout 900 "$@" || status=$?
if compgen -G "$reports/*" >/dev/null; then
    echo "sanitize: sanitizer reports were written:" >&2
    for report in "$reports"/*; do echo "== $report" >&2; head -n 40 "$report" >&2; done
    status=1
fi
echo "sanitize: $(($(date +%s) - start)) s under ASan+UBSan, build $build, exit $status"
exit "$status"
