#!/usr/bin/env python3
"""Writes a links table for a seeded random map, to time whole causeway-cli commands:

    python3 bench/random_map.py 2000 20000 > big.csv
    build/cli/causeway-cli import big.csv -o big.causeway
    /usr/bin/time -v build/cli/causeway-cli metrics big.causeway --json > /dev/null

The same arguments give the same map (links between random distinct pairs, about a third
negative), like bench/benchmaps.h's randomMap (not the same map: another generator).
"""
import random
import sys

factors, links = int(sys.argv[1]), int(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 5
rng = random.Random(seed)
pairs = set()
while len(pairs) < links:
    a, b = rng.randrange(factors), rng.randrange(factors)
    if a != b:
        pairs.add((a, b))
print("From,To,Polarity")
for a, b in sorted(pairs):
    print(f"F{a},F{b},{'-' if rng.random() < 1 / 3 else '+'}")
