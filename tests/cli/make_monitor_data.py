"""Writes 24 months of indicator data for the sample map's nominated items (the watch items of
tests/data/ballots/round1.csv), built so that the verdicts are known: 'Client trust in the
service' follows 'Peer worker skill' (+, consistent), while 'Client visits to the NSP' moves
against trust and 'Two-way knowledge exchange' against visits: those two + links are the
deliberately CONTRADICTED ones. 'Two-way knowledge exchange -> Peer worker skill' (delayed)
then agrees at lag 0. One month of trust is missing, to be left out, not filled in.

Usage: make_monitor_data.py OUT.csv [--months N] [--start YYYY-MM]  (a wide table: Date, then one
column per indicator)."""
import argparse
import csv
import random

SKILL = "Peer worker skill"
TRUST = "Client trust in the service"
VISITS = "Client visits to the NSP"
KNOWLEDGE = "Two-way knowledge exchange"
HIV = "HIV and HCV transmission"
COVERAGE = "Sterile equipment coverage"
REFERRALS = "Client trust in the service -> Client visits to the NSP"

CONTRADICTED = {(TRUST, VISITS), (VISITS, KNOWLEDGE)}
MISSING = {TRUST: 13}  # month index left empty


def series(months, seed=15, longest=120):
    """The first `months` of one fixed sequence, so a longer run extends a shorter one."""
    full = _series(longest, seed)
    return {name: values[:months] for name, values in full.items()}


def _series(months, seed):
    rng = random.Random(seed)
    # Each month's direction of change for skill; the others follow it by construction.
    signs = [rng.choice((-1, 1)) for _ in range(months)]
    def walk(start, direction):
        values, v = [], start
        for t in range(months):
            if t:
                v += direction * signs[t] * rng.uniform(0.5, 3.0)
            values.append(round(v, 2))
        return values
    data = {
        SKILL: walk(50, 1),
        TRUST: walk(60, 1),       # with skill: link + agrees
        VISITS: walk(400, -1),    # against trust: link + contradicted
        KNOWLEDGE: walk(20, 1),   # against visits: link + contradicted
        HIV: [round(30 - 0.4 * t + rng.uniform(-1, 1), 2) for t in range(months)],
        COVERAGE: [round(70 + 0.5 * t + rng.uniform(-1, 1), 2) for t in range(months)],
        REFERRALS: [rng.randint(5, 15) for _ in range(months)],
    }
    return data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--start", default="2025-01")
    args = parser.parse_args()
    year, month = map(int, args.start.split("-"))
    data = series(args.months)
    names = list(data)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Date", *names])
        for t in range(args.months):
            m = year * 12 + month - 1 + t
            row = [f"{m // 12:04d}-{m % 12 + 1:02d}"]
            row += ["" if MISSING.get(n) == t else data[n][t] for n in names]
            out.writerow(row)


if __name__ == "__main__":
    main()
