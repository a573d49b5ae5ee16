#!/usr/bin/env python3
"""`causeway-cli export --legend`: the SVG, PNG and PDF get a legend beside the map, and only
with the option; the SVG stays valid (xmllint) and renders in librsvg (rsvg-convert), the
picture growing to hold the legend rather than covering the map.

Usage: cli_legend_test.py CAUSEWAY_CLI SAMPLE_MAP
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from clitest import check, failures, runner

CLI, SAMPLE = sys.argv[1:3]
cli = runner(CLI)
for tool in ("xmllint", "rsvg-convert"):
    if not shutil.which(tool):
        print(tool, "is not installed")
        sys.exit(77)


def run(*args):
    return cli(*args, expect_ok=True).stdout


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def pdf_media_box(path):
    data = open(path, "rb").read()
    m = re.search(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", data)
    assert m, path
    return float(m.group(3)) - float(m.group(1)), float(m.group(4)) - float(m.group(2))


SVG = "{http://www.w3.org/2000/svg}"
with tempfile.TemporaryDirectory() as tmp:
    plain, legend = os.path.join(tmp, "plain.svg"), os.path.join(tmp, "legend.svg")
    run("export", SAMPLE, "-o", plain)
    run("export", SAMPLE, "-o", legend, "--legend")
    plain_root, legend_root = ET.parse(plain).getroot(), ET.parse(legend).getroot()
    ids = lambda root: {e.get("id") for e in root.iter() if e.get("id")}
    check("legend" not in ids(plain_root), "no legend without --legend")
    check("legend" in ids(legend_root), "a legend with --legend")
    texts = " ".join("".join(e.itertext()) for e in legend_root.iter(SVG + "g") if e.get("id") == "legend")
    for words in ("more \u2192 more", "more \u2192 less", "unclear", "delay"):
        check(words in texts, f"the legend explains {words!r}")
    check(subprocess.run(["xmllint", "--noout", legend]).returncode == 0, "xmllint reads the SVG")
    for name in (plain, legend):
        png = name + ".png"
        r = subprocess.run(["rsvg-convert", "-o", png, name], capture_output=True, text=True)
        check(r.returncode == 0, f"rsvg-convert renders {os.path.basename(name)}: {r.stderr}")
    pw, ph = png_size(plain + ".png")
    lw, lh = png_size(legend + ".png")
    check(lw > pw + 100 and lh >= ph, f"the picture grows beside the map ({pw}x{ph} -> {lw}x{lh})")

    for ext in ("png", "pdf"):
        a, b = os.path.join(tmp, "plain." + ext), os.path.join(tmp, "legend." + ext)
        run("export", SAMPLE, "-o", a)
        run("export", SAMPLE, "-o", b, "--legend")
        wa, ha = png_size(a) if ext == "png" else pdf_media_box(a)
        wb, hb = png_size(b) if ext == "png" else pdf_media_box(b)
        check(wb > wa + 100 and hb >= ha, f"{ext}: the legend widens the page ({wa}x{ha} -> {wb}x{hb})")

sys.exit(1 if failures else 0)
