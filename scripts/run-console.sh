#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's first command: installs what is missing, builds, and opens the console.
# With no Heroku credentials (HEROKU_API_KEY, keychain, ~/.netrc) the console opens
# the offline sandbox: a local heroku-sim it starts and stops itself.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
"$root/scripts/build.sh" -DCLEARDB_BUILD_TESTS=OFF
exec "$build/bin/cleardb-console" "$@"
