#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a C++ file differs from what clang-format makes of it with the repository's .clang-format,
# and names the files. Fix with: scripts/check-format.sh --fix
# The test command runs it first, so formatting drift never reaches main.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tool=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z "$tool" ]]; then
    echo "check-format: clang-format is not installed; run scripts/setup.sh" >&2
    exit 1
fi
# A git checkout's files, new ones not yet added included (else --fix skips a file until it is committed);
# otherwise every source file under the project's folders.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
else
    mapfile -t files < <(find app bench core sim tests ui -name '*.cpp' -o -name '*.h' | sort)
fi
if [[ "${1:-}" == --fix ]]; then
    "$tool" -i "${files[@]}"
    exit 0
fi
present=()
for file in "${files[@]}"; do
    [[ -f "$file" ]] && present+=("$file")
done
# One clang-format per 64 files, one batch per core: starting it once per file cost about a minute of
# the test command. Only a batch that fails is checked again file by file, to name the files.
check_batch() {
    "$CHECK_FORMAT_TOOL" --dry-run -Werror "$@" >/dev/null 2>&1 && return 0
    for file in "$@"; do
        "$CHECK_FORMAT_TOOL" --dry-run -Werror "$file" >/dev/null 2>&1 || printf '%s\n' "$file"
    done
}
export -f check_batch
export CHECK_FORMAT_TOOL="$tool"
mapfile -t drift < <(printf '%s\0' "${present[@]}" |
    xargs -0 -n 64 -P "$(nproc)" bash -c 'check_batch "$@"' _ | sort)
if ((${#drift[@]})); then
    echo "check-format: ${#drift[@]} file(s) differ from .clang-format; run scripts/check-format.sh --fix:" >&2
    printf '  %s\n' "${drift[@]}" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files match .clang-format"
