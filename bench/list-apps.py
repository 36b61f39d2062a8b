#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Listing speed: `cleardbctl --json apps` / `--json addons` against the real Heroku CLI's
`heroku apps --json` / `heroku addons --json`, both talking to the same heroku-sim with 2,000
apps in the same run. A benchmark, not a test: it prints wall times, the ratio and the number of
HTTP requests each side made, beside the targets (>= 10x faster than the Heroku CLI, <= 3
requests to list 2,000 apps), and never fails on a number.

    bench/list-apps.py --bin-dir build/bin [--heroku PATH] [--runs 5] [--apps 2000]

Request counts come from heroku-sim's own request log (--log: one line per request served),
read before and after each command. Both programs get a fresh HOME, so no ~/.netrc or cache of
the user is involved; the token reaches them through HEROKU_API_KEY, the sim through HEROKU_HOST.
One warm-up run per command is discarded (the Heroku CLI builds its command cache on the first
run; the page cache warms for both).
"""
import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time

from benchsim import HerokuSim

TARGET_RATIO = 10.0
TARGET_APP_REQUESTS = 3


def start_sim(bin_dir, apps, token, log_path):
    return HerokuSim(bin_dir, token, log_path, ["--apps", str(apps)])


def run_once(command, env, sim):
    before = sim.requests_served()
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("list-apps: %s exited %d: %s" % (" ".join(command[:3]), result.returncode,
                                                  result.stderr.decode(errors="replace").strip()[:300]))
    # The sim logs each request before answering it, so every line is in the file by now.
    return elapsed, sim.requests_served() - before, len(json.loads(result.stdout))


def measure(label, command, env, sim, runs):
    run_once(command, env, sim)  # warm-up, discarded
    times, requests, items = [], set(), set()
    for _ in range(runs):
        elapsed, count, length = run_once(command, env, sim)
        times.append(elapsed)
        requests.add(count)
        items.add(length)
    return {"label": label, "median": statistics.median(times), "min": min(times),
            "requests": "/".join(str(r) for r in sorted(requests)),
            "requests_max": max(requests), "items": "/".join(str(i) for i in sorted(items))}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin-dir", required=True, help="build/bin with cleardbctl and heroku-sim")
    parser.add_argument("--heroku", help="the Heroku CLI (default: the pinned one the build installs, "
                                         "<build>/tests/herokucli/node/node_modules/.bin/heroku)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--apps", type=int, default=2000)
    args = parser.parse_args()

    bin_dir = os.path.abspath(args.bin_dir)
    heroku = args.heroku or os.path.join(os.path.dirname(bin_dir), "tests", "herokucli", "node",
                                         "node_modules", ".bin", "heroku")
    if not os.path.exists(heroku):
        sys.exit("list-apps: no Heroku CLI at %s; install the pinned one with "
                 "`cmake --build build --target herokucli_install` or pass --heroku" % heroku)
    ctl = os.path.join(bin_dir, "cleardbctl")

    token = "bench-" + secrets.token_hex(12)
    with tempfile.TemporaryDirectory() as home:
        sim = start_sim(bin_dir, args.apps, token, os.path.join(home, "sim.log"))
        try:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_", "CLEARDBCTL_"))}
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)
            env.update({"HOME": home, "HEROKU_API_KEY": token, "HEROKU_HOST": sim.url,
                        "DISABLE_TELEMETRY": "true", "HEROKU_SKIP_NEW_VERSION_CHECK": "true",
                        "HEROKU_DISABLE_AUTOUPDATE": "true", "NO_COLOR": "1"})
            pairs = [
                ("apps", [ctl, "--json", "apps"], [heroku, "apps", "--json"]),
                ("addons", [ctl, "--json", "addons"], [heroku, "addons", "--json"]),
            ]
            results = []
            for name, ours, theirs in pairs:
                results.append((name, measure("cleardbctl", ours, env, sim, args.runs),
                                measure("heroku CLI", theirs, env, sim, args.runs)))
        finally:
            sim.stop()

    print("heroku-sim with %d apps on 127.0.0.1; median (min) wall time of %d runs after one warm-up"
          % (args.apps, args.runs))
    print("%-8s %-12s %16s %10s %8s" % ("list", "program", "wall time", "requests", "items"))
    for name, ours, theirs in results:
        for side in (ours, theirs):
            print("%-8s %-12s %8.3f s (%.3f) %10s %8s" % (name, side["label"], side["median"], side["min"],
                                                      side["requests"], side["items"]))
        ratio = theirs["median"] / ours["median"] if ours["median"] > 0 else float("inf")
        print("%-8s cleardbctl is %.1fx faster than the Heroku CLI (target >= %.0fx)"
              % (name, ratio, TARGET_RATIO))
    apps_requests = results[0][1]["requests_max"]
    print("apps     cleardbctl made %d requests for %d apps (target <= %d)"
          % (apps_requests, args.apps, TARGET_APP_REQUESTS))


if __name__ == "__main__":
    main()
