"""Which reports the command line names: files, directories, globs, standard input, lists.

Every argument is a report file; a directory, every report in it and below it (``.txt``,
``.md``, ``.markdown``, ``.html``, ``.htm``); a glob (``reports/**/*.md``), every file it
matches; ``-``, standard input. ``--files-from LIST`` adds the paths LIST holds, one a line
(``-``: read the list from standard input). The order is the arguments', each directory's
and glob's files sorted, each file once.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.defaults import STDIN
from kg.errors import InputError

#: The endings of the files a directory's reports are read from.
REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: The argument that stands for standard input.


def expand(args: Sequence[str], files_from: str | None = None) -> list[Path]:
    """The report files the arguments name, in order, each once (``Path("-")`` for
    standard input).

    Raises:
        InputError: a glob matches no file, a directory holds no report, a list cannot be
            read, or no report is named at all.
    """
    named = list(args) + (_listed(files_from) if files_from is not None else [])
    found: dict[Path, None] = {}
    for arg in named:
        for path in _paths(arg):
            found.setdefault(path, None)
    if not found:
        raise InputError("no reports given: name files, directories, globs or -")
    return list(found)


def _paths(arg: str) -> Iterable[Path]:
    if arg == STDIN:
        return [Path(STDIN)]
    path = Path(arg)
    if path.is_dir():
        reports = sorted(p for p in path.rglob("*")
                         if p.suffix.lower() in REPORT_SUFFIXES and p.is_file())
        if not reports:
            raise InputError(f"{path}: a directory with no reports "
                             f"({', '.join(REPORT_SUFFIXES)}) in it")
        return reports
    if not path.exists() and glob.has_magic(arg):
        matched = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
        if not matched:
            raise InputError(f"{arg}: no file matches")
        return matched
    return [path]


def _listed(files_from: str) -> list[str]:
    """The paths a list holds, one a line (blank lines and # comments skipped); relative
    paths are relative to the list's folder."""
    try:
        if files_from == STDIN:
            text, folder = sys.stdin.read(), Path()
        else:
            text, folder = Path(files_from).read_text("utf-8"), Path(files_from).parent
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{files_from}: cannot read the list of reports ({error})") from error
    lines = (line.strip() for line in text.splitlines())
    return [line if line == STDIN or Path(line).is_absolute() else str(folder / line)
            for line in lines if line and not line.startswith("#")]
