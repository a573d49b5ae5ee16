#!/usr/bin/env python3
"""Writes a seeded random map (a links table, as bench/random_map.py) whose loop count is near a
chosen figure, by bisecting on the number of links among FACTORS factors and counting each
candidate with causeway-cli (loop counts grow steeply with links: 100 factors and 204 links
gave 1.7M loops, 220 links 78M).

    python3 bench/loop_count_map.py build/cli/causeway-cli 1000000 100 > near1M.csv

Prints the chosen link count and its loop count on stderr. Each probe is bounded by --timeout
60; a probe that times out counts as too many loops.
"""
import os
import subprocess
import sys
import tempfile

CLI, TARGET, FACTORS = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
SEED = sys.argv[4] if len(sys.argv) > 4 else "7"
HERE = os.path.dirname(os.path.abspath(__file__))


def table(links):
    return subprocess.run([sys.executable, os.path.join(HERE, "random_map.py"), str(FACTORS),
                           str(links), SEED], capture_output=True, text=True, check=True).stdout


def loops(links, tmp):
    csv = os.path.join(tmp, "links.csv")
    mapfile = os.path.join(tmp, "map.causeway")
    with open(csv, "w") as f:
        f.write(table(links))
    subprocess.run([CLI, "import", csv, "-o", mapfile, "--no-layout"],
                   capture_output=True, check=True)
    p = subprocess.run([CLI, "loops", mapfile, "--count-only", "--timeout", "60"],
                       capture_output=True, text=True)
    return int(p.stdout.split()[0]) if p.returncode == 0 else None  # None: timed out


with tempfile.TemporaryDirectory() as tmp:
    low, high = FACTORS, FACTORS * 4  # links: a sparse map has few loops, a denser one many
    best = None
    while low < high:
        mid = (low + high) // 2
        n = loops(mid, tmp)
        if n is not None and (best is None or abs(n - TARGET) < abs(best[1] - TARGET)):
            best = (mid, n)
        if n is not None and n < TARGET:
            low = mid + 1
        else:
            high = mid
    if best is None:
        sys.exit("no link count gave a loop count within the timeout")
    print(f"{best[0]} links: {best[1]:,} loops", file=sys.stderr)
    sys.stdout.write(table(best[0]))
