#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The suite under AddressSanitizer + UndefinedBehaviorSanitizer: configures the `asan` preset (Debug,
# -fsanitize=address,undefined, UB fatal) into ASAN_BUILD_DIR, builds it and runs the labels in
# CLEARDB_SANITIZER_LABELS. Every process a test starts (heroku-sim, cleardbctl, the console) is
# instrumented too, and may not hand its report to a test that ignores its stderr, so each report is
# written to a file under the build and the pass fails if any file appears, whatever ctest said.
# Usage: scripts/sanitize.sh [ctest arguments]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${ASAN_BUILD_DIR:-${BUILD_DIR:-$root/build}-asan}
labels=${CLEARDB_SANITIZER_LABELS:-unit|sim|cli|mariadb}
# Tests that mostly time someone else's code (the snippet check runs Python's and Node's parsers).
excluded=${CLEARDB_SANITIZER_EXCLUDED_LABELS:-thirdparty}
reports="$build/sanitizer-reports"

source "$root/scripts/compiler-cache.sh"
start=$(date +%s)
cmake --preset asan -S "$root" -B "$build" "${compiler_cache[@]}" -DCLEARDB_BUILD_GUI=OFF -DCLEARDB_SANDBOX_TEST_PORT=27270 >/dev/null
# Only what those tests run: their executables (a test and its executable share a name; a wrapper
# names its executable in bin/), which depend on the programs they start, and those two programs. The
# package checks and the snippet parsers, which the labels leave out, are not built (23 of the 484
# compile and link steps: their sources, PackageLayout.cpp and ToolRunner.cpp four times, 5 links).
mapfile -t targets < <(ctest --test-dir "$build" --show-only=json-v1 -L "$labels" -LE "$excluded" "$@" |
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
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"
rm -rf "$reports" && mkdir -p "$reports"
status=0
ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:abort_on_error=0:strict_string_checks=1" \
UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1" \
LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt" \
    ctest --test-dir "$build" --output-on-failure --parallel 2 --timeout 900 -L "$labels" -LE "$excluded" "$@" || status=$?
if compgen -G "$reports/*" >/dev/null; then
    echo "sanitize: sanitizer reports were written:" >&2
    for report in "$reports"/*; do echo "== $report" >&2; head -n 40 "$report" >&2; done
    status=1
fi
echo "sanitize: labels '$labels' but not '$excluded' under ASan+UBSan, $(($(date +%s) - start)) s, build $build, exit $status"
exit "$status"
