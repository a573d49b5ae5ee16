#!/usr/bin/env python3
"""Loop counts from networkx, an oracle independent of Causeway's loop search.

Usage: loops_oracle.py INPUT OUTPUT

INPUT holds graphs, each as
    graph NAME MAX_LENGTH THROUGH      (MAX_LENGTH 0: no bound; THROUGH a node or -1: no filter)
    FROM TO SIGN                       (one line per link; SIGN is + - or ?)
    end
OUTPUT gets one line per graph:
    NAME TOTAL R B U LENGTH:COUNT ...
counting the elementary cycles (self-loops included) of at most MAX_LENGTH links that pass
through THROUGH. R: even number of "-" links, B: odd, U: any "?" link.

Exit code 77 (ctest's skip code) when networkx is not importable.
"""
import sys

try:
    import networkx as nx
except ImportError:
    print(f"loops_oracle: networkx is not installed for {sys.executable}", file=sys.stderr)
    sys.exit(77)


def version_tuple(text):
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


# simple_cycles(G, length_bound) arrived in networkx 3.1. Older versions (Debian 12's 2.8.8)
# enumerate every cycle and the bound is applied here, which is correct but slower.
HAS_LENGTH_BOUND = version_tuple(nx.__version__) >= (3, 1)


def cycles(g, max_length):
    if max_length and HAS_LENGTH_BOUND:
        return nx.simple_cycles(g, length_bound=max_length)
    found = nx.simple_cycles(g)
    if max_length:
        return (c for c in found if len(c) <= max_length)
    return found


def count(g, max_length, through):
    total = {"R": 0, "B": 0, "U": 0}
    by_length = {}
    for cycle in cycles(g, max_length):
        if through is not None and through not in cycle:
            continue
        signs = [g.edges[cycle[i], cycle[(i + 1) % len(cycle)]]["sign"] for i in range(len(cycle))]
        if "?" in signs:
            kind = "U"
        else:
            kind = "R" if signs.count("-") % 2 == 0 else "B"
        total[kind] += 1
        by_length[len(cycle)] = by_length.get(len(cycle), 0) + 1
    lengths = " ".join(f"{k}:{by_length[k]}" for k in sorted(by_length))
    return f"{sum(total.values())} {total['R']} {total['B']} {total['U']} {lengths}".rstrip()


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"loops_oracle: networkx {nx.__version__} on {sys.executable}"
          f" ({'length_bound' if HAS_LENGTH_BOUND else 'filtering by length'})", file=sys.stderr)
    out = []
    with open(argv[1], encoding="utf-8") as f:
        lines = iter(f.read().splitlines())
    for line in lines:
        if not line.strip():
            continue
        tag, name, max_length, through = line.split()
        assert tag == "graph", line
        g = nx.DiGraph()
        through = None if through == "-1" else int(through)
        for link in lines:
            if link == "end":
                break
            a, b, sign = link.split()
            g.add_edge(int(a), int(b), sign=sign)
        out.append(f"{name} {count(g, int(max_length), through)}")
    with open(argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
