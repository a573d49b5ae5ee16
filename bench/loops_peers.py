#!/usr/bin/env python3
"""Whole-command loop counting against peers measured in the same run: `causeway-cli loops
--count-only` against networkx's simple_cycles (its version printed), on complete digraphs of 9
to 11 factors and the sample map. Raw Boost hawick_circuits is measured in process by
bench/loops_bench (BM_BoostHawickRawNearComplete) on the same complete digraphs.

    python3 bench/loops_peers.py build/cli/causeway-cli resources/samples/peer-nsp.causeway

Prints a Markdown table: medians of 3 wall-clock runs, loops per second, and the ratio.
"""
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

import networkx

CLI, SAMPLE = sys.argv[1:3]
RUNS = 3


def complete_csv(path, n):
    with open(path, "w") as f:
        f.write("From,To,Polarity\n")
        for a in range(n):
            for b in range(n):
                if a != b:
                    f.write(f"F{a},F{b},{'-' if (a * 7 + b) % 3 == 0 else '+'}\n")


def median_seconds(action):
    times = []
    result = None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def causeway_count(mapfile):
    p = subprocess.run([CLI, "loops", mapfile, "--count-only"], capture_output=True, text=True,
                       check=True)
    return int(p.stdout.split()[0])


def networkx_graph(mapfile, tmp):
    links = os.path.join(tmp, "links.csv")
    subprocess.run([CLI, "export", mapfile, "--to", "csv", "-o", links, "--force"],
                   capture_output=True, check=True)
    g = networkx.DiGraph()
    with open(links, newline="") as f:
        for row in csv.DictReader(f):
            g.add_edge(row["From"], row["To"])
    return g


def networkx_count(g):
    return sum(1 for _ in networkx.simple_cycles(g))


print(f"networkx {networkx.__version__}; {RUNS} runs each, median wall time")
print("| Map | Loops | causeway-cli | networkx | ratio |")
print("|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    maps = []
    for n in (9, 10, 11):
        table = os.path.join(tmp, f"k{n}.csv")
        complete_csv(table, n)
        mapfile = os.path.join(tmp, f"k{n}.causeway")
        subprocess.run([CLI, "import", table, "-o", mapfile, "--no-layout"], capture_output=True,
                       check=True)
        maps.append((f"complete {n}-factor digraph", mapfile))
    maps.append(("sample map", SAMPLE))
    for name, mapfile in maps:
        ours, loops = median_seconds(lambda: causeway_count(mapfile))
        g = networkx_graph(mapfile, tmp)
        theirs, their_loops = median_seconds(lambda: networkx_count(g))
        if their_loops != loops:
            sys.exit(f"{name}: causeway counts {loops} loops, networkx {their_loops}")
        print(f"| {name} | {loops:,} | {ours * 1000:.1f} ms ({loops / ours / 1e6:.1f} M/s) "
              f"| {theirs * 1000:.0f} ms ({loops / theirs / 1e6:.2f} M/s) | {theirs / ours:.2g}x |")
