#!/usr/bin/env python3
"""`export --page A4|Letter|fit` gives the PDF that page, read back by an independent reader
(poppler's pdfinfo): A4 landscape for the wide sample map, the map's title as Title unless
--title says otherwise, --author as Author; a page size on a PNG, or an unknown one, is refused.
librsvg and cairo are opened only when a PDF or PNG is made: a command that makes none (here
`loops` and an SVG export) never loads them (they were a third of every command's start-up).

Usage: cli_pdf_page_test.py CAUSEWAY_CLI SAMPLE_MAP
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from clitest import check, failures, runner

CLI, SAMPLE = sys.argv[1:3]
cli = runner(CLI)
if not shutil.which("pdfinfo"):
    sys.exit("pdfinfo is missing: scripts/setup installs poppler-utils")


def info(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([A-Za-z ]+):\s*(.*)$", out, re.M))


with tempfile.TemporaryDirectory() as tmp:
    a4 = os.path.join(tmp, "a4.pdf")
    cli("export", SAMPLE, "-o", a4, "--page", "A4", "--author", "Ana Facilitator", expect_ok=True)
    meta = info(a4)
    size = [float(v) for v in re.findall(r"[0-9.]+", meta.get("Page size", ""))[:2]]
    check(len(size) == 2 and abs(size[0] - 841.89) < 0.5 and abs(size[1] - 595.28) < 0.5,
          f"A4 landscape expected, pdfinfo says {meta.get('Page size')}")
    check(meta.get("Title") == "Peer-based needle and syringe program", f"Title: {meta.get('Title')}")
    check(meta.get("Author") == "Ana Facilitator", f"Author: {meta.get('Author')}")

    letter = os.path.join(tmp, "letter.pdf")
    cli("export", SAMPLE, "-o", letter, "--page", "Letter", "--title", "Workshop 2", expect_ok=True)
    meta = info(letter)
    check("792 x 612" in meta.get("Page size", ""), f"Letter landscape: {meta.get('Page size')}")
    check(meta.get("Title") == "Workshop 2", f"--title: {meta.get('Title')}")

    fit = os.path.join(tmp, "fit.pdf")
    cli("export", SAMPLE, "-o", fit, expect_ok=True)
    check("A4" not in info(fit).get("Page size", "") and "letter" not in info(fit).get("Page size", ""),
          "the default page is the drawing's own size")

    png = cli("export", SAMPLE, "-o", os.path.join(tmp, "x.png"), "--page", "A4")
    check(png.returncode == 1 and "PDF only" in png.stderr, f"--page on a PNG: {png.stderr}")
    bad = cli("export", SAMPLE, "-o", os.path.join(tmp, "x.pdf"), "--page", "A5")
    check(bad.returncode > 100 and "A5" in bad.stderr, f"--page A5: {bad.stderr}")

    # The dynamic loader says which libraries it opens (LD_DEBUG=libs, on stderr).
    def loads_rsvg(*args):
        p = cli(*args, env={**os.environ, "LD_DEBUG": "libs"})
        check(p.returncode == 0, f"{args}: {p.stderr[-300:]}")
        return "librsvg-2.so" in p.stderr and "libcairo.so" in p.stderr
    check(not loads_rsvg("loops", SAMPLE, "--count-only"), "loops loaded librsvg or cairo")
    check(not loads_rsvg("export", SAMPLE, "-o", os.path.join(tmp, "y.svg")), "an SVG export loaded librsvg")
    check(loads_rsvg("export", SAMPLE, "-o", os.path.join(tmp, "y.png")), "a PNG export did not load librsvg and cairo")

sys.exit(1 if failures else 0)
