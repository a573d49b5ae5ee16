#!/usr/bin/env python3
"""`causeway-cli quality` measures the map as drawn: after the default layout the sample map has
no link through another factor's box and fewer crossings than Graphviz's own spline drawing
(13 to 18); a bad --screen is refused with a message naming it.

Usage: cli_quality_test.py CAUSEWAY_CLI SAMPLE_MAP
"""
import json
import os
import shutil
import sys
import tempfile

from clitest import check, failures, runner

CLI, SAMPLE = sys.argv[1:3]
run = runner(CLI)


with tempfile.TemporaryDirectory() as tmp:
    m = os.path.join(tmp, "m.causeway")
    shutil.copy(SAMPLE, m)
    check(run("layout", m).returncode == 0, "the sample map lays out")

    p = run("quality", m, "--json", "--screen", "1024x768")
    check(p.returncode == 0, f"quality runs: {p.stderr!r}")
    q = json.loads(p.stdout)
    check(q["factors"] == 22 and q["links"] == 34, f"counts the sample's factors and links: {q}")
    check(q["linksThroughBoxes"] == 0, f"no link through another factor's box: {q}")
    check(q["overlappingFactors"] == 0, f"no overlapping factors: {q}")
    # The default layout packs the drawing to the screen for large labels, still with few
    # crossings; Graphviz's own spacing (--no-compact) has no link through a box either.
    check(q["crossings"] <= 9, f"at most 9 crossings: {q}")
    check(q["labelPixels"] >= 18, f"labels at least 18 px on a 1024x768 screen: {q}")
    check(run("layout", m, "--no-compact").returncode == 0, "the sample map lays out unpacked")
    unpacked = json.loads(run("quality", m, "--json").stdout)
    check(unpacked["linksThroughBoxes"] == 0, f"unpacked: no link through another factor's box: {unpacked}")
    check(unpacked["crossings"] <= 9, f"unpacked: at most 9 crossings: {unpacked}")

    p = run("quality", m)
    check("Crossings: " + str(unpacked["crossings"]) in p.stdout, f"text output agrees with JSON: {p.stdout!r}")

    p = run("quality", m, "--screen", "wide")
    check(p.returncode != 0 and "wide" in p.stderr and "WIDTHxHEIGHT" in p.stderr,
          f"a bad --screen is refused by name: {p.stderr!r}")

sys.exit(1 if failures else 0)
