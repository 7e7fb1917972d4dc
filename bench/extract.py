"""Benchmark extraction: characters per second at growing sizes, beside jieba.posseg.

Usage: python bench/extract.py [REPORT...] [--sizes 0.1,1,10] [--no-jieba]

Run it with the Python of the installation to time: the first line says whether its kg is
pure Python (``pip install .``) or compiled (``KG_COMPILE=1 pip install .``).

The reports (default: the bundled one) are joined and repeated up to each size (in millions
of characters) and read as one report by ``kg.extraction.read_text``: people, posts,
organisations, places, participation, quotations. jieba.posseg (``pip install
'.[bench]'``), which only cuts words and tags their parts of speech, reads the same text in
the same run, so a noisy machine slows both alike. The rate should stay flat as the text
grows: no step is quadratic.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import kg.extraction.names
from kg.extraction import read_text

ROOT = Path(__file__).resolve().parents[1]


def corpus(paths: list[Path], size: int) -> str:
    """The reports joined by blank lines, repeated and cut to ``size`` characters (at a line
    end, so no sentence is cut)."""
    base = "\n\n".join(path.read_text("utf-8").strip() for path in paths) + "\n\n"
    text = base * (size // len(base) + 1)
    return text[:text.rfind("\n", 0, size) + 1]


def rate(read: object, text: str) -> float:
    """Characters per second of one call ``read(text)``."""
    start = time.perf_counter()
    read(text)  # type: ignore[operator]
    return len(text) / (time.perf_counter() - start)


def jieba_posseg() -> object | None:
    """jieba.posseg's word cutter with its dictionary loaded, or None without jieba."""
    try:
        import jieba
        import jieba.posseg
    except ImportError:
        return None
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return lambda text: sum(1 for _ in jieba.posseg.cut(text))


def build() -> str:
    """How the kg being timed was installed: compiled with mypyc, or pure Python."""
    compiled = Path(kg.extraction.names.__file__ or "").suffix in (".so", ".pyd")
    return "compiled (KG_COMPILE=1)" if compiled else "pure Python"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path,
                        default=[ROOT / "data" / "transcript.txt"])
    parser.add_argument("--sizes", default="0.1,1,10",
                        help="millions of characters, comma-separated (default 0.1,1,10)")
    parser.add_argument("--no-jieba", action="store_true", help="time kg alone")
    args = parser.parse_args()
    posseg = None if args.no_jieba else jieba_posseg()
    # load the lexicons, area codes and automata outside the timing
    read_text(corpus(args.reports, 5_000), name="warm-up.txt")
    names = [path.name for path in args.reports]
    print(f"kg       {build()}, from {Path(kg.extraction.names.__file__ or '').parents[2]}")
    print(f"reports  {len(names)}: {', '.join(names[:3])}{' …' if len(names) > 3 else ''}")
    print(f"{'chars':>10}  {'kg chars/s':>12}  {'jieba.posseg':>12}  {'kg / jieba':>10}")
    for size in (float(s) for s in args.sizes.split(",")):
        text = corpus(args.reports, int(size * 1_000_000))
        ours = rate(lambda t: read_text(t, name="bench.txt"), text)
        theirs = rate(posseg, text) if posseg is not None else None
        ratio = f"{ours / theirs:>9.1f}x" if theirs else f"{'-':>10}"
        print(f"{len(text):>10,}  {ours:>12,.0f}  "
              f"{f'{theirs:,.0f}' if theirs else '(no jieba)':>12}  {ratio}", flush=True)


if __name__ == "__main__":
    main()
