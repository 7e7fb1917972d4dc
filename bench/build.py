"""Benchmark `kg build` on a report: wall time (median of runs) and peak memory.

Usage: python bench/build.py [REPORT] [--runs N]
Each run is a fresh process, as a user would run it, so import time counts.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default=str(ROOT / "data" / "transcript.txt"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kg", "build", args.report, "-o", out],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"report      {Path(args.report).name}")
    print(f"runs        {args.runs}")
    print(f"wall median {statistics.median(times):.2f} s (min {min(times):.2f}, "
          f"max {max(times):.2f})")
    print(f"peak RSS    {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
