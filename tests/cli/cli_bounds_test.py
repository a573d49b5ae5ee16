#!/usr/bin/env python3
"""Long causeway-cli commands are bounded (issue 9 item 7):
- `loops --count-only --timeout S` and `metrics --timeout S` on a map with astronomically many
  loops stop, print what they counted marked incomplete, and exit with status 3;
- they show progress on stderr when it is a terminal, and print none into a pipe;
- `loops --limit 0` streams every loop without holding them: it lists the 1,112,073 loops of a
  complete 10-factor map within a memory limit that holding them all would exceed, while a map
  with fewer than 100000 loops is still listed sorted, shortest first.

Usage: cli_bounds_test.py CAUSEWAY_CLI
"""
import json
import math
import os
import pty
import resource
import subprocess
import sys
import tempfile
import time

from clitest import check, failures, runner

CLI = sys.argv[1]
# Far above what a bounded command needs (about the timeout), far below "forever".
GENEROUS = 60


run = runner(CLI, timeout=GENEROUS)


def complete_map(tmp, n, name):
    """Every ordered pair of n factors linked: sum over k >= 2 of C(n,k)(k-1)! loops."""
    links = os.path.join(tmp, name + ".csv")
    with open(links, "w") as f:
        f.write("From,To,Polarity\n")
        for a in range(n):
            for b in range(n):
                if a != b:
                    f.write(f"F{a},F{b},{'-' if (a * 7 + b) % 3 == 0 else '+'}\n")
    out = os.path.join(tmp, name + ".causeway")
    p = run("import", links, "-o", out)
    assert p.returncode == 0, p.stderr
    return out


with tempfile.TemporaryDirectory() as tmp:
    dense = complete_map(tmp, 40, "dense")  # more loops than any machine can count

    start = time.monotonic()
    p = run("loops", dense, "--count-only", "--json", "--timeout", "1")
    check(p.returncode == 3, f"loops --timeout exits 3 when stopped, got {p.returncode}: {p.stderr}")
    data = json.loads(p.stdout)
    check(data["complete"] is False and data["count"] > 0,
          "loops --timeout prints the loops counted so far, marked incomplete: " + p.stdout[:200])
    check(time.monotonic() - start < GENEROUS / 2, "loops --timeout 1 stops soon after a second")

    p = run("loops", dense, "--count-only", "--timeout", "1")
    check(p.returncode == 3 and "incomplete" in p.stdout, "text output says incomplete: " + p.stdout)

    p = run("metrics", dense, "--max-loop-length", "0", "--json", "--timeout", "1")
    check(p.returncode == 3, f"metrics --timeout exits 3 when stopped, got {p.returncode}: {p.stderr}")
    data = json.loads(p.stdout)
    check(data["complete"] is False and len(data["factors"]) == 40
          and any(f["loops"] > 0 for f in data["factors"]),
          "metrics --timeout prints every factor with the loops counted so far, marked incomplete")

    small = complete_map(tmp, 4, "small")
    p = run("metrics", small, "--json", "--timeout", "30")
    check(p.returncode == 0 and json.loads(p.stdout)["complete"] is True,
          "metrics within its timeout is complete and exits 0")
    check(p.stderr == "", "no progress is printed into a pipe: " + p.stderr)

    # Progress on a terminal: stderr is a pseudo-terminal here.
    master, slave = pty.openpty()
    proc = subprocess.Popen([CLI, "loops", dense, "--count-only", "--timeout", "2"],
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=GENEROUS)
    os.close(master)
    check(b"counting loops:" in seen and b"so far" in seen,
          "progress is shown on stderr when it is a terminal: " + repr(seen[:200]))

    # --limit 0 on a map with fewer than 100000 loops: sorted, shortest first.
    seven = complete_map(tmp, 7, "seven")
    data = json.loads(run("loops", seven, "--limit", "0", "--json").stdout)
    lengths = [l["length"] for l in data["loops"]]
    expected = sum(math.comb(7, k) * math.factorial(k - 1) for k in range(2, 8))  # 2,365
    check(data["count"] == expected and len(lengths) == expected and lengths == sorted(lengths),
          "--limit 0 lists a small map's loops sorted, shortest first")

    # --limit 0 on 1,112,073 loops under a 300 MB address-space limit: holding every loop
    # (two vectors each) needs more; streaming needs a fixed buffer.
    ten = complete_map(tmp, 10, "ten")

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))

    proc = subprocess.Popen([CLI, "loops", ten, "--limit", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=limit_memory)
    lines = 0
    last = b""
    for line in proc.stdout:
        lines += 1
        last = line
    err = proc.stderr.read().decode()
    proc.wait(timeout=GENEROUS)
    check(proc.returncode == 0, f"--limit 0 streams within 300 MB (exit {proc.returncode}): {err}")
    check(lines == 1112073 + 1 and last.startswith(b"1112073 loops"),
          f"every loop is printed, then the count ({lines} lines, last {last[:80]!r})")

if failures:
    sys.exit(1)
print("all checks passed")
