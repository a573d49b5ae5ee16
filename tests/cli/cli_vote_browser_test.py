#!/usr/bin/env python3
"""The participant page in a real browser: three participants join through the page in headless
Chromium at a phone's size (360x740), tick their choices and send them; the tally then equals
what they ticked. With CAUSEWAY_SCREENSHOT_DIR set, the phone page is saved before and after
choosing.

Usage: cli_vote_browser_test.py CAUSEWAY_CLI SAMPLE_MAP
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from clitest import check, failures

CLI, SAMPLE = sys.argv[1:3]
shots = os.environ.get("CAUSEWAY_SCREENSHOT_DIR")


def browser(scratch):
    """A phone-sized headless Chromium whose scratch (a singleton directory it leaves behind) goes
    in `scratch`, removed with the test's temporary directory, not in /tmp."""
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--proxy-server=direct://", "--proxy-bypass-list=*"):
        options.add_argument(arg)
    # A phone's viewport (desktop windows cannot be made this narrow).
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 2}})
    options.binary_location = "/usr/bin/chromium"
    service = Service(executable_path="/usr/bin/chromedriver", env=dict(os.environ, TMPDIR=scratch))
    return webdriver.Chrome(service=service, options=options)


# Each participant ticks these (by label): two to keep watching, one they could stop watching.
choices = {
    "Ana": (["Peer worker skill", "Client trust in the service"], ["Client visits to the NSP"]),
    "Ben": (["Client trust in the service"], ["Peer worker skill"]),
    "Chi": (["Peer worker skill", "Client visits to the NSP"], []),
}

with tempfile.TemporaryDirectory() as tmp:
    m = os.path.join(tmp, "map.causeway")
    shutil.copy(SAMPLE, m)
    data = json.load(open(m))
    data.setdefault("rounds", []).append({"name": "Phones", "watchBudget": 3, "stopBudget": 3})
    json.dump(data, open(m, "w"))
    server = subprocess.Popen([CLI, "vote", m, "--round", "Phones", "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    rest = server.stdout.readline() + server.stdout.readline()
    facilitator = re.search(r"Bearer ([0-9a-f]{32})", rest).group(1)
    check(url.startswith("http://127.0.0.1:"), "join URL on 127.0.0.1: " + url)
    try:
        for name, (watch, stop) in choices.items():
            b = browser(tmp)
            try:
                b.get(url)
                wait = WebDriverWait(b, 20)
                wait.until(ready.visibility_of_element_located((By.ID, "name")))
                check(b.find_element(By.ID, "code").get_attribute("value") != "", "the code comes from the link")
                b.find_element(By.ID, "name").send_keys(name)
                b.find_element(By.CSS_SELECTOR, "#join button").click()
                wait.until(ready.visibility_of_element_located((By.ID, "items")))
                if shots and name == "Ana":
                    b.save_screenshot(os.path.join(shots, "phone-before.png"))
                width = b.execute_script("return document.documentElement.scrollWidth")
                check(width <= 360, f"the page fits a 360 px phone: {width}px wide")
                for kind, labels in (("watch", watch), ("stop", stop)):
                    for label in labels:
                        row = b.find_element(By.XPATH, f"//div[@class='item' or contains(@class,'item')]"
                                                       f"[div[@class='label' and text()='{label}']]")
                        box = row.find_element(By.CSS_SELECTOR, f"input[data-kind='{kind}']")
                        b.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
                        box.click()
                if shots and name == "Ana":
                    b.save_screenshot(os.path.join(shots, "phone-chosen.png"))
                b.find_element(By.ID, "submit").click()
                wait.until(ready.text_to_be_present_in_element((By.ID, "message"), "Your choices are in"))
                # A reload comes back as the same participant with the ballot ticked.
                b.refresh()
                wait.until(ready.text_to_be_present_in_element((By.ID, "message"), "Welcome back"))
                ticked = b.execute_script("return document.querySelectorAll('#items input:checked').length")
                check(ticked == len(watch) + len(stop), f"{name}'s ballot is ticked after a reload: {ticked}")
            finally:
                b.quit()
        request = urllib.request.Request(url.split("/?")[0] + "/api/close", method="POST",
                                         headers={"Authorization": "Bearer " + facilitator})
        urllib.request.urlopen(request, timeout=20).read()
        server.communicate(timeout=20)
    finally:
        if server.poll() is None:
            server.kill()

    subprocess.run([CLI, "reveal", m, "--round", "Phones"], check=True, capture_output=True)
    tally = json.loads(subprocess.run([CLI, "tally", m, "--round", "Phones", "--json"], check=True,
                                      capture_output=True, text=True).stdout)
    check(tally["ballots"] == 3, f"three ballots: {tally['ballots']}")
    expected = {}
    for watch, stop in choices.values():
        for label in watch:
            expected.setdefault(label, [0, 0])[0] += 1
        for label in stop:
            expected.setdefault(label, [0, 0])[1] += 1
    got = {row["item"]: [row["watch"], row["stop"]] for row in tally["items"]}
    check(got == expected, f"the tally is what was ticked: {got} vs {expected}")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
