"""causeway-cli plan, data, monitor and report on the sample map: a plan drafted from a revealed
round, a generated 24-month data set (make_monitor_data.py) imported, exactly the deliberately
contradicted links flagged, bad data refused with its row and nothing changed, and the report
written as HTML and PDF.

Usage: cli_monitor_test.py CAUSEWAY_CLI SAMPLE_MAP ROUND1_BALLOTS_CSV"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import check, failures, read, runner  # noqa: E402
import make_monitor_data as gen  # noqa: E402

cli, sample, ballots = sys.argv[1:4]
run = runner(cli)
work = tempfile.mkdtemp(prefix="causeway-monitor-")
try:
    mapfile = os.path.join(work, "peer-nsp.causeway")
    shutil.copy(sample, mapfile)
    run("ballots", mapfile, "--round", "Round 1", "--add", ballots, expect_ok=True)
    run("reveal", mapfile, "--round", "Round 1", expect_ok=True)

    # The plan: the top three watch items, stop items kept to review.
    p = run("plan", mapfile, "--round", "Round 1", expect_ok=True)
    saved = json.loads(read(mapfile))
    labels = {f["id"]: f["label"] for f in saved["factors"]}
    watched = [labels[i["factor"]] for i in saved["monitoring"]["watch"]]
    check(watched == [gen.TRUST, gen.SKILL, gen.HIV], f"plan watches {watched}")
    review = [labels[i["factor"]] for i in saved["monitoring"]["review"] if "factor" in i]
    check("Peer workload" in review and "New services tried" in review, f"review list {review}")
    with_indicator = [f["label"] for f in saved["factors"] if "indicator" in f]
    check(sorted(with_indicator) == sorted(watched), f"draft indicators on {with_indicator}")

    # The generated data, imported into the store beside the map.
    data = os.path.join(work, "data.csv")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_monitor_data.py"), data],
                   check=True)
    map_before = read(mapfile)
    p = run("data", mapfile, "--import", data, expect_ok=True)
    store = os.path.join(work, "peer-nsp.data.csv")
    check(os.path.exists(store) and "167 new" in p.stdout, f"data import: {p.stdout}")
    check(read(mapfile) == map_before, "importing data changed the map file")

    def flagged(*args):
        out = json.loads(run("monitor", mapfile, "--json", *args, expect_ok=True).stdout)
        for link in out["links"]:
            for key in ("from", "to", "verdict", "agreement", "p", "lag"):
                check(key in link, f"link verdict without {key}: {link}")
            check(link["verdict"] in ("consistent", "contradicted", "insufficient"), link["verdict"])
        return out, {(l["from"], l["to"]) for l in out["links"] if l["verdict"] == "contradicted"}

    report, contradicted = flagged()
    check(contradicted == gen.CONTRADICTED, f"contradicted links {contradicted}, expected {gen.CONTRADICTED}")
    check(len(report["links"]) == 4, f"{len(report['links'])} links checked, expected the 4 among the items")
    check("not proof" in report["caution"], "no co-movement caveat")
    text = run("monitor", mapfile, expect_ok=True).stdout
    check(text.count("\u2717 contradicted") == 2 and "not proof" in text, f"text output:\n{text}")
    rows = run("monitor", mapfile, "--csv", expect_ok=True).stdout.splitlines()
    check(rows[0] == "From,To,Polarity,Verdict,Agreement,P,Lag,Pairs,Agree" and len(rows) == 5,
          f"CSV output: {rows}")
    check(sum(",contradicted," in r for r in rows) == 2, f"CSV verdicts: {rows}")
    _, direct = flagged("--data", data)
    check(direct == gen.CONTRADICTED, f"--data gives {direct}")

    # Re-import: two newer months appended, what was there kept.
    newer = os.path.join(work, "newer.csv")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_monitor_data.py"), newer,
                    "--months", "26"], check=True)
    p = run("data", mapfile, "--import", newer, expect_ok=True)
    check("14 new" in p.stdout and "167 unchanged" in p.stdout, f"re-import: {p.stdout}")

    # Bad data: refused with the row and the reason, store and map unchanged.
    store_before = read(store)
    header = "Date,Indicator,Value\n"
    bad = {
        "order": (header + f"2027-01,{gen.SKILL},1\n2026-12,{gen.SKILL},2\n", "row 3: ", "date order"),
        "duplicate": (header + f"2027-01,{gen.SKILL},1\n2027-01,{gen.SKILL},2\n", "row 3: ", "a second value"),
        "text": (f"Date,{gen.SKILL}\n2027-01,12\n2027-02,twelve\n", "row 3: ", "is not a number"),
        "unknown": (header + "2027-01,Kits given out,1\n", "row 2: ", "is not an indicator of this map"),
    }
    for name, (text, row, reason) in bad.items():
        path = os.path.join(work, name + ".csv")
        with open(path, "w") as f:
            f.write(text)
        p = run("data", mapfile, "--import", path)
        check(p.returncode == 1 and row in p.stderr and reason in p.stderr and "nothing was imported" in p.stderr,
              f"{name}: exit {p.returncode}, {p.stderr.strip()}")
        check(read(store) == store_before and read(mapfile) == map_before, f"{name}: store or map changed")

    # The report, as HTML and as PDF.
    html = os.path.join(work, "plan.html")
    run("report", mapfile, "-o", html, expect_ok=True)
    text = read(html).decode()
    check("Could stop watching" in text and "\u2717 contradicted" in text and "<svg" in text,
          "HTML report lacks the review list, a contradicted mark or the map")
    check(text.count('class="link-mark contradicted"') == 2 and text.count('class="link-mark consistent"') == 2,
          "the map in the HTML report does not mark the 2 contradicted and 2 consistent links")
    # The report as SVG: the map drawing marks exactly the contradicted links with a cross in a
    # square, every factor with figures too, and its legend explains the three marks.
    svg = os.path.join(work, "plan.svg")
    run("report", mapfile, "-o", svg, expect_ok=True)
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.fromstring(read(svg))
    ends = {l["id"]: (labels[l["from"]], labels[l["to"]]) for l in saved["links"]}
    marks = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        cls = g.get("class", "").split()
        if cls and cls[0] in ("link-mark", "factor-mark"):
            marks.setdefault((cls[0], cls[1]), []).append(g)
    marked = {ends[int(g.get("id").rsplit("-", 1)[1])] for g in marks.get(("link-mark", "contradicted"), [])}
    check(marked == gen.CONTRADICTED, f"SVG marks {marked} contradicted, expected {gen.CONTRADICTED}")
    check(all(g.find("s:rect", ns) is not None and g.find("s:path", ns) is not None
              for g in marks.get(("link-mark", "contradicted"), [])),
          "a contradicted mark is not a cross in a square")
    factor_marks = sum(len(v) for k, v in marks.items() if k[0] == "factor-mark")
    check(factor_marks == len(report["factors"]) > 0,
          f"{factor_marks} factor marks for {len(report['factors'])} factors with figures")
    legend = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if "verdict" in g.get("class", "").split()]
    said = sorted("".join(t.itertext()) for g in legend for t in g.findall("s:text[@class='label']", ns))
    check(len(legend) == 3 and any(t.startswith("contradicted:") for t in said)
          and any(t.startswith("consistent:") for t in said) and any(t.startswith("unclear:") for t in said),
          f"the SVG legend does not explain the three marks: {said}")
    if os.environ.get("CAUSEWAY_KEEP_REPORT"):
        shutil.copy(svg, os.environ["CAUSEWAY_KEEP_REPORT"] + ".svg")
    pdf = os.path.join(work, "plan.pdf")
    run("report", mapfile, "-o", pdf, expect_ok=True)
    check(read(pdf).startswith(b"%PDF"), "the PDF report is not a PDF")
    if os.environ.get("CAUSEWAY_KEEP_REPORT"):
        shutil.copy(pdf, os.environ["CAUSEWAY_KEEP_REPORT"])
finally:
    shutil.rmtree(work, ignore_errors=True)

print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
