#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a test the way a developer runs it, as an ordinary user, even where CI runs everything as root:
# root drops to nobody:nogroup (no supplementary groups) first; anyone else runs it as is. What differs
# for an unprivileged user (the keyring daemon's and the bus's credentials, file modes that root would
# ignore) is then exercised on every run. Usage: run-unprivileged.sh TEST [ARGS...]
set -eu
if [ "$(id -u)" = 0 ]; then
    exec setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
fi
exec "$@"
