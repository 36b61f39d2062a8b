#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Event-loop stalls and memory of the console's main window with 2,000 apps: runs
console-stall-bench (bench/console-stall/) several times and prints min/median/max of the
longest stall while loading, the longest stall while a filter is typed character by character
(and deleted again), and VmRSS after loading. A benchmark, not a test: it prints numbers beside
the targets (stall <= 50 ms, VmRSS <= 80 MB) and never fails on them.

    bench/console-stall.py --bin-dir build/bin [--runs 5] [--apps 2000] [--platform xcb]

One warm-up run is discarded so the page cache is not measured. --platform xcb runs each
bench under xvfb-run, so real X11 painting is inside the stalls.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

TARGET_STALL_MS = 50
TARGET_RSS_MB = 80


def run_once(bin_dir, apps, platform):
    command = [os.path.join(bin_dir, "console-stall-bench"), "--apps", str(apps), "--json"]
    env = dict(os.environ, QT_QPA_PLATFORM=platform, HEROKU_API_KEY="")
    if platform == "xcb":
        command = ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24"] + command
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        sys.exit(f"console-stall: console-stall-bench failed ({last})")
    return json.loads(lines[-1])


def describe(name, values, unit, target):
    return (f"{name:<24} min {min(values):6.1f}  median {statistics.median(values):6.1f}  "
            f"max {max(values):6.1f} {unit}   (target <= {target} {unit})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--apps", type=int, default=2000)
    parser.add_argument("--platform", default="offscreen", choices=["offscreen", "xcb"])
    args = parser.parse_args()

    run_once(args.bin_dir, args.apps, args.platform)  # warm-up, discarded
    runs = [run_once(args.bin_dir, args.apps, args.platform) for _ in range(args.runs)]
    if any(r["appsShown"] != args.apps for r in runs):
        sys.exit("console-stall: the window did not show every seeded app")
    print(f"{args.runs} runs, {args.apps} apps, platform {args.platform}")
    print(describe("longest stall, loading", [r["loadStallMs"] for r in runs], "ms", TARGET_STALL_MS))
    print(describe("longest stall, filtering", [r["filterStallMs"] for r in runs], "ms", TARGET_STALL_MS))
    print(describe("VmRSS after loading", [r["rssMb"] for r in runs], "MB", TARGET_RSS_MB))
    print(describe("load time", [r["loadMs"] for r in runs], "ms", "-"))


if __name__ == "__main__":
    main()
