#!/usr/bin/env python3
"""The .deb that scripts/package makes installs and runs: CPack packs this build tree into a
temporary folder, lintian finds no error, the desktop file and the AppStream metainfo validate,
the MIME types compile, and the programs run from a `dpkg -x` of the package (not from the build):
causeway-cli --version, a loop count of the packaged sample, the editor's screenshot of it, and
both man pages render with man -l.

Usage: package_test.py BUILD_DIR BUILD_CAUSEWAY_CLI
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

build, build_cli = sys.argv[1:3]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


for tool in ("cpack", "dpkg-deb", "dpkg-shlibdeps", "lintian", "desktop-file-validate",
             "appstreamcli", "help2man", "man", "update-mime-database"):
    if not shutil.which(tool):
        sys.exit(f"{tool} is missing: scripts/setup installs it")

with tempfile.TemporaryDirectory() as tmp:
    packed = run("cpack", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", tmp)
    check(packed.returncode == 0, "cpack failed:\n" + packed.stdout + packed.stderr)
    debs = glob.glob(os.path.join(tmp, "*.deb"))
    if len(debs) != 1:
        sys.exit(f"expected one .deb in {tmp}, found {debs}\n{packed.stdout}{packed.stderr}")
    deb = debs[0]
    print("package:", os.path.basename(deb), os.path.getsize(deb), "bytes")

    # Dependencies were computed from the programs, not guessed.
    depends = run("dpkg-deb", "-f", deb, "Depends").stdout
    print("Depends:", depends.strip())
    for lib in ("libqt6widgets6", "libgvc6", "libc6", "librsvg2-2", "qt6-qpa-plugins"):
        check(lib in depends, f"Depends lacks {lib}: {depends}")

    root = os.path.join(tmp, "root")
    check(run("dpkg", "-x", deb, root).returncode == 0, "dpkg -x failed")
    usr = os.path.join(root, "usr")
    expected = [
        "bin/causeway", "bin/causeway-cli",
        "share/applications/org.causeway.Causeway.desktop",
        "share/metainfo/org.causeway.Causeway.metainfo.xml",
        "share/mime/packages/causeway.xml",
        "share/icons/hicolor/scalable/apps/causeway.svg",
        "share/icons/hicolor/48x48/apps/causeway.png",
        "share/icons/hicolor/256x256/apps/causeway.png",
        "share/man/man1/causeway.1.gz", "share/man/man1/causeway-cli.1.gz",
        "share/causeway/samples/peer-nsp.causeway",
        "share/causeway/examples/simlin/LICENSE", "share/causeway/examples/simlin/SIR.mdl",
        "share/causeway/guide/index.html",
        "share/doc/causeway/copyright", "share/doc/causeway/changelog.gz",
    ]
    for path in expected:
        check(os.path.isfile(os.path.join(usr, path)), f"the package lacks /usr/{path}")

    cli = os.path.join(usr, "bin", "causeway-cli")
    version = run(cli, "--version")
    check(version.returncode == 0 and version.stdout.startswith("causeway-cli "),
          f"causeway-cli --version: {version.stdout!r} {version.stderr!r}")
    sample = os.path.join(usr, "share", "causeway", "samples", "peer-nsp.causeway")
    counted = run(cli, "loops", sample, "--count-only", "--json")
    check(counted.returncode == 0, "packaged loop count failed: " + counted.stderr)
    expected_count = run(build_cli, "loops", sample, "--count-only", "--json")
    if counted.returncode == 0 and expected_count.returncode == 0:
        packaged, built = json.loads(counted.stdout), json.loads(expected_count.stdout)
        check(packaged["count"] > 0 and packaged["complete"], f"no loops counted in the sample: {packaged}")
        check(packaged == built, f"packaged count {packaged} differs from the build's {built}")

    shot = os.path.join(tmp, "shot.png")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tmp, XDG_CONFIG_HOME=tmp)
    editor = run(os.path.join(usr, "bin", "causeway"), "--screenshot", shot, "--size", "1024x768",
                 sample, env=env, timeout=300)
    check(editor.returncode == 0, "packaged editor's screenshot failed: " + editor.stderr)
    if os.path.exists(shot):
        with open(shot, "rb") as f:
            head = f.read(24)
        width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        check(head[1:4] == b"PNG" and (width, height) == (1024, 768),
              f"screenshot is not a 1024x768 PNG: {width}x{height}")
    else:
        check(False, "the packaged editor wrote no screenshot")

    for page, words in (("causeway-cli", ["loops", "--page", "EXIT STATUS", "--count-only"]),
                        ("causeway", ["--screenshot", "Open Sample"])):
        path = os.path.join(usr, "share", "man", "man1", page + ".1.gz")
        shown = run("man", "-l", "--warnings", path,
                    env=dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="80"))
        check(shown.returncode == 0, f"man -l {page}: {shown.stderr}")
        text = shown.stdout.replace("\u2010", "-").replace("\u2212", "-")
        for word in words:
            check(word in text, f"man page of {page} does not mention {word}")
        check(shown.stderr.strip() == "", f"man -l {page} warns: {shown.stderr}")

    desktop = run("desktop-file-validate",
                  os.path.join(usr, "share/applications/org.causeway.Causeway.desktop"))
    check(desktop.returncode == 0 and not desktop.stdout.strip(),
          "desktop-file-validate: " + desktop.stdout + desktop.stderr)
    metainfo = run("appstreamcli", "validate", "--no-net", "--pedantic",
                   os.path.join(usr, "share/metainfo/org.causeway.Causeway.metainfo.xml"))
    print("appstreamcli:", metainfo.stdout.strip())
    check(metainfo.returncode == 0, "appstreamcli validate: " + metainfo.stdout + metainfo.stderr)

    mime = os.path.join(tmp, "mime")
    shutil.copytree(os.path.join(usr, "share/mime"), mime)
    compiled = run("update-mime-database", mime)
    check(compiled.returncode == 0 and os.path.exists(os.path.join(mime, "application/x-causeway.xml")),
          "update-mime-database: " + compiled.stderr)
    globs = open(os.path.join(mime, "globs2")).read() if os.path.exists(os.path.join(mime, "globs2")) else ""
    check("application/x-causeway:*.causeway" in globs and "*.causeway-round" in globs,
          "the MIME globs lack *.causeway or *.causeway-round: " + globs)

    # Lintian keeps a scratch database it does not remove (mldbm-elf-*): in the temporary folder,
    # gone with it, not in /tmp.
    lint = run("lintian", "--allow-root", "--no-tag-display-limit", deb, timeout=400,
               env=dict(os.environ, TMPDIR=tmp))
    print("lintian:\n" + (lint.stdout.strip() or "(nothing)"))
    errors = [line for line in lint.stdout.splitlines() if line.startswith("E:")]
    check(not errors, "lintian errors:\n" + "\n".join(errors))

sys.exit(1 if failures else 0)
