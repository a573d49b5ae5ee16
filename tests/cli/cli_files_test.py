#!/usr/bin/env python3
"""`causeway-cli export` never silently replaces a map: writing another format over an existing
.causeway file, or over the map being exported, is refused unless --force.

Usage: cli_files_test.py CAUSEWAY_CLI SAMPLE_MAP
"""
import os
import shutil
import sys
import tempfile

from clitest import check, failures, read, runner

CLI, SAMPLE = sys.argv[1:3]
run = runner(CLI)


with tempfile.TemporaryDirectory() as tmp:
    m = os.path.join(tmp, "m.causeway")
    shutil.copy(SAMPLE, m)
    original = read(m)

    p = run("export", m, "-o", m, "--to", "csv")
    check(p.returncode != 0, "a CSV over the map itself is refused")
    check("--force" in p.stderr, f"the refusal names --force: {p.stderr!r}")
    check(read(m) == original, "the refused export leaves the map untouched")

    other = os.path.join(tmp, "other.causeway")
    shutil.copy(SAMPLE, other)
    p = run("export", m, "-o", other, "--to", "svg")
    check(p.returncode != 0, "an SVG over another existing .causeway file is refused")
    check(read(other) == original, "the other map is untouched")

    # The map reached by another name (a link) is still the map.
    alias = os.path.join(tmp, "alias.dot")
    os.symlink(m, alias)
    p = run("export", m, "-o", alias)
    check(p.returncode != 0, "a DOT export onto the input through a link is refused")
    check(read(m) == original, "the map behind the link is untouched")

    p = run("export", m, "-o", other, "--to", "causeway")
    check(p.returncode == 0, f"the native format may replace a map: {p.stderr}")

    p = run("export", m, "-o", os.path.join(tmp, "new.csv"))
    check(p.returncode == 0, f"a CSV to a new file is written: {p.stderr}")

    p = run("export", m, "-o", m, "--to", "csv", "--force")
    check(p.returncode == 0, f"--force replaces the map as asked: {p.stderr}")
    check(read(m).startswith(b"From,To,Polarity"), "and the file is now the CSV")

    help_text = run("export", "--help").stdout
    check("--force" in help_text, "--help lists --force")

if failures:
    sys.exit(1)
print("ok")
