#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`cleardbctl db copy` against the pipeline people type by hand,

    mariadb-dump --single-transaction --routines --triggers DB | sed 's/DEFINER=[^*]*\\*/\\*/' | mariadb DB

on the same data in the same run, from the sandbox's ClearDB pair (through HAProxy, binary-logged and
replicated, as ClearDB serves it) to its separate "dedicated" server, at each --sizes (MB of table data).
A benchmark, not a test: it prints the median wall time of each side, the ratio beside the target
(<= 1.1x with verification off), `db verify` on its own (the cost of verification on), the peak resident
memory of each side's whole process tree (target <= 64 MB for ours), and never fails on a number. With
--mydumper it also times mydumper + myloader (Debian's package), directory in between.

    bench/transfer-copy.py --bin-dir build/bin [--sizes 50,1024] [--runs 3] [--base-port 27500]

The cluster (scripts/sandbox/cluster.sh) lives in a temporary directory and is stopped at the end. Both
databases belong to ordinary users with random passwords: the hand pipeline reads them from 0600 option
files (--defaults-extra-file), cleardbctl from `env:NAME` URLs. The data: one wide table (text, decimals,
datetimes, random binary), one narrow table with a foreign key, a view and a trigger, so the definers
matter. The target database is dropped and recreated before every run; one warm-up run of each side is
discarded. Peak memory is the largest sum of VmRSS over the process and all its descendants, sampled
every 20 ms from /proc.
"""
import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLUSTER = os.path.join(ROOT, "scripts", "sandbox", "cluster.sh")
TARGET_RATIO = 1.1
TARGET_RSS_MB = 64
ROW_BYTES = 700  # about what one generated `orders` row takes in InnoDB


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    return tree


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Failed(Exception):
    pass


def timed(args, env=None, shell=False):
    """Wall seconds and peak tree RSS (MB) of one command; raises Failed with its last words."""
    peak = [0]
    start = time.monotonic()
    process = subprocess.Popen(args, env=env, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], sum(rss_kb(p) for p in descendants(process.pid)))
            done.wait(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.monotonic() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise Failed(f"exit {process.returncode}: " + " ".join(err.strip().splitlines()[-1:])[-300:])
    return elapsed, peak[0] / 1024


class Sandbox:
    def __init__(self, base_port):
        self.dir = tempfile.mkdtemp(prefix="cleardb-bench-copy-")
        self.args = ["--dir", self.dir, "--base-port", str(base_port)]
        r = run([CLUSTER, "start", "--server", "all"] + self.args)
        if r.returncode != 0:
            self.stop()
            sys.exit("transfer bench: the sandbox did not start: " + r.stderr.strip()[-400:])
        status = json.loads(run([CLUSTER, "status", "--json"] + self.args).stdout)
        self.routed_port = base_port
        self.dedicated_port = status["dedicated"]["port"]

    def provision(self, name, user, server):
        password = secrets.token_hex(16)
        r = run([CLUSTER, "provision-db", name, user, "-", "--server", server] + self.args, input=password)
        if r.returncode != 0:
            sys.exit("transfer bench: provision-db failed: " + r.stderr.strip()[-400:])
        return Database(self.dir, name, user, password,
                        self.routed_port if server == "cluster" else self.dedicated_port)

    def stop(self):
        run([CLUSTER, "stop"] + self.args)
        shutil.rmtree(self.dir, ignore_errors=True)


class Database:
    def __init__(self, directory, name, user, password, port):
        self.name, self.user, self.password, self.port = name, user, password, port
        self.option_file = os.path.join(directory, f"{name}.cnf")
        with open(os.open(self.option_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(f"[client]\nhost=127.0.0.1\nport={port}\nuser={user}\npassword={password}\n")
        self.url = f"mysql://{user}:{password}@127.0.0.1:{port}/{name}"

    def client(self, program="mariadb"):
        return [program, f"--defaults-extra-file={self.option_file}"]

    def sql(self, statement, database=True):
        r = run(self.client() + ["-N", "-B"] + ([self.name] if database else []) + ["-e", statement])
        if r.returncode != 0:
            sys.exit("transfer bench: SQL failed: " + r.stderr.strip()[-400:])
        return r.stdout.strip()

    def reset(self):
        self.sql(f"DROP DATABASE IF EXISTS `{self.name}`; CREATE DATABASE `{self.name}`", database=False)


def fill(source, megabytes):
    source.sql("""
        CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, joined DATE);
        CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer INT NOT NULL,
            amount DECIMAL(12,2), note TEXT, created DATETIME(6), payload VARBINARY(255),
            FOREIGN KEY (customer) REFERENCES customers (id)) ENGINE=InnoDB;
        CREATE TABLE audit (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT, at DATETIME);
        CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 1000;
        CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW INSERT INTO audit (order_id, at)
            VALUES (NEW.id, NOW());
        INSERT INTO customers WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000)
            SELECT n, CONCAT('customer ', n), DATE '2020-01-01' + INTERVAL n DAY FROM s;""")
    rows = megabytes * 1024 * 1024 // ROW_BYTES
    batch = 50000
    for first in range(0, rows, batch):
        count = min(batch, rows - first)
        source.sql(f"""SET SESSION max_recursive_iterations = {batch};
            INSERT INTO orders (customer, amount, note, created, payload)
            WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {count})
            SELECT 1 + (n % 1000), (n * 7919 % 100000) / 100, REPEAT(MD5(n + {first}), 7),
                   TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (n + {first}) SECOND + INTERVAL n MICROSECOND,
                   RANDOM_BYTES(200) FROM s""")
    source.sql("ANALYZE TABLE customers, orders, audit")
    return float(source.sql(f"""SELECT SUM(DATA_LENGTH + INDEX_LENGTH) / 1048576 FROM information_schema.TABLES
                                WHERE TABLE_SCHEMA = '{source.name}'"""))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--sizes", default="50,1024", help="MB of table data, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--base-port", type=int, default=27500)
    parser.add_argument("--mydumper", action="store_true", help="also time mydumper + myloader")
    options = parser.parse_args()
    ctl = os.path.join(options.bin_dir, "cleardbctl")
    sandbox = Sandbox(options.base_port)
    try:
        for size in (int(s) for s in options.sizes.split(",")):
            measure(sandbox, ctl, size, options)
    finally:
        sandbox.stop()


def measure(sandbox, ctl, size, options):
    source = sandbox.provision(f"bench_src_{size}", f"src{size}", "cluster")
    target = sandbox.provision(f"bench_dst_{size}", f"dst{size}", "dedicated")
    actual = fill(source, size)
    env = {k: v for k, v in os.environ.items() if k not in ("SRC_URL", "DST_URL")}
    env.update(SRC_URL=source.url, DST_URL=target.url)
    pipeline = (f"{' '.join(source.client('mariadb-dump'))} --single-transaction --routines --triggers "
                f"{source.name} | sed -e 's/DEFINER=[^*]*\\*/\\*/' | {' '.join(target.client())} {target.name}")
    ours = [ctl, "db", "copy", "--from", "env:SRC_URL", "--to", "env:DST_URL"]
    verify = [ctl, "db", "verify", "--from", "env:SRC_URL", "--to", "env:DST_URL"]
    sides = {"hand pipeline": lambda: timed(pipeline, shell=True),
             "cleardbctl db copy": lambda: timed(ours, env=env),
             "cleardbctl db verify": lambda: timed(verify, env=env)}
    if options.mydumper and shutil.which("mydumper"):
        dump_dir = os.path.join(sandbox.dir, "mydumper")

        def mydumper(extra):
            return lambda: timed(
                f"rm -rf {dump_dir} && mydumper --defaults-file={source.option_file} --no-locks --threads 2 "
                f"-B {source.name} -o {dump_dir} {extra} && myloader --defaults-file={target.option_file} "
                f"--threads 2 -B {target.name} -d {dump_dir} -o && rm -rf {dump_dir}", shell=True)

        # As the others (views, triggers): myloader replays the definers, which a ClearDB user may not.
        sides["mydumper + myloader"] = mydumper("--triggers")
        # Tables only, for its speed: what mydumper would cost if it could stand in for mariadb-dump.
        sides["mydumper, tables only"] = mydumper("--no-views")
    results = {name: [] for name in sides}
    failures = {}
    for run_number in range(options.runs + 1):
        for name, side in sides.items():
            if name in failures:
                continue
            if name != "cleardbctl db verify":
                target.reset()
            try:
                elapsed, peak = side()
            except Failed as failure:
                if not name.startswith("mydumper"):
                    sys.exit(f"transfer bench: {name} failed: {failure}")
                failures[name] = str(failure)
                continue
            if run_number:  # the first round warms the caches
                results[name].append((elapsed, peak))
    print(f"\n{size} MB requested, {actual:.0f} MB of table data (information_schema), {options.runs} runs:")
    print(f"  {'side':24} {'median wall':>12} {'min':>8} {'peak tree RSS':>14}")
    for name, values in results.items():
        if name in failures:
            print(f"  {name:24} failed as an unprivileged user: {failures[name]}")
            continue
        times = [t for t, _ in values]
        print(f"  {name:24} {statistics.median(times):10.2f} s {min(times):6.2f} s "
              f"{max(p for _, p in values):11.1f} MB")
    hand = statistics.median(t for t, _ in results["hand pipeline"])
    copy = statistics.median(t for t, _ in results["cleardbctl db copy"])
    check = statistics.median(t for t, _ in results["cleardbctl db verify"])
    peak = max(p for _, p in results["cleardbctl db copy"])
    print(f"  copy / pipeline = {copy / hand:.2f}x (target <= {TARGET_RATIO}x); copy + verify = {copy + check:.2f} s "
          f"({(copy + check) / hand:.2f}x); our peak RSS {peak:.1f} MB (target <= {TARGET_RSS_MB} MB)")


if __name__ == "__main__":
    main()
