#!/usr/bin/env python3
"""causeway-cli vote, end to end over HTTP on 127.0.0.1: 30 participants join and vote at once
(some change their ballot, some come back on a new connection), the tally equals the ballots
sent (computed here, independently), every bad request gets its 4xx and leaves the file as it
was, the QR code decodes to the join URL, closing ends the server, SIGTERM stops it with the round still open, and a kill -9 loses no
acknowledged ballot.

Usage: cli_vote_test.py CAUSEWAY_CLI SAMPLE_MAP
"""
import collections
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from clitest import check, failures

CLI, SAMPLE = sys.argv[1:3]


def with_round(path, name, **settings):
    m = json.load(open(path))
    m.setdefault("rounds", []).append({"name": name, "watchBudget": 3, "stopBudget": 2, **settings})
    json.dump(m, open(path, "w"))


def start(path, round_name, code="ROOM42", *extra):
    p = subprocess.Popen([CLI, "vote", path, "--round", round_name, "--listen", "127.0.0.1:0",
                          "--join-code", code, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = p.stdout.readline().strip()
    m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?code=" + code, url)
    check(m is not None, "the first line is the join URL: " + repr(url))
    if not m:
        p.kill()
        print(p.stderr.read())
        sys.exit(1)
    rest = p.stdout.readline() + p.stdout.readline()
    facilitator = re.search(r"Bearer ([0-9a-f]{32})", rest).group(1)
    return p, int(m.group(1)), facilitator


def request(port, method, path, body=None, token=None, raw=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = raw if raw is not None else (json.dumps(body) if body is not None else None)
    conn.request(method, path, body=data, headers=headers)
    r = conn.getresponse()
    text = r.read().decode()
    conn.close()
    try:
        return r.status, json.loads(text)
    except ValueError:
        return r.status, text


def join(port, name, code="ROOM42"):
    status, data = request(port, "POST", "/api/join", {"code": code, "name": name})
    check(status == 200, f"{name} joins: {status} {data}")
    return data.get("token") if isinstance(data, dict) else None


with tempfile.TemporaryDirectory() as tmp:
    m = os.path.join(tmp, "map.causeway")
    shutil.copy(SAMPLE, m)
    with_round(m, "Phones")
    qr = os.path.join(tmp, "join.svg")
    server, port, facilitator = start(m, "Phones", "ROOM42", "--qr", qr)

    # The QR code decodes (zbarimg, from zbar-tools) to the join URL.
    png = os.path.join(tmp, "join.png")
    subprocess.run(["rsvg-convert", "-o", png, qr], check=True)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", png], capture_output=True, text=True)
    check(decoded.stdout.strip() == f"http://127.0.0.1:{port}/?code=ROOM42",
          f"the QR code decodes to the join URL: {decoded.stdout!r} {decoded.stderr}")

    status, page = request(port, "GET", "/")
    check(status == 200 and '<form id="join"' in page, "the participant page is served")
    status, _ = request(port, "GET", "/vote.js")
    check(status == 200, "its script is served")

    # 30 phones at once. Each ends with a known ballot; the expected tally is counted here.
    status, _ = request(port, "GET", "/api/round")
    check(status == 401, "the round is not shown without a token")
    token0 = join(port, "Organiser")
    _, info = request(port, "GET", "/api/round", token=token0)
    factors = [i["id"] for i in info["items"] if i["kind"] == "factor"]
    links = [i["id"] for i in info["items"] if i["kind"] == "link"]
    check(len(factors) == 22 and len(links) == 34, f"items listed: {len(factors)} factors, {len(links)} links")
    final = {}
    lock = threading.Lock()

    def phone(i):
        rng = random.Random(i)
        name = f"Participant {i:02d}"
        token = join(port, name)
        pool = factors + links
        picks = rng.sample(pool, 5)
        ballot = {"watch": picks[:3], "stop": picks[3:5]}
        status, data = request(port, "PUT", "/api/ballot", ballot, token)
        check(status == 200, f"{name}'s ballot taken: {status} {data}")
        if i % 3 == 0:  # changes their mind
            picks = rng.sample(pool, 4)
            ballot = {"watch": picks[:2], "stop": picks[2:4]}
            status, _ = request(port, "PUT", "/api/ballot", ballot, token)
            check(status == 200, f"{name} re-submits")
        if i % 4 == 0:  # the phone slept: a new connection with the kept token sees their ballot
            status, data = request(port, "GET", "/api/round", token=token)
            check(status == 200 and data["ballot"] == ballot and data["participant"] == name,
                  f"{name} comes back as themselves: {data.get('ballot') if isinstance(data, dict) else data}")
        with lock:
            final[name] = ballot
        return token

    with ThreadPoolExecutor(max_workers=30) as pool:
        tokens = list(pool.map(phone, range(30)))
    check(len(final) == 30, "30 ballots sent")

    # Every bad request: a clear 4xx, the file untouched.
    before = open(m, "rb").read()
    token = tokens[0]
    bad = [
        ("malformed JSON", "PUT", "/api/ballot", None, token, "{not json", 400),
        ("not an object", "PUT", "/api/ballot", [1, 2], token, None, 400),
        ("unknown id", "PUT", "/api/ballot", {"watch": ["f9999"]}, token, None, 422),
        ("over budget", "PUT", "/api/ballot", {"watch": factors[:4]}, token, None, 422),
        ("same item twice", "PUT", "/api/ballot", {"watch": [factors[0], factors[0]]}, token, None, 422),
        ("in both lists", "PUT", "/api/ballot", {"watch": [factors[0]], "stop": [factors[0]]}, token, None, 422),
        ("wrong token", "PUT", "/api/ballot", {"watch": []}, "0" * 32, None, 401),
        ("no token", "PUT", "/api/ballot", {"watch": []}, None, None, 401),
        ("wrong code", "POST", "/api/join", {"code": "NOPE99", "name": "Eve"}, None, None, 403),
        ("taken name", "POST", "/api/join", {"code": "ROOM42", "name": "Participant 03"}, None, None, 409),
        ("join without a name", "POST", "/api/join", {"code": "ROOM42"}, None, None, 400),
        ("oversized body", "PUT", "/api/ballot", None, token, "x" * 100000, 413),
        ("wrong method", "DELETE", "/api/ballot", None, token, None, 405),
        ("unknown path", "GET", "/api/ballots", None, token, None, 404),
        ("close without the facilitator's token", "POST", "/api/close", None, token, None, 403),
    ]
    for what, method, path, body, tok, raw, expected in bad:
        status, data = request(port, method, path, body, tok, raw)
        check(status == expected and isinstance(data, dict) and data.get("error"),
              f"{what}: expected {expected} with a message, got {status} {data}")
    check(open(m, "rb").read() == before, "refusals leave the map file as it was")

    # Close: the server stops, a late ballot is not taken.
    status, _ = request(port, "POST", "/api/close", token=facilitator)
    check(status == 200, "the facilitator closes the round")
    out, err = server.communicate(timeout=20)
    check(server.returncode == 0 and "31 ballots" not in out and "closed" in out, f"vote ends when closed: {out} {err}")
    try:
        status, _ = request(port, "PUT", "/api/ballot", {"watch": []}, token)
        check(False, f"a ballot after closing reached a server: {status}")
    except OSError:
        pass

    saved = json.load(open(m))
    r = [r for r in saved["rounds"] if r["name"] == "Phones"][0]
    check(r["closed"] is True, "the closed round is saved closed")
    check(len(r["ballots"]) == 30, f"30 ballots saved, got {len(r['ballots'])}")

    # The tally equals the ballots sent, counted independently.
    expected = collections.Counter()
    for ballot in final.values():
        for item in ballot["watch"]:
            expected[("watch", item)] += 1
        for item in ballot["stop"]:
            expected[("stop", item)] += 1
    subprocess.run([CLI, "reveal", m, "--round", "Phones"], check=True, capture_output=True)
    tally = json.loads(subprocess.run([CLI, "tally", m, "--round", "Phones", "--json"], check=True,
                                      capture_output=True, text=True).stdout)
    check(tally["ballots"] == 30, f"the tally counts 30 ballots: {tally['ballots']}")
    label_of = {i["id"]: i["label"] for i in info["items"]}
    expected = collections.Counter({(kind, label_of[item]): n for (kind, item), n in expected.items()})
    got = collections.Counter()
    for row in tally["items"]:
        got[("watch", row["item"])] += row["watch"]
        got[("stop", row["item"])] += row["stop"]
    got = +got
    check(got == expected, f"tally equals the ballots sent:\n got {sorted(got.items())[:6]}...\n want {sorted(expected.items())[:6]}...")

    # SIGTERM stops serving; the round stays open to resume.
    with_round(m, "Later")
    server, port, _ = start(m, "Later")
    tok = join(port, "Ana")
    request(port, "PUT", "/api/ballot", {"watch": [factors[0]]}, tok)
    server.send_signal(signal.SIGTERM)
    out, _ = server.communicate(timeout=20)
    check(server.returncode == 0 and "still open" in out, "SIGTERM stops serving, round open: " + out)

    # kill -9 after acknowledgements: every acknowledged ballot is in the file; serving again
    # resumes the round and Ana rejoins as herself.
    server, port, _ = start(m, "Later")
    acked = 0
    for i in range(5):
        t = join(port, f"K{i}")
        status, _ = request(port, "PUT", "/api/ballot", {"watch": [factors[i]]}, t)
        acked += status == 200
    server.kill()
    server.wait()
    r = [r for r in json.load(open(m))["rounds"] if r["name"] == "Later"][0]
    check(acked == 5 and len(r["ballots"]) == 6, f"after kill -9 all {acked}+1 acknowledged ballots are saved: {len(r['ballots'])}")
    server, port, facilitator = start(m, "Later")
    tok = join(port, "Ana")
    _, data = request(port, "GET", "/api/round", token=tok)
    check(data.get("ballot", {}).get("watch") == [factors[0]], f"Ana resumes with her ballot: {data.get('ballot')}")
    # A flood from one address is held to the documented rate (50 a second after 200).
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    statuses = collections.Counter()
    for _ in range(400):
        try:
            conn.request("GET", "/api/round", headers={"Authorization": "Bearer " + tok})
            r = conn.getresponse()
            r.read()
            statuses[r.status] += 1
            if r.status == 429:
                break
        except (OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    check(statuses[429] == 1 and statuses[200] >= 150, f"a flood meets 429: {dict(statuses)}")
    time.sleep(4.5)  # the bucket refills
    status, _ = request(port, "POST", "/api/close", token=facilitator)
    check(status == 200, "after the flood the server answers again")
    server.communicate(timeout=20)

    # Bad command lines are refused with a message.
    with_round(m, "Third")
    for args, needle in ((["--round", "Nope"], "Nope"), (["--round", "Later"], "closed"),
                         (["--round", "Third", "--listen", "nohost"], "HOST:PORT"),
                         (["--round", "Third", "--listen", "300.1.1.1:80"], "300.1.1.1"),
                         (["--round", "Third", "--listen", "127.0.0.1:99999"], "99999")):
        p = subprocess.run([CLI, "vote", m, *args], capture_output=True, text=True, timeout=20)
        check(p.returncode != 0 and needle in p.stderr, f"vote {' '.join(args)} refused: {p.stderr}")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
