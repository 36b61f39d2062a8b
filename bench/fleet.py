#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The fleet on large accounts: the console's fleet window and `cleardbctl fleet`, against heroku-sim,
beside what the Heroku CLI needs for the same table. A benchmark, not a test: it prints numbers beside
the targets and never fails on them.

    bench/fleet.py --bin-dir build-rel/bin [--addons 500] [--databases 50] [--runs 3] [--cli-sample 10]

1. The window with the API's data only: heroku-sim with --addons apps, each with a ClearDB add-on
   (--cleardb-apps; fake database URLs). Targets: first rows painted <= 1 s, the whole table (plans,
   prices, DATABASE_URL) <= 3 s, longest event-loop stall <= 50 ms, VmRSS <= 120 MB.
2. The window reading real databases: a private sandbox cluster (scripts/sandbox/cluster.sh) and
   heroku-sim --sandbox-cluster with --databases ClearDB add-ons, each a real database. Targets: every
   database read <= 10 s at <= 8 connections at once, stall <= 50 ms, VmRSS <= 120 MB.
3. `cleardbctl --json fleet --no-probe` on the first sim, and the Heroku CLI commands a user would type
   for the same table: `heroku addons --all --json` plus `heroku config --json -a APP` for every app with
   ClearDB. The CLI's config calls are timed on a sample (--cli-sample) and multiplied out; the count
   of commands is exact.
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_sim(bin_dir, token, log_path, args):
    env = dict(os.environ, CLEARDB_SANDBOX_SCRIPT=os.path.join(ROOT, "scripts", "sandbox", "cluster.sh"))
    return HerokuSim(bin_dir, token, log_path, ["--provision-delay", "0"] + args, env)


def fleet_bench(bin_dir, sim, probes):
    env = dict(os.environ, HEROKU_HOST=sim.url, HEROKU_API_KEY=sim.token, QT_QPA_PLATFORM="offscreen")
    command = [os.path.join(bin_dir, "fleet-bench"), "--json"] + (["--probes"] if probes else [])
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        sys.exit("fleet: fleet-bench failed: %s" % (done.stderr.strip().splitlines() or ["no output"])[-1])
    return json.loads(lines[-1])


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def report(title, runs, rows):
    print(title)
    for label, key, unit, target in rows:
        values = [r[key] for r in runs]
        print("  %-34s median %8.1f %-3s (min %.1f, max %.1f)   target %s"
              % (label, statistics.median(values), unit, min(values), max(values), target))


