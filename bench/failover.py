#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Probe and failover monitor benchmarks on the sandbox cluster (two MariaDB masters + HAProxy), driven
through cleardbctl. A benchmark, not a test: it prints numbers beside the targets and never fails on one.

    bench/failover.py --bin-dir build/bin [--drills 20] [--interval 250] [--minutes 10] [--probes 20]
                      [--cpu-seconds 60] [--only detection,false,probe,cpu] [--dir DIR] [--base-port P]

detection  `cleardbctl --json drill --count N --interval MS`: SIGKILL of the primary -> failover event,
           p50/p95/max over N drills (target: median <= interval + 100 ms); also when the routed
           endpoint moved and how long failback took once the restarted primary answered.
false      `cleardbctl --json monitor` on the routed endpoint and both masters for --minutes at the same
           interval, nothing killed: failover events seen (target 0).
probe      wall time of one `cleardbctl probe` process against one `mariadb -e 'select 1'` process, same
           server, user, TLS CA, alternated in the same run; medians (target <= 1.2x).
cpu        CPU time of `cleardbctl monitor --interval 1000` over --cpu-seconds (getrusage of the child:
           user + system), as a share of one core (target < 1 %).

By default the script starts its own sandbox (scripts/sandbox/cluster.sh) in a temporary directory on base
port 33170 and stops it at the end; --dir uses a running one. The sandbox admin logs in everywhere; its
password is read from the sandbox's 0600 file and passed to mariadb through MYSQL_PWD, never in argv.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "scripts", "sandbox", "cluster.sh")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def cluster(action, args, env):
    return subprocess.run([SCRIPT, action] + args, env=env, check=False, capture_output=True, text=True)


def ctl(bin_dir, args, env, timeout=None):
    return subprocess.run([os.path.join(bin_dir, "cleardbctl")] + args, env=env, capture_output=True, text=True,
                          timeout=timeout)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


def bench_detection(a, env, status):
    print(f"\n== detection latency: {a.drills} drills at {a.interval} ms ==", flush=True)
    run = ctl(a.bin_dir, ["--json", "drill", "--count", str(a.drills), "--interval", str(a.interval)], env)
    drills = json_lines(run.stdout)
    ok = [d for d in drills if d.get("ok")]
    if run.returncode != 0:
        print(f"  drill failed after {len(ok)} good drills: {run.stderr.strip().splitlines()[-1:]}")
    if not ok:
        return
    target = a.interval + 100
    for key, label in (("failoverDetectMs", "kill -> failover event"),
                       ("routedFailoverMs", "kill -> routed on secondary (HAProxy)"),
                       ("failbackDetectMs", "primary back -> failback event"),
                       ("resyncMs", "restart -> re-synchronized")):
        v = [d[key] for d in ok]
        print(f"  {label:40s} p50 {pct(v, .5):7.0f} ms  p95 {pct(v, .95):7.0f} ms  max {max(v):7.0f} ms")
    med = statistics.median(d["failoverDetectMs"] for d in ok)
    print(f"  drills ok: {len(ok)}/{a.drills}; median detection {med:.0f} ms vs target <= {target} ms "
          f"(interval + 100 ms): {'MET' if med <= target else 'MISSED'}")
    print("  reference (notes/cleardb-facts.md): HAProxy inter 2s fall 3 ~6 s, MaxScale ~10 s, ProxySQL ~16-24 s")


def admin_urls(status):
    with open(status["admin_password_file"]) as f:
        password = f.read().strip()
    base = f"mysql://{status['admin_user']}:{password}@127.0.0.1:%d/?ssl-ca={status['ca_file']}"
    return password, base % status["routed_port"], base % status["primary"]["port"], base % status["secondary"]["port"]


def bench_false(a, env, status):
    print(f"\n== false failovers: {a.minutes} min of steady probing at {a.interval} ms ==", flush=True)
    _, routed, primary, secondary = admin_urls(status)
    run = ctl(a.bin_dir, ["--json", "monitor", routed, "--primary", primary, "--secondary", secondary,
                          "--interval", str(a.interval), "--duration", str(int(a.minutes * 60))], env)
    lines = json_lines(run.stdout)
    summary = next((l for l in lines if l.get("type") == "summary"), None)
    if run.returncode != 0 or summary is None:
        print(f"  monitor failed: {run.stderr.strip()}")
        return
    print(f"  samples {summary['samples']} (failed {summary['failedSamples']}), failovers {summary['failovers']}, "
          f"failbacks {summary['failbacks']}; latency p50 {summary['latencyP50Ms']:.1f} ms "
          f"p95 {summary['latencyP95Ms']:.1f} ms max {summary['latencyMaxMs']:.1f} ms")
    print(f"  target: 0 false failovers: {'MET' if summary['failovers'] == 0 else 'MISSED'}")


