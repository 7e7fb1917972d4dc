"""Benchmark `kg build` on a report: wall time and peak memory, beside a peer in the same run.

Usage: python bench/build.py [REPORT] [--runs N] [--peer PYTHON]

Each run is a fresh process, as a user would run it, so import time counts. With --peer
(the Python of another kg installation, say an earlier release's virtualenv), the two builds
take turns, so a noisy machine slows both alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_once(python: str, report: str) -> tuple[float, float]:
    """One ``python -m kg build REPORT``: its wall time (s) and peak RSS (MiB)."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        process = subprocess.Popen([python, "-m", "kg", "build", report, "-o", out],
                                   stdout=subprocess.DEVNULL, cwd=tempfile.gettempdir())
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if status:
            raise SystemExit(f"{python} -m kg build {report} failed (status {status})")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default=str(ROOT / "data" / "transcript.txt"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer", help="the Python of another kg installation to compare with")
    args = parser.parse_args()
    pythons = {"this kg": sys.executable}
    if args.peer:
        pythons["peer"] = args.peer
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in pythons}
    for _ in range(args.runs):
        for name, python in pythons.items():
            results[name].append(run_once(python, str(Path(args.report).resolve())))
    print(f"report      {Path(args.report).name}, {args.runs} runs each")
    for name, runs in results.items():
        times = [t for t, _ in runs]
        print(f"{name:<10}  wall median {statistics.median(times):.2f} s "
              f"(min {min(times):.2f}, max {max(times):.2f}), "
              f"peak RSS {max(m for _, m in runs):.0f} MiB")


if __name__ == "__main__":
    main()
