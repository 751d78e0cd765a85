"""Start-up time of the frozen app to a visible window: `measure_startup.py APP [--xvfb]`.

Needs xdotool and X: $DISPLAY, or with --xvfb a private Xvfb on a free display. Each run
starts APP with an empty data folder and polls every 10 ms until a window of that process
is mapped (visible); the time from spawning the process to that moment is the start-up time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLL_SECONDS = 0.01
TIMEOUT_SECONDS = 60.0


def _visible_window(xdotool: str, pid: int) -> bool:
    found = subprocess.run(
        [xdotool, "search", "--onlyvisible", "--pid", str(pid)],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def one_run(app: Path, xdotool: str) -> float:
    """Seconds from spawning `app` until one of its windows is visible."""
    with tempfile.TemporaryDirectory(prefix="claimdesk-startup-") as data:
        env = {
            "DISPLAY": os.environ["DISPLAY"],
            "HOME": data,
            "PATH": "/usr/bin:/bin",
            "CLAIMDESK_DATA_DIR": data,
            "QT_QPA_PLATFORM": "xcb",
        }
        if "XAUTHORITY" in os.environ:
            env["XAUTHORITY"] = os.environ["XAUTHORITY"]
        log = Path(data) / "stderr.txt"
        started = time.perf_counter()
        with log.open("wb") as stderr:
            proc = subprocess.Popen([str(app)], env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            while not _visible_window(xdotool, proc.pid):
                if proc.poll() is not None:
                    said = log.read_text(errors="replace").strip()[-2000:]
                    raise SystemExit(
                        f"{app} exited with {proc.returncode} before showing a window:\n{said}"
                    )
                if time.perf_counter() - started > TIMEOUT_SECONDS:
                    raise SystemExit(f"{app} showed no window within {TIMEOUT_SECONDS:.0f} s")
                time.sleep(POLL_SECONDS)
            return time.perf_counter() - started
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def start_xvfb() -> subprocess.Popen[bytes]:
    """A private Xvfb; -displayfd makes it pick a display nobody uses (not even elsewhere)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            "1440x900x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not start")
    os.environ["DISPLAY"] = f":{number}"
    os.environ.pop("XAUTHORITY", None)
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the frozen claimdesk executable")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--xvfb", action="store_true", help="start a private Xvfb to measure on")
    args = parser.parse_args(argv)
    xdotool = shutil.which("xdotool")
    if xdotool is None or not (args.xvfb or os.environ.get("DISPLAY")):
        print("measure_startup.py: needs xdotool and an X display (or --xvfb)")
        return 2
    server = start_xvfb() if args.xvfb else None
    try:
        times = [one_run(args.app.resolve(), xdotool) for _ in range(args.runs)]
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    figures = {
        "runs": [round(t, 3) for t in times],
        "first_s": round(times[0], 3),
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
    }
    print(
        f"start-up to a visible window: median {figures['median_s']:.2f} s, "
        f"fastest {figures['min_s']:.2f} s, first {figures['first_s']:.2f} s ({args.runs} runs: "
        + ", ".join(f"{t:.2f}" for t in times)
        + ")"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
