#!/usr/bin/env python3
"""Load on causeway-cli vote: 200 participants on 127.0.0.1 join, read the round and send (and
re-send) ballots from 40 threads, a few thousand requests in all. Prints the median, 95th
percentile and worst response time per request kind, and the requests per second. Each
accepted ballot is saved to the map file before it is acknowledged, so the ballot figures
include an atomic file write. Measures; asserts nothing.

Usage: bench/vote_load.py CAUSEWAY_CLI MAP [PARTICIPANTS]
"""
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

CLI, SAMPLE = sys.argv[1:3]
PEOPLE = int(sys.argv[3]) if len(sys.argv) > 3 else 200
times = {"join": [], "round": [], "ballot": []}


def timed(kind, port, method, path, body=None, token=None, source="127.0.0.1"):
    # Each phone has its own address in a room; here each participant its own loopback address,
    # so the per-address rate limit applies as it would there.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    start = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    times[kind].append(time.perf_counter() - start)
    conn.close()
    if r.status != 200:
        raise RuntimeError(f"{kind}: {r.status} {data[:200]}")
    return json.loads(data)


with tempfile.TemporaryDirectory() as tmp:
    m = os.path.join(tmp, "map.causeway")
    shutil.copy(SAMPLE, m)
    data = json.load(open(m))
    data.setdefault("rounds", []).append({"name": "Load", "watchBudget": 3, "stopBudget": 3, "allowLinks": True})
    json.dump(data, open(m, "w"))
    server = subprocess.Popen([CLI, "vote", m, "--round", "Load", "--listen", "127.0.0.1:0", "--join-code", "LOAD22"],
                              stdout=subprocess.PIPE, text=True)
    port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
    rest = server.stdout.readline() + server.stdout.readline()
    facilitator = re.search(r"Bearer ([0-9a-f]{32})", rest).group(1)

    def participant(i):
        rng = random.Random(i)
        me = f"127.0.{1 + i // 250}.{2 + i % 250}"
        token = timed("join", port, "POST", "/api/join", {"code": "LOAD22", "name": f"Person {i}"}, source=me)["token"]
        items = [it["id"] for it in timed("round", port, "GET", "/api/round", token=token, source=me)["items"]]
        for _ in range(6):
            picks = rng.sample(items, 6)
            timed("ballot", port, "PUT", "/api/ballot", {"watch": picks[:3], "stop": picks[3:]}, token, me)
            timed("round", port, "GET", "/api/round", token=token, source=me)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=40) as pool:
        list(pool.map(participant, range(PEOPLE)))
    wall = time.perf_counter() - start
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("POST", "/api/close", headers={"Authorization": "Bearer " + facilitator})
    conn.getresponse().read()
    server.communicate(timeout=30)
    ballots = len(json.load(open(m))["rounds"][-1]["ballots"])

total = sum(len(v) for v in times.values())
print(f"{PEOPLE} participants, {total} requests in {wall:.2f} s ({total / wall:.0f} requests/s), "
      f"{ballots} ballots saved")
for kind, values in times.items():
    values.sort()
    p95 = values[int(0.95 * (len(values) - 1))]
    print(f"  {kind:7s} n={len(values):5d}  median {statistics.median(values) * 1000:6.2f} ms  "
          f"p95 {p95 * 1000:6.2f} ms  worst {values[-1] * 1000:7.2f} ms")
