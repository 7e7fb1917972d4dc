"""How fast the ``kg`` command starts, beside peers in the same run.

Usage: python bench/startup.py [--runs N]

Times, as a user's shell would start them (a fresh process each), ``kg --help``,
``kg query --list`` and ``kg query`` on a small graph file and on a store of it, next to
Python doing nothing and rdflib's own command (``rdfpipe --help``); the commands take turns,
so a noisy machine slows them alike. Prints the median and the fastest run of each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORT = "南京市总工会召开会议\n\n南京市总工会主席王小明主持会议。\n"


def commands(graph: Path, store: Path) -> dict[str, list[str]]:
    """The commands timed, by label."""
    python = sys.executable
    rdfpipe = Path(python).with_name("rdfpipe")
    return {
        "python -c pass": [python, "-c", "pass"],
        "rdfpipe --help (rdflib)": [str(rdfpipe), "--help"],
        "kg --help": [python, "-m", "kg", "--help"],
        "kg query --list": [python, "-m", "kg", "query", "--list"],
        "kg query posts -g small.ttl": [python, "-m", "kg", "query", "posts", "-g", str(graph)],
        "kg query posts -g store": [python, "-m", "kg", "query", "posts", "-g", str(store)],
    }


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.txt"
        report.write_text(REPORT, "utf-8")
        subprocess.run([sys.executable, "-m", "kg", "build", str(report), "-o", tmp, "-f",
                        "turtle", "--store", str(Path(tmp) / "store")],
                       stdout=subprocess.DEVNULL, check=True)
        todo = commands(Path(tmp) / "graph.ttl", Path(tmp) / "store")
        times: dict[str, list[float]] = {label: [] for label in todo}
        for _ in range(args.runs):  # in turns
            for label, command in todo.items():
                times[label].append(timed(command))
    width = max(map(len, times))
    print(f"{'command':<{width}}  median   fastest  ({args.runs} runs each)")
    for label, runs in times.items():
        print(f"{label:<{width}}  {statistics.median(runs):5.3f} s  {min(runs):5.3f} s")


if __name__ == "__main__":
    main()
