#!/usr/bin/env python3
"""causeway-cli ballots and tally, end to end: a 12-participant round from CSV matches the
hand-computed tally (tests/data/ballots/README.md); an invalid file changes nothing on disk.

Usage: cli_rounds_test.py CAUSEWAY_CLI SAMPLE_MAP BALLOTS_DIR
"""
import csv
import io
import json
import os
import shutil
import sys
import tempfile

from clitest import check, failures, runner

CLI, SAMPLE, BALLOTS = sys.argv[1:4]
run = runner(CLI)


with tempfile.TemporaryDirectory() as tmp:
    m = os.path.join(tmp, "map.causeway")
    shutil.copy(SAMPLE, m)
    p = run("ballots", m, "--round", "Round 1", "--add", os.path.join(BALLOTS, "round1.csv"))
    check(p.returncode == 0 and "12 ballots" in p.stdout, "12 ballots added: " + p.stdout + p.stderr)

    # A new round is secret: nothing shows its ballots until it is revealed, and the refusal
    # names the way to reveal it.
    for args in (["tally", m, "--round", "Round 1"], ["tally", m, "--csv"], ["tally", m, "--json"],
                 ["export", m, "-o", os.path.join(tmp, "votes.svg"), "--round", "Round 1"],
                 ["export", m, "-o", os.path.join(tmp, "votes.png"), "--round", "Round 1"]):
        p = run(*args)
        check(p.returncode != 0 and "causeway-cli reveal" in p.stderr and "Round 1" in p.stderr
              and "Client trust" not in p.stdout,
              f"{' '.join(args[:1] + args[2:])} refused before the reveal: {p.stdout[:100]} {p.stderr}")
    check(not os.path.exists(os.path.join(tmp, "votes.svg")), "no vote badges file written")
    p = run("reveal", m, "--round", "No such round")
    check(p.returncode != 0 and "No such round" in p.stderr, "reveal of an unknown round refused")
    p = run("reveal", m, "--round", "Round 1")
    check(p.returncode == 0 and "Revealed" in p.stdout, "reveal: " + p.stdout + p.stderr)
    check(json.load(open(m))["rounds"][0]["revealed"] is True, "reveal saves the map")
    p = run("export", m, "-o", os.path.join(tmp, "votes.svg"), "--round", "Round 1")
    check(p.returncode == 0 and "votes-factor-" in open(os.path.join(tmp, "votes.svg")).read(),
          "once revealed, export --round draws the vote badges: " + p.stderr)

    p = run("tally", m, "--round", "Round 1", "--csv")
    expected = open(os.path.join(BALLOTS, "round1-tally.csv"), newline="").read()
    got = p.stdout.replace("\r\n", "\n")
    check(got == expected, "tally --csv equals the hand-computed table:\n" + got)

    rows = list(csv.DictReader(io.StringIO(got)))
    check(rows and list(rows[0].keys()) == ["Item", "Kind", "Watch", "Stop", "Participants", "Rank"],
          "tally CSV columns")

    data = json.loads(run("tally", m, "--json").stdout)
    check(data["ballots"] == 12 and data["items"][0]["item"] == "Client trust in the service",
          "tally --json defaults to the last round")
    check(abs(data["items"][0]["agreement"] - 10 / 12) < 1e-9, "agreement is the share of participants")

    # An invalid file: clear message with the line, non-zero exit, the map file byte for byte intact.
    before = open(m, "rb").read()
    for name, line in (("over-budget.csv", "line 5"), ("unknown-item.csv", "line 3"), ("both-kinds.csv", "line 3")):
        p = run("ballots", m, "--round", "Round 1", "--add", os.path.join(BALLOTS, name))
        check(p.returncode != 0 and line in p.stderr, f"{name} refused naming {line}: {p.stderr}")
        check(open(m, "rb").read() == before, f"{name} leaves the map file unchanged")

    p = run("tally", m, "--round", "No such round")
    check(p.returncode != 0 and "No such round" in p.stderr, "unknown round reported")

if failures:
    sys.exit(1)
print("all checks passed")
