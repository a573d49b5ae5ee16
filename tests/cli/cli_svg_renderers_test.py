#!/usr/bin/env python3
"""The exported SVG renders the same in librsvg (rsvg-convert) and in a browser (headless
Chromium), compared pixel by pixel with ImageMagick; the CLI's PNG and PDF exports have the
promised size and form, and a failed export writes nothing.

Usage: cli_svg_renderers_test.py CAUSEWAY_CLI SAMPLE_MAP BALLOTS_CSV [KEEP_DIR]
The sample is given two named loops and a revealed nomination round first, so loop labels and
vote badges are compared too.
Skips (77) when rsvg-convert, ImageMagick's compare or chromium is missing.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import json

import chromium

from clitest import check, failures, runner

CLI, SAMPLE, BALLOTS = sys.argv[1:4]
KEEP = sys.argv[4] if len(sys.argv) > 4 else None
# Antialiasing and font rasterisation differ between the two renderers; the drawing must not.
MAX_MEAN_DIFFERENCE = 0.02    # mean absolute difference, 0..1
MAX_DIFFERING_PIXELS = 0.03   # share of pixels differing by more than 25 % (about 64 of 255)
# A map is mostly white: also compare with the drawing's own ink (pixels a blank page would
# get wrong), so a blank or shifted rendering cannot pass.
MAX_DIFFERING_INK = 0.15

for tool in ("rsvg-convert", "compare", "chromium"):
    if not shutil.which(tool):
        print(f"{tool} is not installed: skipping")
        sys.exit(77)


run = runner(CLI)


def cli(*args, ok=True):
    return run(*args, expect_ok=ok)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def magick_compare(metric, a, b, *extra):
    p = subprocess.run(["compare", "-metric", metric, *extra, a, b, "null:"],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"compare failed: {p.stderr}")
    return p.stderr.strip()


def decorated_map(tmp):
    """The sample with two named loops and a revealed round of twelve ballots."""
    voted = os.path.join(tmp, "voted.causeway")
    cli("ballots", SAMPLE, "--round", "Round 1", "--add", BALLOTS, "-o", voted)
    data = json.load(open(voted, encoding="utf-8"))
    ids = {f["label"]: f["id"] for f in data["factors"]}
    links = {(l["from"], l["to"]): l["id"] for l in data["links"]}

    def loop(*labels):
        chain = [ids[x] for x in labels] + [ids[labels[0]]]
        return [links[(a, b)] for a, b in zip(chain, chain[1:])]
    data["loopLabels"] = [
        {"name": "R1 Trust builds reach", "links": loop(
            "Peer worker skill", "Client trust in the service", "Client visits to the NSP",
            "Two-way knowledge exchange")},
        {"name": "B1 Safety net strain", "links": loop(
            "Outreach to client networks", "Reach into networks of people who use drugs",
            "Complex needs met by the safety net", "Resources for core program work")}]
    data["rounds"][0]["revealed"] = True
    json.dump(data, open(voted, "w", encoding="utf-8"))
    return voted


with tempfile.TemporaryDirectory() as tmp:
    out = KEEP or tmp
    svg = os.path.join(out, "sample.svg")
    voted = decorated_map(tmp)
    cli("export", voted, "-o", svg)
    text = open(svg, encoding="utf-8").read()
    width = int(re.search(r'width="(\d+)px"', text).group(1))
    height = int(re.search(r'height="(\d+)px"', text).group(1))

    # librsvg, as rsvg-convert draws it (the CLI's own PNG uses the same library).
    rsvg_png = os.path.join(out, "sample-rsvg.png")
    subprocess.run(["rsvg-convert", "-b", "white", "-o", rsvg_png, svg], check=True)
    check(png_size(rsvg_png) == (width, height), f"rsvg-convert size {png_size(rsvg_png)}")
    check(text.count('class="loop-label ') == 2, "loop labels missing")
    check('class="badge watch"' in text, "vote badges missing")

    # Chromium, headless, the SVG opened as a page the size of the drawing.
    chrome_png = os.path.join(out, "sample-chromium.png")
    profile = os.path.join(tmp, "chromium-profile")
    chromium.screenshot(svg, chrome_png, width, height, profile)
    check(png_size(chrome_png) == (width, height), f"chromium size {png_size(chrome_png)}")

    mae = float(re.search(r"\(([0-9.e+-]+)\)", magick_compare("MAE", rsvg_png, chrome_png)).group(1))
    differing = float(magick_compare("AE", rsvg_png, chrome_png, "-fuzz", "25%").split()[0])
    share = differing / (width * height)
    blank = os.path.join(tmp, "blank.png")
    subprocess.run(["convert", "-size", f"{width}x{height}", "xc:white", blank], check=True)
    ink = float(magick_compare("AE", rsvg_png, blank, "-fuzz", "25%").split()[0])
    print(f"rsvg-convert vs chromium, {width}x{height}: mean absolute difference {mae:.4f}, "
          f"{int(differing)} pixels ({share:.2%}) differ by more than 25 %, "
          f"{differing / ink:.1%} of the drawing's {int(ink)} ink pixels")
    check(mae < MAX_MEAN_DIFFERENCE, f"mean absolute difference {mae:.4f}")
    check(share < MAX_DIFFERING_PIXELS, f"{share:.2%} of pixels differ")
    check(ink > 0.01 * width * height, "the rendering is nearly blank")
    check(differing < MAX_DIFFERING_INK * ink, f"{differing / ink:.1%} of the ink differs")

    # PNG at a DPI: 192 dpi is twice the SVG's 96 px per inch (the same drawing: loop labels and
    # badges widen it).
    png = os.path.join(out, "sample-192dpi.png")
    cli("export", voted, "-o", png, "--dpi", "192")
    check(png_size(png) == (2 * width, 2 * height), f"192 dpi PNG size {png_size(png)}")
    pdf = os.path.join(out, "sample.pdf")
    cli("export", SAMPLE, "-o", pdf)
    data = open(pdf, "rb").read()
    check(data.startswith(b"%PDF-") and b"/Image" not in data, "PDF is not vector")

    # Failures write nothing and keep what was there.
    missing = os.path.join(tmp, "no-such-folder", "map.svg")
    check(cli("export", SAMPLE, "-o", missing, ok=False).returncode != 0, "export to a missing folder")
    check(not os.path.exists(missing), "a failed export left a file")
    kept = os.path.join(tmp, "kept.png")
    open(kept, "w").write("old")
    check(cli("export", SAMPLE, "-o", kept, "--scale", "1000", ok=False).returncode != 0,
          "a 1000x PNG was not refused")
    check(open(kept).read() == "old", "a refused export changed the existing file")
    check(cli("export", SAMPLE, "-o", os.path.join(tmp, "x.svg"), "--scale", "2",
              ok=False).returncode != 0, "--scale was accepted for SVG")
    before = open(SAMPLE, "rb").read()
    cli("export", SAMPLE, "-o", os.path.join(tmp, "again.svg"))
    check(open(SAMPLE, "rb").read() == before, "export changed the map file")

if failures:
    sys.exit(1)
print("ok")
