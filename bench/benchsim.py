# SPDX-License-Identifier: MIT
"""heroku-sim for the benchmarks: started on a free port of 127.0.0.1 with a request log and a budget
large enough that no benchmark meets the rate limit; counts the requests it served."""
import json
import os
import subprocess
import sys
import urllib.request


class HerokuSim:
    def __init__(self, bin_dir, token, log_path, args, env=None):
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.token = token
        self.process = subprocess.Popen(
            [os.path.join(bin_dir, "heroku-sim"), "--port", "0", "--token", token, "--log",
             "--rate-limit", "1000000"] + args,
            stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            self.stop()
            sys.exit("heroku-sim printed no URL; try %s/heroku-sim --port 0 --token x" % bin_dir)

    def get(self, path):
        """A GET of the Platform API, every item of a listing in one page."""
        request = urllib.request.Request(self.url + path, headers={
            "Authorization": "Bearer " + self.token, "Accept": "application/vnd.heroku+json; version=3",
            "Range": "id ..; max=1000"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def requests_served(self):
        # The sim logs each request before answering it, so every line is in the file by the answer.
        with open(self.log_path) as log:
            return sum(1 for line in log if line.startswith("heroku-sim: "))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
