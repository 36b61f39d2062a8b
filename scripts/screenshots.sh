#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Saves screenshots of the console's main views into docs/screenshots/, taken under Xvfb against the
# offline sandbox: the console's own heroku-sim for the Heroku side, and a private sandbox cluster
# (two MariaDB masters with TLS behind HAProxy, scripts/sandbox/cluster.sh) for the database views.
# Everything it starts is stopped on exit; nothing touches a real Heroku account (--sandbox).
#
#   scripts/screenshots.sh                # uses build/ (BUILD_DIR=... to choose another)
#   SCREENSHOT_BASE_PORT=25570 scripts/screenshots.sh
#
# Needs: xvfb-run (Debian xvfb), mariadb-server, haproxy, openssl, and a built cleardb-console.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
console=$build/bin/cleardb-console
out=$root/docs/screenshots
# Below Linux's ephemeral range (32768+), so a TIME_WAIT socket never holds the routed port.
base_port=${SCREENSHOT_BASE_PORT:-25570}

die() { echo "screenshots.sh: $*" >&2; exit 1; }
[[ -x $console ]] || die "$console not found; build first (scripts/build.sh) or set BUILD_DIR"
command -v xvfb-run >/dev/null || die "xvfb-run is missing; install the Debian package xvfb"

work=$(mktemp -d "${TMPDIR:-/tmp}/cleardb-screenshots.XXXXXX")
cluster=$work/cluster
export CLEARDB_SANDBOX_SCRIPT=$root/scripts/sandbox/cluster.sh
export CLEARDB_SANDBOX_DIR=$cluster
cleanup() {
    "$CLEARDB_SANDBOX_SCRIPT" stop --dir "$cluster" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "starting the sandbox cluster on 127.0.0.1:$base_port…"
"$CLEARDB_SANDBOX_SCRIPT" start --dir "$cluster" --base-port "$base_port" --server all >"$work/cluster.log" 2>&1 ||
    die "the sandbox cluster did not start; see the log below
$(tail -n 20 "$work/cluster.log")"
# A database and user like the ClearDB add-on creates; the password never reaches a command line.
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
echo "$password" | "$CLEARDB_SANDBOX_SCRIPT" provision-db heroku_screens screens_user - --dir "$cluster" >/dev/null
export CLEARDB_DATABASE_URL="mysql://screens_user:$password@127.0.0.1:$base_port/heroku_screens?ssl-ca=$cluster/tls/ca.pem"
# The Move wizard's target: a database on the separate server standing for a dedicated cluster.
target_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
echo "$target_password" | "$CLEARDB_SANDBOX_SCRIPT" provision-db heroku_moved moved_user - --dir "$cluster" --server dedicated >/dev/null
move_target="mysql://moved_user:$target_password@127.0.0.1:$((base_port + 4))/heroku_moved?ssl-ca=$cluster/tls/ca.pem"

# A fresh configuration home: the user's saved layout, theme files and keychain stay out of the pictures.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset HEROKU_API_KEY
mkdir -p "$out"

shoot() { # shoot FILE VIEW [extra environment...]
    local file=$1 view=$2
    shift 2
    echo "  $file"
    env "$@" xvfb-run -a -s "-screen 0 1280x900x24 -dpi 96" \
        "$console" --sandbox --select-app sandbox-app-0001 --view "$view" --screenshot "$out/$file" \
        2>"$work/console.log" || die "the console failed for --view $view; see the log below
$(grep -v 'propagateSizeHints' "$work/console.log" | tail -n 20)"
}

echo "taking screenshots into docs/screenshots/…"
shoot console-details.png details
shoot console-connection.png connection
shoot console-monitor.png monitor
shoot console-failover-drill.png drill
shoot console-shortcuts.png shortcuts
shoot console-about.png about
shoot console-signin.png signin
shoot console-connection-dark.png connection CLEARDB_CONSOLE_COLOR_SCHEME=dark
# Exported, not passed to env: a URL with a password never goes on a command line.
export CLEARDB_MOVE_TARGET_URL=$move_target
shoot console-move.png move
unset CLEARDB_MOVE_TARGET_URL
# The app's own seeded database (ignite, filled near its quota), not heroku_screens; and the fleet.
shoot console-usage.png usage -u CLEARDB_DATABASE_URL
shoot console-fleet.png fleet -u CLEARDB_DATABASE_URL
echo "done: $(ls "$out"/console-*.png | wc -l) screenshots in docs/screenshots/"