def timed(command, env):
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("fleet: %s exited %d: %s" % (" ".join(command[:3]), done.returncode,
                                              done.stderr.decode(errors="replace").strip()[:300]))
    return elapsed, done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--heroku", help="the Heroku CLI (default: the pinned one the build installs)")
    parser.add_argument("--addons", type=int, default=500)
    parser.add_argument("--databases", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cli-sample", type=int, default=10)
    parser.add_argument("--base-port", type=int, default=27460)
    args = parser.parse_args()
    bin_dir = os.path.abspath(args.bin_dir)
    heroku = args.heroku or os.path.join(os.path.dirname(bin_dir), "tests", "herokucli", "node",
                                         "node_modules", ".bin", "heroku")
    token = "bench-" + secrets.token_hex(12)

    with tempfile.TemporaryDirectory() as work:
        # 1 and 3: API only, a large account.
        sim = start_sim(bin_dir, token, os.path.join(work, "sim.log"),
                  ["--apps", str(args.addons), "--cleardb-apps", str(args.addons)])
        try:
            fleet_bench(bin_dir, sim, False)  # warm-up, discarded
            api_runs = [fleet_bench(bin_dir, sim, False) for _ in range(args.runs)]
            env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_", "CLEARDBCTL_"))}
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)
            env.update({"HOME": work, "HEROKU_API_KEY": token, "HEROKU_HOST": sim.url,
                        "DISABLE_TELEMETRY": "true", "HEROKU_SKIP_NEW_VERSION_CHECK": "true",
                        "HEROKU_DISABLE_AUTOUPDATE": "true", "NO_COLOR": "1"})
            ctl = [os.path.join(bin_dir, "cleardbctl"), "--json", "fleet", "--no-probe"]
            timed(ctl, env)
            ctl_times, ctl_requests = [], []
            for _ in range(args.runs):
                before = sim.requests_served()
                elapsed, out = timed(ctl, env)
                ctl_requests.append(sim.requests_served() - before)
                ctl_times.append(elapsed)
                ctl_rows = len(json.loads(out)["addons"])
            cli = None
            if os.path.exists(heroku):
                timed([heroku, "addons", "--all", "--json"], env)  # warm-up: the CLI's command cache
                addons_time, out = timed([heroku, "addons", "--all", "--json"], env)
                apps = sorted({a["app"]["name"] for a in json.loads(out)
                               if a["addon_service"]["name"] == "cleardb"})
                sample = apps[:args.cli_sample]
                config_times = [timed([heroku, "config", "--json", "-a", app], env)[0] for app in sample]
                per_config = statistics.median(config_times)
                cli = {"commands": 1 + len(apps), "addons_time": addons_time, "per_config": per_config,
                       "total": addons_time + per_config * len(apps), "sample": len(sample)}
        finally:
            sim.stop()

        # 2: real databases on a private sandbox cluster.
        cluster_dir = os.path.join(work, "cluster")
        script = os.path.join(ROOT, "scripts", "sandbox", "cluster.sh")
        subprocess.run([script, "start", "--dir", cluster_dir, "--base-port", str(args.base_port)],
                       check=True, stdout=subprocess.DEVNULL)
        probe_runs = []
        try:
            sim = start_sim(bin_dir, token, os.path.join(work, "sim2.log"),
                      ["--apps", str(args.databases), "--cleardb-apps", str(args.databases),
                       "--sandbox-cluster", cluster_dir])
            try:
                deadline = time.time() + 600
                while True:
                    addons = [a for a in sim.get("/addons") if a["addon_service"]["name"] == "cleardb"]
                    if len(addons) == args.databases and all(a["state"] == "provisioned" for a in addons):
                        break
                    if time.time() > deadline:
                        sys.exit("fleet: the sandbox databases were not provisioned within 10 minutes")
                    time.sleep(1)
                fleet_bench(bin_dir, sim, True)  # warm-up, discarded
                probe_runs = [fleet_bench(bin_dir, sim, True) for _ in range(args.runs)]
            finally:
                sim.stop()
        finally:
            subprocess.run([script, "stop", "--dir", cluster_dir], stdout=subprocess.DEVNULL)

    print("fleet benchmark, %d runs after one warm-up each (medians; min, max)" % args.runs)
    report("1. fleet window, %d ClearDB add-ons on heroku-sim, API data only" % args.addons, api_runs, [
        ("first rows painted", "firstRowsPaintedMs", "ms", "<= 1000 ms"),
        ("whole table (API data)", "apiCompleteMs", "ms", "<= 3000 ms"),
        ("longest event-loop stall", "maxStallMs", "ms", "<= 50 ms"),
        ("VmRSS at the end", "rssMb", "MB", "<= 120 MB"),
        ("peak config reads in flight", "peakConfigRequests", "", "bounded (4)")])
    report("2. fleet window, %d real sandbox databases read" % args.databases, probe_runs, [
        ("every database read", "finishedMs", "ms", "<= 10000 ms"),
        ("peak connections at once", "peakProbes", "", "<= 8"),
        ("databases read", "read", "", "= %d" % args.databases),
        ("longest event-loop stall", "maxStallMs", "ms", "<= 50 ms"),
        ("VmRSS at the end", "rssMb", "MB", "<= 120 MB")])
    print("3. the same table from the command line, %d ClearDB add-ons" % args.addons)
    print("  cleardbctl --json fleet --no-probe     median %.3f s, %s HTTP requests, %d rows (one command)"
          % (statistics.median(ctl_times), "/".join(str(r) for r in sorted(set(ctl_requests))), ctl_rows))
    if cli:
        print("  Heroku CLI: addons --all + config per app: %d commands, about %.0f s in all"
              % (cli["commands"], cli["total"]))
        print("    (addons --all %.2f s; config -a APP median %.2f s over %d sampled apps, times %d apps)"
              % (cli["addons_time"], cli["per_config"], cli["sample"], cli["commands"] - 1))
    else:
        print("  Heroku CLI: not found at %s (cmake --build … --target herokucli_install)" % heroku)


if __name__ == "__main__":
    main()
