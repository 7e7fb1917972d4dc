"""The work a store hands to other processes: reading reports, and writing a report's
statements, each on its own (``-j``: as many processes as asked, one per core by default)."""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol, TypeVar

from kg.extraction import read_text
from kg.extraction.doubts import doubts
from kg.ids import digest
from kg.model import Report
from kg.rdf.graph import report_triples
from kg.reading import Document, read_report
from kg.resolution import Identity, records
from kg.store.index import Entry, load_report, save_report
from kg.store.terms import Lines

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class ReadTask:
    """A report to read: its file, or its document already read (standard input)."""

    path: Path
    document: Document | None
    genre: str
    date: str | None
    encoding: str | None
    store: Path


def read_one(task: ReadTask) -> tuple[Entry | None, tuple[str, ...]]:
    """Read a report, keep it in the store's folder, and give its entry (None if the store
    holds it already) and why its reading may fall short (:func:`doubts`)."""
    document = task.document or read_report(task.path, task.encoding)
    if digest(document.text, size=12) in _KNOWN:
        return None, ()
    report = read_text(document.text, name=task.path.name, genre=task.genre,
                       date=task.date or document.date, source=document.source)
    save_report(task.store, report)
    ex = report.extraction
    return Entry(report.key, report.name, ex.date, ex.genre, report.source,
                 tuple(r.lean() for r in records([report]))), doubts(report)


@dataclass(frozen=True, slots=True)
class GraphTask:
    """A report whose statements to write, with who its people are (and who they were
    when it was last written: None if never)."""

    key: str
    people: Mapping[tuple[str, str], Identity]
    store: Path
    base: str
    before: Mapping[tuple[str, str], Identity] | None = None


@dataclass(frozen=True, slots=True)
class Written:
    """A report's statements: all of them as N-Quads (``whole``, in its named graph and
    again in the default graph), or, for a report written before, the N-Triples lines it
    no longer makes and those it makes now."""

    key: str
    whole: bytes | None = None
    gone: bytes = b""
    new: bytes = b""


def graph_name(base: str, key: str) -> str:
    """The named graph of a report."""
    return f"{base}graph/{key}"


def graph_one(task: GraphTask) -> Written:
    """A report's statements, all of them or what changed since it was last written (its
    statements then made again the same way, and compared)."""
    report = load_report(task.store, task.key)
    graph = graph_name(task.base, task.key)
    if task.before is None:
        data = _serialised(report, task.people, task.base, graph)
        # each line again without its graph: a line ends " <graph> .", and no literal holds
        # a line break (N-Quads escapes it)
        return Written(task.key, whole=data + data.replace(f" <{graph}> .\n".encode(),
                                                            b" .\n"))
    now, then = (set(_serialised(report, people, task.base, None).splitlines())
                 for people in (task.people, task.before))
    return Written(task.key, gone=b"\n".join(sorted(then - now)),
                   new=b"\n".join(sorted(now - then)))


def _serialised(report: Report, people: Mapping[tuple[str, str], Identity], base: str,
                graph: str | None) -> bytes:
    return Lines().lines(report_triples(report, people, base=base),  # type: ignore[arg-type]
                         graph)


_KNOWN: frozenset[str] = frozenset()
_AHEAD = 4  # tasks given to each process beyond the one it works on


def _remember(known: frozenset[str]) -> None:
    global _KNOWN
    _KNOWN = known


def _start(known: frozenset[str]) -> None:
    """A worker's start. What it inherits from the store's process (the index: a great many
    objects, none of them its garbage) is set aside from the cycle collector, whose passes
    would look at all of them again and again (a fifth of adding one report to 1,000)."""
    gc.freeze()
    _remember(known)


def jobs_default() -> int:
    """One process per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1


class Bar(Protocol):
    """A progress bar: told of each piece of work done, then closed."""

    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


class Progress(Protocol):
    """Makes a bar for ``total`` pieces of work called ``label`` (the CLI's: tqdm)."""

    def __call__(self, label: str, total: int) -> Bar: ...


class _Quiet:
    def update(self, n: int = 1) -> object:
        return None

    def close(self) -> None:
        return None


def quiet(label: str, total: int) -> Bar:
    """No progress shown."""
    return _Quiet()


def run_all(function: Callable[[T], R], tasks: Iterable[T], *, jobs: int, total: int,
            progress: Progress = quiet, label: str = "",
            known: frozenset[str] = frozenset()) -> Iterator[R]:
    """``function`` on every task, in ``jobs`` processes (here if 1), results in the tasks'
    order, each told to ``progress``'s bar."""
    bar = progress(label, total)
    try:
        if jobs <= 1 or total <= 1:
            _remember(known)
            for task in tasks:
                yield function(task)
                bar.update()
            return
        with ProcessPoolExecutor(jobs, mp_context=get_context("fork"), initializer=_start,
                                 initargs=(known,)) as pool:
            # a few tasks ahead of the results taken, not all: the results waiting to be
            # taken (a report's statements: megabytes) stay few however many reports there are
            ahead: deque[Future[R]] = deque()
            for task in tasks:
                ahead.append(pool.submit(function, task))
                if len(ahead) >= jobs * _AHEAD:
                    yield ahead.popleft().result()
                    bar.update()
            while ahead:
                yield ahead.popleft().result()
                bar.update()
    finally:
        bar.close()