def bench_probe(a, env, status):
    print(f"\n== one probe vs mariadb -e 'select 1': {a.probes} runs each, alternated ==", flush=True)
    password, routed, _, _ = admin_urls(status)
    client_env = dict(env, MYSQL_PWD=password)
    client = ["mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", str(status["routed_port"]), "-u",
              status["admin_user"], "--ssl-ca", status["ca_file"], "--ssl-verify-server-cert", "-e", "select 1"]
    probe, mariadb, inside = [], [], []
    sample = None
    for i in range(a.probes + 1):
        t = time.perf_counter()
        run = ctl(a.bin_dir, ["--json", "probe", routed], env)
        probe_s = time.perf_counter() - t
        t = time.perf_counter()
        c = subprocess.run(client, env=client_env, capture_output=True, text=True)
        client_s = time.perf_counter() - t
        if run.returncode != 0 or c.returncode != 0:
            print(f"  run failed: {run.stderr.strip()} {c.stderr.strip()}")
            return
        if i == 0:
            continue  # warm-up: page cache, TLS session tables
        result = json.loads(run.stdout)
        sample = result
        probe.append(probe_s * 1000)
        mariadb.append(client_s * 1000)
        inside.append(result["totalMs"])
    mp, mm = statistics.median(probe), statistics.median(mariadb)
    print(f"  cleardbctl probe (process)  median {mp:6.1f} ms  min {min(probe):6.1f} ms")
    print(f"  mariadb -e 'select 1'       median {mm:6.1f} ms  min {min(mariadb):6.1f} ms")
    print(f"  probe's own total (in-process) median {statistics.median(inside):6.1f} ms")
    print(f"  ratio {mp / mm:.2f}x vs target <= 1.2x: {'MET' if mp / mm <= 1.2 else 'MISSED'}")
    print("  sample probe stages: " + ", ".join(f"{s['stage']} {s['ms']:.2f} ms" for s in sample["stages"]) +
          f"; total {sample['totalMs']:.2f} ms; server_id {sample['server']['serverId']}, "
          f"TLS {sample['tls']['state']} {sample['tls']['protocol']} {sample['tls']['cipher']}")


def bench_cpu(a, env, status):
    print(f"\n== monitor CPU at 1 s interval over {a.cpu_seconds} s ==", flush=True)
    _, routed, _, _ = admin_urls(status)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run = ctl(a.bin_dir, ["--json", "monitor", routed, "--interval", "1000", "--duration", str(a.cpu_seconds)], env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        print(f"  monitor failed: {run.stderr.strip()}")
        return
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    share = 100 * cpu / wall
    print(f"  CPU {cpu:.3f} s over {wall:.1f} s wall = {share:.2f} % of one core (incl. start-up) "
          f"vs target < 1 %: {'MET' if share < 1 else 'MISSED'}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin-dir", required=True)
    p.add_argument("--dir", help="use the running sandbox in DIR instead of starting one")
    p.add_argument("--base-port", type=int, default=33170)
    p.add_argument("--drills", type=int, default=20)
    p.add_argument("--interval", type=int, default=250)
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--probes", type=int, default=20)
    p.add_argument("--cpu-seconds", type=int, default=60)
    p.add_argument("--only", default="detection,false,probe,cpu")
    a = p.parse_args()
    env = dict(os.environ, CLEARDB_SANDBOX_SCRIPT=os.path.abspath(SCRIPT))
    own = a.dir is None
    tmp = tempfile.TemporaryDirectory(prefix="cleardb-bench-") if own else None
    directory = tmp.name if own else os.path.abspath(a.dir)
    env["CLEARDB_SANDBOX_DIR"] = directory
    try:
        if own:
            started = cluster("start", ["--dir", directory, "--base-port", str(a.base_port)], env)
            if started.returncode != 0:
                sys.exit(f"failover.py: the sandbox did not start: {started.stderr.strip()}")
        status = json.loads(cluster("status", ["--dir", directory, "--json"], env).stdout)
        print(f"sandbox {directory}: routed 127.0.0.1:{status['routed_port']}; {os.cpu_count()} cores")
        for name, fn in (("probe", bench_probe), ("cpu", bench_cpu), ("false", bench_false),
                         ("detection", bench_detection)):
            if name in a.only.split(","):
                fn(a, env, status)
    finally:
        if own:
            cluster("stop", ["--dir", directory], env)
            tmp.cleanup()


if __name__ == "__main__":
    main()
