"""What the CLI tests share: failed checks recorded and printed (a test goes on to show every
failure at once), and a program run with its output captured."""
import os
import subprocess

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL:", message)


def runner(program, **defaults):
    """A function that runs `program` with the given arguments and returns the finished process
    (text output unless text=False). With expect_ok=True a failure stops the test with its stderr."""
    def run(*args, expect_ok=False, **kwargs):
        options = {"capture_output": True, "text": True, **defaults, **kwargs}
        p = subprocess.run([program, *args], check=False, **options)
        if expect_ok and p.returncode != 0:
            raise SystemExit(f"{os.path.basename(program)} {' '.join(args)} failed "
                             f"({p.returncode}): {p.stderr}")
        return p
    return run


def read(path):
    with open(path, "rb") as f:
        return f.read()
