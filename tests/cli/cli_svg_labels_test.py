#!/usr/bin/env python3
"""Labels in Vietnamese, Arabic, Chinese and emoji stay inside their factor boxes, and fill them
snugly, when the SVG that causeway-cli exports is rendered by librsvg (rsvg-convert) and by a
browser (headless Chromium).

Usage: cli_svg_labels_test.py CAUSEWAY_CLI LINKS_CSV FACTORS_CSV [KEEP_DIR]
The map is imported from the CSV tables, laid out and exported; a style rule then hides
everything but the factor labels, so every dark pixel of a rendering is label ink, which must
lie inside a box. Fonts: DejaVu Sans, with Noto (fonts-noto-core, -cjk, -color-emoji, from
scripts/setup) for what it lacks. Skips (77) when rsvg-convert, ImageMagick or chromium is missing.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import chromium
from clitest import check, failures, runner

CLI, LINKS, FACTORS = sys.argv[1:4]
run = runner(CLI)
KEEP = sys.argv[4] if len(sys.argv) > 4 else None
PADDING_X = 12        # FactorBoxStyle::paddingX: the box is the widest line plus this each side
MIN_BOX_WIDTH = 110   # FactorBoxStyle::minWidth
# A box sized from the shaped width holds its widest line to within a few pixels: ink and
# advance differ by side bearings, and renderers draw colour emoji at their own sizes.
SNUG = 0.06

for tool in ("rsvg-convert", "convert", "chromium"):
    if not shutil.which(tool):
        print(f"{tool} is not installed: skipping")
        sys.exit(77)

SVG_NS = "{http://www.w3.org/2000/svg}"
LABELS_ONLY = ("<style type=\"text/css\">* { visibility: hidden; } "
               ".factor text, .factor tspan { visibility: visible; fill: #000000; }</style>")


def cli(*args):
    run(*args, expect_ok=True)


def boxes(svg):
    """(label, x, y, width, height) of every factor box, in the SVG's user units."""
    out = []
    for g in ET.parse(svg).getroot().iter(SVG_NS + "g"):
        if g.get("class") == "factor":
            r = g.find(SVG_NS + "rect")
            out.append((g.find(SVG_NS + "title").text, *(float(r.get(k)) for k in
                                                          ("x", "y", "width", "height"))))
    return out


def grey_pixels(png):
    """Width, height and the 8-bit grey values of a PNG, through ImageMagick's binary PGM."""
    data = subprocess.run(["convert", png, "-background", "white", "-flatten", "-colorspace",
                           "Gray", "-depth", "8", "pgm:-"], capture_output=True, check=True).stdout
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():m.end() + w * h]


def check_rendering(name, png, factor_boxes, origin):
    w, h, px = grey_pixels(png)
    ox, oy = origin
    ink_in = {b[0]: [None, None] for b in factor_boxes}  # leftmost, rightmost ink column
    stray = 0
    for y in range(h):
        row = px[y * w:(y + 1) * w]
        for x in (i for i, v in enumerate(row) if v < 128):
            for label, bx, by, bw, bh in factor_boxes:
                if bx - ox - 1 <= x <= bx - ox + bw + 1 and by - oy - 1 <= y <= by - oy + bh + 1:
                    span = ink_in[label]
                    span[0] = x if span[0] is None else min(span[0], x)
                    span[1] = x if span[1] is None else max(span[1], x)
                    break
            else:
                stray += 1
    check(stray == 0, f"{name}: {stray} label pixels outside every box")
    for label, bx, by, bw, bh in factor_boxes:
        left, right = ink_in[label]
        if left is None:
            check(False, f"{name}: no label drawn in the box of {label!r}")
            continue
        ink = right - left + 1
        text = bw - 2 * PADDING_X
        print(f"{name}: {label!r}: box text width {text:.0f}, ink {ink}")
        if bw > MIN_BOX_WIDTH + 1:
            check(abs(ink - text) <= SNUG * text + 3,
                  f"{name}: {label!r} box is sized for {text:.0f} px of text, the ink is {ink} px")


with tempfile.TemporaryDirectory() as tmp:
    out = KEEP or tmp
    causeway = os.path.join(tmp, "multilingual.causeway")
    cli("import", LINKS, "--factors", FACTORS, "-o", causeway)
    cli("layout", causeway)
    svg = os.path.join(out, "multilingual.svg")
    cli("export", causeway, "-o", svg)
    text = open(svg, encoding="utf-8").read()
    vb = [float(v) for v in re.search(r'viewBox="([^"]+)"', text).group(1).split()]
    width, height = int(vb[2]), int(vb[3])
    factor_boxes = boxes(svg)
    check(len(factor_boxes) == 10, f"{len(factor_boxes)} factors exported, not 10")
    labels = os.path.join(out, "multilingual-labels.svg")
    with open(labels, "w", encoding="utf-8") as f:
        f.write(text.replace("</title>", "</title>\n  " + LABELS_ONLY, 1))

    rsvg_png = os.path.join(out, "multilingual-labels-rsvg.png")
    subprocess.run(["rsvg-convert", "-b", "white", "-o", rsvg_png, labels], check=True)
    check_rendering("rsvg-convert", rsvg_png, factor_boxes, (vb[0], vb[1]))

    chrome_png = os.path.join(out, "multilingual-labels-chromium.png")
    profile = os.path.join(tmp, "chromium-profile")
    chromium.screenshot(labels, chrome_png, width, height, profile)
    check_rendering("chromium", chrome_png, factor_boxes, (vb[0], vb[1]))

if failures:
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print("1 passed, 0 failed")
