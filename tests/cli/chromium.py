"""Renders an SVG file to PNG in headless Chromium, the page the size of the drawing (shared by
the CLI tests that compare what a browser draws)."""
import os
import subprocess


def screenshot(svg, png, width, height, profile_dir):
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", f"--user-data-dir={profile_dir}",
                    "--force-device-scale-factor=1", f"--screenshot={png}",
                    f"--window-size={width},{height}", "file://" + os.path.abspath(svg)],
                   check=True, capture_output=True, timeout=120)
