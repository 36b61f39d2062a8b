#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""One `cleardbctl probe` process against one `mariadb -e 'select 1'` process, on the same private
MariaDB server with TLS, alternated in the same run. A benchmark, not a test: it prints medians, the
ratio beside the target (<= 1.2x) and how many server connections each side opened (the server's
`Connections` status counter before and after each run; target 1 for the probe), and never fails on a
number.

    bench/probe.py --bin-dir build/bin [--runs 30] [--port 33190]

The script starts its own mariadbd (Debian's mariadb-server) in a temporary directory on 127.0.0.1, with
a throwaway CA and server certificate made by openssl, and stops it at the end. root logs in through the
unix socket only; the benchmark user has a random password. Both clients verify the server against the
CA: the probe through `ssl-ca=` in its URL, mariadb with --ssl-ca --ssl-verify-server-cert. The password
reaches mariadb through MYSQL_PWD and the probe through `env:NAME` when this cleardbctl accepts it (else
the URL is an argument, which the output says). One warm-up run of each is discarded.
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
import time

TARGET_RATIO = 1.2


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


class Server:
    def __init__(self, port):
        self.dir = tempfile.mkdtemp(prefix="cleardb-bench-probe-")
        os.chmod(self.dir, 0o700)
        self.port = port
        self.socket = os.path.join(self.dir, "mysqld.sock")
        self.ca = os.path.join(self.dir, "ca.pem")
        self.process = None
        d = self.dir
        for args in (["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Bench CA",
                      "-keyout", f"{d}/ca-key.pem", "-out", self.ca],
                     ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                      "-keyout", f"{d}/server-key.pem", "-out", f"{d}/server.csr"],
                     ["x509", "-req", "-in", f"{d}/server.csr", "-CA", self.ca, "-CAkey", f"{d}/ca-key.pem",
                      "-set_serial", "1", "-days", "2", "-extfile", "/dev/stdin", "-out", f"{d}/server.pem"]):
            r = run(["openssl"] + args, input="subjectAltName=DNS:localhost,IP:127.0.0.1\n")
            if r.returncode != 0:
                self.stop()
                sys.exit("probe bench: openssl failed: " + r.stderr.strip())
        base = ["--no-defaults", f"--datadir={d}/data"]
        r = run(["mariadb-install-db"] + base + ["--auth-root-authentication-method=socket", "--skip-test-db"]
                + (["--user=root"] if os.geteuid() == 0 else []))
        if r.returncode != 0:
            self.stop()
            sys.exit("probe bench: mariadb-install-db failed: " + r.stderr.strip()[-300:])
        args = ["mariadbd"] + base + [f"--socket={self.socket}", f"--port={port}", "--bind-address=127.0.0.1",
                                      f"--pid-file={d}/mysqld.pid", f"--log-error={d}/error.log",
                                      f"--ssl-ca={self.ca}", f"--ssl-cert={d}/server.pem",
                                      f"--ssl-key={d}/server-key.pem", "--skip-name-resolve"]
        if os.geteuid() == 0:
            args.append("--user=root")
        env = {k: v for k, v in os.environ.items() if "KEY" not in k and "TOKEN" not in k}
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            if os.path.exists(self.socket) and self.sql("SELECT 1") == "1":
                break
            time.sleep(0.1)
        else:
            self.stop()
            sys.exit("probe bench: mariadbd did not start; see its error log")

    def sql(self, statement):
        r = run(["mariadb", "--no-defaults", "-S", self.socket, "-u", "root", "-N", "-B", "-e", statement])
        return r.stdout.strip() if r.returncode == 0 else None

    def connections(self):
        # The reading connection counts itself: callers subtract one per read.
        return int(self.sql("SHOW GLOBAL STATUS LIKE 'Connections'").split()[1])

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def timed(args, env):
    start = time.perf_counter()
    r = run(args, env=env)
    return (time.perf_counter() - start) * 1000, r


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin-dir", required=True)
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--port", type=int, default=33190)
    a = p.parse_args()
    ctl = os.path.join(a.bin_dir, "cleardbctl")
    server = Server(a.port)
    try:
        password = secrets.token_hex(12)
        server.sql("CREATE DATABASE bench; CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY '%s'; "
                   "GRANT ALL ON bench.* TO 'bench'@'127.0.0.1'" % password)
        url = f"mysql://bench:{password}@127.0.0.1:{a.port}/bench?ssl-ca={server.ca}"
        env = {k: v for k, v in os.environ.items() if k not in ("HEROKU_API_KEY", "MYSQL_PWD")}
        env["CLEARDB_BENCH_URL"] = url
        probe_cmd = [ctl, "--json", "probe", "env:CLEARDB_BENCH_URL"]
        if run(probe_cmd, env=env).returncode != 0:
            probe_cmd = [ctl, "--json", "probe", url]
            print("  note: this cleardbctl does not read env:NAME; the URL (with its password) is an argument")
        client_env = dict(env, MYSQL_PWD=password)
        client = ["mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", str(a.port), "-u", "bench",
                  "--ssl-ca", server.ca, "--ssl-verify-server-cert", "-e", "select 1", "bench"]
        print(f"== one probe vs mariadb -e 'select 1': {a.runs} runs each, alternated, TLS verified ==")
        probe_ms, client_ms, inside, probe_conns, client_conns = [], [], [], set(), set()
        sample = None
        for i in range(a.runs + 1):
            before = server.connections()
            ms, r = timed(probe_cmd, env)
            middle = server.connections()
            cms, c = timed(client, client_env)
            after = server.connections()
            if r.returncode != 0 or c.returncode != 0:
                sys.exit(f"probe bench: a run failed: {r.stderr.strip()} {c.stderr.strip()}")
            if i == 0:
                continue  # warm-up: page cache, the server's first TLS session
            sample = json.loads(r.stdout)
            probe_ms.append(ms)
            client_ms.append(cms)
            inside.append(sample["totalMs"])
            probe_conns.add(middle - before - 1)
            client_conns.add(after - middle - 1)
        mp, mm = statistics.median(probe_ms), statistics.median(client_ms)
        print(f"  cleardbctl probe (process)      median {mp:6.1f} ms  min {min(probe_ms):6.1f} ms")
        print(f"  mariadb -e 'select 1'           median {mm:6.1f} ms  min {min(client_ms):6.1f} ms")
        print(f"  probe's own total (in-process)  median {statistics.median(inside):6.1f} ms")
        print(f"  server connections per run: probe {'/'.join(map(str, sorted(probe_conns)))}, "
              f"mariadb {'/'.join(map(str, sorted(client_conns)))} (target 1)")
        print(f"  ratio {mp / mm:.2f}x vs target <= {TARGET_RATIO}x: {'MET' if mp / mm <= TARGET_RATIO else 'MISSED'}")
        print("  sample probe stages: " + ", ".join(f"{s['stage']} {s['ms']:.2f} ms" for s in sample["stages"])
              + f"; total {sample['totalMs']:.2f} ms; TLS {sample['tls']['state']} {sample['tls']['protocol']} "
              f"{sample['tls']['cipher']}")
        load = os.getloadavg()[0]
        print(f"  load average {load:.1f}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
