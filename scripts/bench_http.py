"""Issue 14's figures in one run, by hand: what a set log and the workout page cost
over HTTP against the floor, and how they hold up with a long history and with
everyone else's data.

    .venv/bin/python scripts/bench_http.py [--quick] [--skip-everyone]

Runs, one after the other, printing each one's output and the machine's load before it:
1. ../shared/bench/set_log_vs_floor.sh --page --c16: the project served with gunicorn as
   bin/serve does and the floor, alternated in one run (serial set-log POST, a new set
   each request; the workout page; set logs per second at 16 connections), with their
   ratios and the goals (see ../shared/bench/README.md).
2. scripts/bench_sessions.py: set log, workout page and set edit for a user with 100,000
   sets against one with 100 (in-process, through Django's test client).
3. scripts/bench_everyone.py: a small user's pages alone in the database, then beside
   1,000 other users with 100 workouts each (--skip-everyone leaves it out: it seeds a
   million sets).

--quick: shorter runs (SET_LOG_S=3, SET_LOG_ROUNDS=2; 60 rounds in-process). Figures are
ratios measured in the same run, never thresholds: nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FLOOR_SCRIPT = Path("shared") / "bench" / "set_log_vs_floor.sh"


def _shared_script() -> Path:
    """../shared/bench/set_log_vs_floor.sh beside the checkout; for a git worktree
    elsewhere (/tmp/w/NAME), the one beside its main checkout."""
    beside = ROOT.parent / _FLOOR_SCRIPT
    if beside.exists():
        return beside
    try:
        common = subprocess.run(["git", "rev-parse", "--git-common-dir"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return beside
    return (ROOT / common).resolve().parent.parent / _FLOOR_SCRIPT


SHARED = _shared_script()


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def _run(title: str, command: list[str], env: dict) -> int:
    print(f"\n== {title} (load {_load()})\n   {' '.join(command)}", flush=True)
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs")
    parser.add_argument("--skip-everyone", action="store_true", help="leave out bench_everyone.py")
    args = parser.parse_args()
    env = dict(os.environ)
    requests = "150"
    if args.quick:
        env.setdefault("SET_LOG_S", "3")
        env.setdefault("SET_LOG_ROUNDS", "2")
        requests = "60"
    python = str(ROOT / ".venv" / "bin" / "python")
    codes = []
    if SHARED.exists():
        codes.append(_run("set log and workout page against the floor, over HTTP", ["bash", str(SHARED), "--page",
                                                                                       "--c16"], env))
    else:
        print(f"no {SHARED}: the floor benchmark is left out")
    codes.append(_run("100 vs 100,000 sets", [python, "scripts/bench_sessions.py", "--requests", requests], env))
    if not args.skip_everyone:
        codes.append(_run("alone vs beside everyone's data", [python, "scripts/bench_everyone.py", "--requests",
                                                              requests], env))
    return max(codes, default=0)


if __name__ == "__main__":
    sys.exit(main())
