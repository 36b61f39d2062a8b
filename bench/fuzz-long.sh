#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The long fuzz run: every libFuzzer target in tests/fuzz for RUNS executions (default 1,000,000) on a
# scratch copy of its seed corpus, one after the other, and a table of runs, exec/s, seconds and
# crashes. CI runs each fuzzer briefly (ctest -L fuzz); this is the run whose numbers go in bench/README.md.
# Usage: bench/fuzz-long.sh [RUNS]     (BUILD_DIR=… moves the clang build, default build/fuzz-long)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-1000000}
build=${BUILD_DIR:-$root/build/fuzz-long}
clangxx=$(command -v clang++ || true)
[[ -n "$clangxx" ]] || { echo "fuzz-long: clang++ not found (apt install clang)" >&2; exit 1; }

cmake -S "$root/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$clangxx" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" >/dev/null

# The fuzzers and their seed corpora, as tests/fuzz/CMakeLists.txt registers them.
mapfile -t entries < <(sed -nE 's/^cleardb_add_fuzzer\(([a-z_0-9]+)(.*CORPUS ([a-z_0-9]+))?.*/\1 \3/p' \
                           "$root/tests/fuzz/CMakeLists.txt")
printf '%-28s %10s %10s %8s %8s\n' fuzzer runs exec/s seconds crashes
failed=0
for entry in "${entries[@]}"; do
    read -r name corpus <<<"$entry"
    scratch=$(mktemp -d)
    log="$build/$name.log"
    seeds=()
    [[ -n "$corpus" ]] && seeds=("$root/tests/fuzz/corpus/$corpus")
    start=$(date +%s%N)
    status=0
    ASAN_OPTIONS=detect_leaks=1 "$build/$name" -runs="$runs" -print_final_stats=1 \
        -artifact_prefix="$build/$name-" "$scratch" "${seeds[@]}" >"$log" 2>&1 || status=$?
    millis=$((($(date +%s%N) - start) / 1000000))
    done_runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -n1)
    speed=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -n1)
    crashes=0
    ((status == 0)) || { crashes=1; failed=1; }
    printf '%-28s %10s %10s %6d.%01d %8s\n' "$name" "${done_runs:-?}" "${speed:-?}" $((millis / 1000)) $((millis % 1000 / 100)) "$crashes"
    ((status == 0)) || tail -n 30 "$log" >&2
    rm -rf "$scratch"
done
exit "$failed"
