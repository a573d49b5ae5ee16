#!/usr/bin/env python3
"""causeway-cli checked end to end against networkx, an independent loop oracle.

Usage: cli_oracle_test.py CAUSEWAY_CLI SAMPLE_LINKS_CSV SAMPLE_FACTORS_CSV
Reads the CSVs itself (not through Causeway), builds a networkx DiGraph, and compares every loop
and its R/B/U polarity with what `causeway-cli import` + `causeway-cli loops --json` report.
"""
import csv
import json
import os
import random
import sys
import tempfile

from clitest import check, failures, runner

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed for", sys.executable)
    sys.exit(77)  # ctest SKIP_RETURN_CODE

CLI, SAMPLE_LINKS, SAMPLE_FACTORS = sys.argv[1:4]
cli = runner(CLI)


def run(*args, expect_ok=True):
    return cli(*args, expect_ok=expect_ok)


SIGNS = {"+": 1, "-": -1, "?": 0, "positive": 1, "negative": -1}


def read_links(path):
    g = nx.DiGraph()
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            g.add_edge(row["From"], row["To"], sign=SIGNS[row["Polarity"].strip().lower()])
    return g


def canonical(cycle):
    """Rotation-independent form of a loop given as a list of labels."""
    i = min(range(len(cycle)), key=lambda k: cycle[k])
    return tuple(cycle[i:] + cycle[:i])


def polarity(g, cycle):
    signs = [g.edges[cycle[i], cycle[(i + 1) % len(cycle)]]["sign"] for i in range(len(cycle))]
    if 0 in signs:
        return "U"
    return "R" if signs.count(-1) % 2 == 0 else "B"


def oracle(g):
    return {canonical(c): polarity(g, c) for c in nx.simple_cycles(g)}


def causeway_loops(links_csv, *extra):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "map.causeway")
        run("import", links_csv, "-o", out)
        run("validate", out)
        result = json.loads(run("loops", out, "--json", *extra).stdout)
        return result, out


def compare(name, g, links_csv):
    expected = oracle(g)
    result, _ = causeway_loops(links_csv)
    got = {canonical(l["factors"]): l["polarity"] for l in result["loops"]}
    check(result["count"] == len(expected), f"{name}: count {result['count']} != networkx {len(expected)}")
    check(got == expected, f"{name}: loops or polarities differ from networkx")
    for letter, key in (("R", "reinforcing"), ("B", "balancing"), ("U", "unknown")):
        n = sum(1 for p in expected.values() if p == letter)
        check(result[key] == n, f"{name}: {key} {result[key]} != networkx {n}")
    split = {}
    for c, p in expected.items():
        split.setdefault(str(len(c)), {"R": 0, "B": 0, "U": 0})[p] += 1
    check(result["byLengthAndPolarity"] == split, f"{name}: loops by length and polarity differ from networkx")
    lengths = [l["length"] for l in result["loops"]]
    check(lengths == sorted(lengths), f"{name}: loops are not listed shortest first")
    check(result["truncated"] is False, f"{name}: unbounded listing says truncated")
    return expected


# 1. The sample workshop map.
sample = read_links(SAMPLE_LINKS)
expected = compare("sample", sample, SAMPLE_LINKS)
print(f"sample map: {len(expected)} loops agree with networkx")

# 2. Random signed graphs, including self-links and two-factor loops.
rng = random.Random(20261121)
with tempfile.TemporaryDirectory() as tmp:
    for trial in range(40):
        n = rng.randint(2, 11)
        p = rng.uniform(0.1, 0.45)
        g = nx.DiGraph()
        path = os.path.join(tmp, f"g{trial}.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["From", "To", "Polarity"])
            for a in range(n):
                for b in range(n):
                    if rng.random() < (p if a != b else 0.08):
                        s = rng.choice(["+", "+", "-", "?"] if trial % 3 == 0 else ["+", "-"])
                        # Labels with commas and quotes exercise RFC 4180 quoting on the way in.
                        la, lb = f"F{a}, \"x\"", f"F{b}, \"x\""
                        w.writerow([la, lb, s])
                        g.add_edge(la, lb, sign=SIGNS[s])
        if g.number_of_edges() == 0:
            continue
        compare(f"random graph {trial} (n={n})", g, path)
print("random graphs agree with networkx")

# 3. Bounds and filters on the sample.
result, mapfile = None, None
with tempfile.TemporaryDirectory() as tmp:
    mapfile = os.path.join(tmp, "sample.causeway")
    run("import", SAMPLE_LINKS, "--factors", SAMPLE_FACTORS, "-o", mapfile)
    full = json.loads(run("loops", mapfile, "--json").stdout)

    limited = json.loads(run("loops", mapfile, "--json", "--limit", "3").stdout)
    check(len(limited["loops"]) == min(3, full["count"]), "--limit 3 lists three loops")
    check(limited["truncated"] == (full["count"] > 3), "--limit says truncated when more loops exist")
    shortest = sorted(l["length"] for l in full["loops"])[:3]
    check([l["length"] for l in limited["loops"]] == shortest, "--limit keeps the shortest loops")

    bounded = json.loads(run("loops", mapfile, "--json", "--max-length", "4").stdout)
    want = sum(1 for c in expected if len(c) <= 4)
    check(bounded["count"] == want, f"--max-length 4 gives {bounded['count']}, networkx {want}")

    counted = json.loads(run("loops", mapfile, "--json", "--count-only").stdout)
    check("loops" not in counted, "--count-only prints no loops array")
    check(counted["count"] == full["count"], "--count-only total equals the listing")

    hub = "Client trust in the service"
    through = json.loads(run("loops", mapfile, "--json", "--through", hub).stdout)
    want = sum(1 for c in expected if hub in c)
    check(through["count"] == want, f"--through factor gives {through['count']}, networkx {want}")
    check(all(hub in l["factors"] for l in through["loops"]), "--through lists only loops through it")

    a, b = "Client trust in the service", "Client visits to the NSP"
    via_link = json.loads(run("loops", mapfile, "--json", "--through", f"{a} -> {b}").stdout)
    want = sum(1 for c in expected if any(c[i] == a and c[(i + 1) % len(c)] == b for i in range(len(c))))
    check(via_link["count"] == want, f"--through link gives {via_link['count']}, networkx {want}")

    # 4. Errors go to stderr with a non-zero exit, and help works per command.
    p = run("loops", os.path.join(tmp, "missing.causeway"), expect_ok=False)
    check(p.returncode != 0 and "missing.causeway" in p.stderr, "a missing map is reported on stderr")
    p = run("loops", mapfile, "--through", "No such factor", expect_ok=False)
    check(p.returncode != 0 and "No such factor" in p.stderr, "an unknown --through label is reported")
    bad = os.path.join(tmp, "bad.causeway")
    with open(bad, "w") as f:
        f.write('{"format": "causeway", "version": 1, "factors": [')
    p = run("validate", bad, expect_ok=False)
    check(p.returncode != 0 and p.stderr.strip() != "", "a truncated map fails validation")
    p = run("frobnicate", expect_ok=False)
    check(p.returncode != 0, "an unknown command fails")
    for cmd in ([], ["import"], ["validate"], ["loops"]):
        p = run(*cmd, "--help", expect_ok=False)
        check(p.returncode == 0 and "Usage" in p.stdout, f"help for {cmd or 'the tool'}")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
