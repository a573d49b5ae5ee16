#!/usr/bin/env python3
"""Exports checked by the programs researchers use: networkx reads our GraphML and finds the
same loops as `causeway-cli loops`; Graphviz's own `dot` reads our DOT; CSV round trips.

Usage: cli_exports_test.py CAUSEWAY_CLI SAMPLE_MAP
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from clitest import check, failures, runner

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed for", sys.executable)
    sys.exit(77)

CLI, SAMPLE = sys.argv[1:3]
cli = runner(CLI)


def run(*args):
    return cli(*args, expect_ok=True).stdout


with tempfile.TemporaryDirectory() as tmp:
    graphml = os.path.join(tmp, "map.graphml")
    run("export", SAMPLE, "-o", graphml)
    g = nx.read_graphml(graphml)
    ours = json.loads(run("loops", SAMPLE, "--json", "--count-only"))
    theirs = list(nx.simple_cycles(g))
    check(len(theirs) == ours["count"], f"networkx finds {len(theirs)} loops in our GraphML, causeway-cli {ours['count']}")
    negative = lambda c: sum(1 for i in range(len(c)) if g.edges[c[i], c[(i + 1) % len(c)]]["polarity"] == "-")
    balancing = sum(1 for c in theirs if negative(c) % 2 == 1)
    check(balancing == ours["balancing"], f"networkx balancing {balancing} != {ours['balancing']}")
    labels = nx.get_node_attributes(g, "label")
    check(len(labels) == g.number_of_nodes(), "every GraphML node carries its label")
    check(all("x" in d and "y" in d for _, d in g.nodes(data=True)), "every node carries x and y")

    # The map survives GraphML and CSV round trips through the CLI with the same loops.
    for ext in ("graphml", "csv", "dot"):
        out = os.path.join(tmp, "export." + ext)
        back = os.path.join(tmp, "back-" + ext + ".causeway")
        run("export", SAMPLE, "-o", out)
        if ext == "csv":
            factors = os.path.join(tmp, "factors.csv")
            run("export", SAMPLE, "-o", factors, "--to", "factors-csv")
            run("import", out, "--factors", factors, "-o", back)
        else:
            run("import", out, "-o", back)
        again = json.loads(run("loops", back, "--json"))
        full = json.loads(run("loops", SAMPLE, "--json"))
        check(again["loops"] == full["loops"], f"{ext} round trip keeps every loop")
        out2 = os.path.join(tmp, "again." + ext)
        run("export", back, "-o", out2)
        if ext != "dot":  # DOT carries the map title differently; its content is checked above
            check(open(out).read() == open(out2).read(), f"{ext} export -> import -> export is stable")

    # Graphviz's own tools read the DOT.
    if shutil.which("dot"):
        dot = os.path.join(tmp, "map.dot")
        run("export", SAMPLE, "-o", dot)
        p = subprocess.run(["neato", "-n", "-Tsvg", dot], capture_output=True, text=True)
        check(p.returncode == 0 and "<svg" in p.stdout, "neato -n renders our DOT: " + p.stderr)

if failures:
    sys.exit(1)
print("all checks passed")
