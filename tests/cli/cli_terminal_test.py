#!/usr/bin/env python3
"""Labels and input bytes printed by causeway-cli have their control characters escaped
(issue 9 item 11): `loops`, `tally` and error messages never write a raw ESC, BEL or C1 control
taken from a map or an input file.

Usage: cli_terminal_test.py CAUSEWAY_CLI
"""
import os
import sys
import tempfile

from clitest import check, failures, runner

CLI = sys.argv[1]
ESC, BEL, CSI = "\x1b", "\x07", "\u009b"
RED = ESC + "[31mRed" + BEL   # a label that would recolour the terminal and ring its bell
CLEAR = "Clear" + CSI + "2J"  # C1 CSI: clears the screen on some terminals


run = runner(CLI, text=False, timeout=60)


def raw_controls(data):
    text = data.decode("utf-8", errors="replace")
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


with tempfile.TemporaryDirectory() as tmp:
    links = os.path.join(tmp, "links.csv")
    with open(links, "w", encoding="utf-8") as f:
        f.write(f"From,To,Polarity\n{RED},{CLEAR},+\n{CLEAR},{RED},-\n")
    m = os.path.join(tmp, "m.causeway")
    p = run("import", links, "-o", m)
    check(p.returncode == 0, "import: " + p.stderr.decode())

    p = run("loops", m)
    check(p.returncode == 0 and b"\\x1b[31mRed\\x07" in p.stdout and b"Clear\\u009b2J" in p.stdout,
          "loops prints the labels escaped: " + repr(p.stdout))
    check(raw_controls(p.stdout) == [], "loops prints no raw control character")

    p = run("metrics", m)
    check(raw_controls(p.stdout) == [], "metrics prints no raw control character")

    ballots = os.path.join(tmp, "ballots.csv")
    with open(ballots, "w", encoding="utf-8") as f:
        f.write(f"Participant,Kind,Item\nAna,watch,{RED}\nBo,watch,{CLEAR} -> {RED}\n")
    p = run("ballots", m, "--round", "R" + BEL, "--add", ballots)
    check(p.returncode == 0, "ballots: " + p.stderr.decode())
    check(run("reveal", m, "--round", "R" + BEL).returncode == 0, "reveal")
    p = run("tally", m, "--round", "R" + BEL)
    check(p.returncode == 0 and b"\\x1b[31mRed" in p.stdout, "tally prints labels escaped: " + repr(p.stdout))
    check(raw_controls(p.stdout) == [], "tally prints no raw control character: " + repr(p.stdout))

    # Error messages quoting input: an unknown factor, and a round name, from the command line.
    p = run("loops", m, "--through", "No " + ESC + "]0;title" + BEL)
    check(p.returncode == 1 and b"\\x1b]0;title\\x07" in p.stderr, "errors quote input escaped: " + repr(p.stderr))
    check(raw_controls(p.stderr) == [], "errors print no raw control character: " + repr(p.stderr))

    p = run("loops", m, "--limit", "x" + ESC + "[2J")
    check(p.returncode > 100 and b"\\x1b[2J" in p.stderr and raw_controls(p.stderr) == [],
          "a usage error quotes the argument escaped: " + repr(p.stderr))

    bad = os.path.join(tmp, "bad.csv")
    with open(bad, "wb") as f:
        f.write(b"Participant,Kind,Item\nAna,watch,Nothing\x1b[2J\x9b\n")
    p = run("ballots", m, "--round", "R2", "--add", bad)
    check(p.returncode == 1 and raw_controls(p.stderr) == [],
          "an error quoting an input file's bytes prints them escaped: " + repr(p.stderr))

if failures:
    sys.exit(1)
print("all checks passed")
