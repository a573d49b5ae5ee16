#!/usr/bin/env python3
"""Whole-command loop counting against peers, all measured in the same run: `causeway-cli loops
--count-only` on one thread and on every core, raw Boost hawick_circuits with a visitor that only
counts (bench/hawick_count), and networkx's simple_cycles (its version printed). Maps: complete
digraphs of 9 to 11 factors, seeded random 100-factor maps (bench/random_map.py) with about 1.7M
and 5M loops (--big adds one with about 78M), and the sample map.

    python3 bench/loops_peers.py build/cli/causeway-cli build/bench/hawick_count \
        resources/samples/peer-nsp.causeway [--big]

Prints a Markdown table: medians of RUNS (default 3) wall-clock runs, loops per second, ratios.
networkx runs once, and only on maps with at most NX_MAX loops (default 2,000,000): past that it
would take minutes at its rate; the table says so.
"""
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

import networkx

CLI, HAWICK, SAMPLE = sys.argv[1:4]
BIG = "--big" in sys.argv[4:]
RUNS = int(os.environ.get("RUNS", "3"))
NX_MAX = int(os.environ.get("NX_MAX", "2000000"))
HERE = os.path.dirname(os.path.abspath(__file__))


def complete_csv(path, n):
    with open(path, "w") as f:
        f.write("From,To,Polarity\n")
        for a in range(n):
            for b in range(n):
                if a != b:
                    f.write(f"F{a},F{b},{'-' if (a * 7 + b) % 3 == 0 else '+'}\n")


def median_seconds(action, runs=RUNS):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def causeway_count(mapfile, threads):
    p = subprocess.run([CLI, "loops", mapfile, "--count-only", "--threads", str(threads)],
                       capture_output=True, text=True, check=True)
    return int(p.stdout.split()[0])


def hawick_count(links):
    p = subprocess.run([HAWICK, links], capture_output=True, text=True, check=True)
    return int(p.stdout)


def links_csv(mapfile, tmp):
    links = os.path.join(tmp, os.path.basename(mapfile) + ".links.csv")
    subprocess.run([CLI, "export", mapfile, "--to", "csv", "-o", links, "--force"],
                   capture_output=True, check=True)
    return links


def networkx_graph(links):
    g = networkx.DiGraph()
    with open(links, newline="") as f:
        for row in csv.DictReader(f):
            g.add_edge(row["From"], row["To"])
    return g


def networkx_count(g):
    return sum(1 for _ in networkx.simple_cycles(g))


def rate(loops, seconds):
    return f"{seconds:.3f} s ({loops / seconds / 1e6:.1f} M/s)"


def row(name, mapfile, tmp):
    one, loops = median_seconds(lambda: causeway_count(mapfile, 1))
    every, loops_every = median_seconds(lambda: causeway_count(mapfile, 0))
    links = links_csv(mapfile, tmp)
    boost, boost_loops = median_seconds(lambda: hawick_count(links))
    if loops_every != loops or boost_loops != loops:
        sys.exit(f"{name}: causeway counts {loops} loops ({loops_every} on every core), "
                 f"Boost {boost_loops}")
    cells = [name, f"{loops:,}", rate(loops, one), rate(loops, every), f"{one / every:.2f}x",
             rate(loops, boost), f"{boost / every:.2g}x"]
    if loops <= NX_MAX:
        g = networkx_graph(links)
        theirs, their_loops = median_seconds(lambda: networkx_count(g), runs=1)
        if their_loops != loops:
            sys.exit(f"{name}: causeway counts {loops} loops, networkx {their_loops}")
        cells += [rate(loops, theirs), f"{theirs / every:.3g}x"]
    else:
        cells += ["not run (minutes at its rate)", ""]
    print("| " + " | ".join(cells) + " |", flush=True)


print(f"networkx {networkx.__version__}; {os.cpu_count()} cores; causeway and Boost: median of "
      f"{RUNS} runs, networkx: 1 run; whole commands, wall time")
print("| Map | Loops | Causeway, 1 thread | Causeway, every core | 2nd core speed-up "
      "| raw Boost hawick_circuits | Boost / Causeway | networkx simple_cycles "
      "| networkx / Causeway |")
print("|---|---|---|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    maps = []
    for n in (9, 10, 11):
        table = os.path.join(tmp, f"k{n}.csv")
        complete_csv(table, n)
        maps.append((f"complete {n}-factor digraph", table))
    for links in (204, 212) + ((220,) if BIG else ()):
        table = os.path.join(tmp, f"random{links}.csv")
        with open(table, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "random_map.py"), "100",
                            str(links), "7"], stdout=f, check=True)
        maps.append((f"random, 100 factors, {links} links", table))
    for i, (name, table) in enumerate(maps):
        mapfile = os.path.join(tmp, f"map{i}.causeway")
        subprocess.run([CLI, "import", table, "-o", mapfile, "--no-layout"], capture_output=True,
                       check=True)
        maps[i] = (name, mapfile)
    maps.append(("sample map", SAMPLE))
    for name, mapfile in maps:
        row(name, mapfile, tmp)
