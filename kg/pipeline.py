"""The main job: read reports, resolve their people, build the graph, write it and its view.

A report flows through the packages in order: :mod:`kg.reading` (file → text),
:mod:`kg.extraction` (text → what the report says, read by its genre), :mod:`kg.resolution`
(who is who across reports), :mod:`kg.rdf` (the graph and its formats) and :mod:`kg.view`
(the page).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import FOAF

from kg.defaults import STDIN
from kg.errors import InputError, OutputError
from kg.extraction import AUTO, read_text
from kg.extraction.doubts import doubts
from kg.files import write_atomically
from kg.ids import digest
from kg.model import Report
from kg.rdf.export import EXPORTERS, Statements, serialise
from kg.rdf.graph import build_dataset, build_graph
from kg.rdf.io import GRAPH_FORMATS, union
from kg.rdf.namespace import DEFAULT_BASE, KG, ORG, SCHEMA
from kg.reading import read_report
from kg.resolution import DEFAULT, Decisions, Identities, resolve
from kg.store import ReportStore
from kg.store.read import STORE_FORMATS, as_rdflib, serialise_store
from kg.view.page import render_view

DEFAULT_FORMATS = ("turtle", "json-ld")
VIEW = "graph.html"
#: Every file a build may write: one it does not write this time is taken away, so that a
#: graph of an earlier build is never read as this one's.
OUTPUTS = tuple(f"graph.{f.extension}" for f in EXPORTERS.values())


@dataclass(frozen=True, slots=True)
class Summary:
    """What a build read, and what the graph it wrote holds."""

    people: int
    posts: int
    organisations: int
    places: int
    groups: int
    quotations: int
    triples: int
    genres: tuple[tuple[str, int], ...]  # each genre used, with the number of reports
    detected: bool  # whether the genres were chosen from the texts' marks
    files: tuple[Path, ...]
    warnings: tuple[str, ...] = ()  # "REPORT: why its reading may fall short"
    text: str = ""  # the graph in the one format asked, when no directory was given


def read_reports(paths: Sequence[Path], *, genre: str = AUTO, date: str | None = None,
                 encoding: str | None = None) -> list[Report]:
    """Read each report once (a file given twice, or two files with the same text, once).

    Args:
        paths: the files.
        genre: the genre to read them as, or ``auto``.
        date: when they were written (default: what each file's metadata or text says).
        encoding: their encoding, if their bytes do not show it.

    Raises:
        InputError: a file is missing, empty, binary or not text.
    """
    reports: dict[str, Report] = {}
    for path in paths:
        document = read_report(path, encoding)
        if digest(document.text, size=12) not in reports:
            report = read_text(document.text, name=path.name, genre=genre,
                               date=date or document.date, source=document.source)
            reports[report.key] = report
    return list(reports.values())


def check_paths(paths: Sequence[Path], out_dir: Path | None,
                formats: Sequence[str] = DEFAULT_FORMATS) -> None:
    """Refuse, before any work, what a build cannot do: write into a file; read a graph as
    a report, or a file the build is about to replace; write more than one format where no
    directory (``None``: standard output) is given.

    Raises:
        OutputError: ``out_dir`` is a file, or a directory this user cannot write in; or
            none, and more than one format asked.
        InputError: a report is a graph file, or one of the files the build writes.
    """
    if out_dir is None and len(set(formats)) != 1:
        raise OutputError("standard output takes one format: give one -f, or a directory "
                          "with -o")
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file; give -o a directory to write into")
    if out_dir is not None and out_dir.is_dir() and not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(f"{out_dir}: cannot be written in (permission denied); choose "
                          "another directory with -o")
    outputs = set() if out_dir is None else {(out_dir / name).resolve()
                                             for name in (*OUTPUTS, VIEW)}
    graphs = {suffix for suffix, fmt in GRAPH_FORMATS.items() if fmt}
    for path in paths:
        if str(path) == STDIN:
            continue
        if path.resolve() in outputs:
            raise InputError(f"{path}: is a file kg build writes into {out_dir}; give the "
                             "reports, or write elsewhere with -o")
        if path.suffix.lower() in graphs:
            raise InputError(f"{path}: is a graph, not a report; kg export, kg query and "
                             "kg view read graphs")


def build(paths: Sequence[Path], out_dir: Path | None, *, genre: str = AUTO,
          date: str | None = None,
          base: str = DEFAULT_BASE, formats: Sequence[str] = DEFAULT_FORMATS,
          resolver: str = DEFAULT, encoding: str | None = None,
          decisions: Decisions | None = None) -> Summary:
    """Read the reports and write ``graph.<ext>`` in each format, and ``graph.html``.

    Everything is made in memory first and each file is written to a temporary name and
    renamed, so a failed run leaves no half-written output.

    Args:
        paths: the reports.
        out_dir: where to write (created if missing); None: write nothing, and give the
            graph in the one format of ``formats`` as the summary's ``text``.
        genre: the genre to read them as, or ``auto`` (each report's own marks choose).
        date: when the reports were written (YYYY[-MM[-DD]]), instead of reading it.
        base: the base IRI of the graph's resources.
        formats: the RDF formats to write (names from :data:`kg.rdf.export.EXPORTERS`).
        resolver: how to decide who is who (a name from :data:`kg.resolution.RESOLVERS`).
        encoding: the reports' encoding, if their bytes do not show it.
        decisions: the user's own decisions on who is who, which override the resolver's.

    Returns:
        Counts of what the graph holds, and the files written.
    """
    check_paths(paths, out_dir, formats)
    reports = read_reports(paths, genre=genre, date=date, encoding=encoding)
    identities = resolve(reports, resolver, decisions)
    statements = graph_statements(reports, identities, base=base,
                                  quads=any(EXPORTERS[fmt].quads for fmt in formats))
    contents = {f"graph.{EXPORTERS[fmt].extension}": serialise(statements, fmt)
                for fmt in dict.fromkeys(formats)}
    if out_dir is not None:
        title = reports[0].extraction.title if reports else "kg"
        contents[VIEW] = render_view(statements.graph, title=title)
    used = Counter(report.extraction.genre for report in reports)
    summary = summarise(statements.graph, tuple(sorted(used.items())), genre == AUTO,
                        *_written(out_dir, contents))
    return replace(summary, warnings=tuple(f"{r.name}: {why}" for r in reports
                                           for why in doubts(r)))


def _written(out_dir: Path | None, contents: dict[str, str]) -> tuple[tuple[Path, ...], str]:
    """Write the files into ``out_dir``: the paths written; or, with no directory, the one
    file's text."""
    if out_dir is None:
        return (), next(iter(contents.values()))
    return write_atomically(out_dir, contents, OUTPUTS), ""


def build_in_store(paths: Sequence[Path], out_dir: Path | None, store: ReportStore, *,
                   genre: str = AUTO, date: str | None = None,
                   formats: Sequence[str] = DEFAULT_FORMATS,
                   encoding: str | None = None) -> Summary:
    """Add the reports to ``store``, then write its whole graph (every report it holds) as
    :func:`build` writes one: the RDF formats by pyoxigraph's serialisers, streaming from
    the store; the others (and the view) from the union as an rdflib graph."""
    check_paths(paths, out_dir, formats)
    changes = store.add(paths, genre=genre, date=date, encoding=encoding)
    graph = as_rdflib(store.graphs, store.base)
    contents = {}
    for fmt in dict.fromkeys(formats):
        name = f"graph.{EXPORTERS[fmt].extension}"
        contents[name] = serialise_store(store.graphs, store.base, fmt).decode("utf-8") \
            if fmt in STORE_FORMATS else serialise(Statements(graph), fmt)
    if out_dir is not None:
        contents[VIEW] = render_view(graph, title="kg")
    used = Counter(entry.genre for entry in store)
    summary = summarise(graph, tuple(sorted(used.items())), genre == AUTO,
                        *_written(out_dir, contents))
    return replace(summary, warnings=tuple(changes.warnings))


def graph_statements(reports: Sequence[Report], identities: Identities, *, base: str,
                     quads: bool) -> Statements:
    """The reports' statements: one graph, and the dataset too when a format keeps reports
    apart (TriG, N-Quads)."""
    if quads:
        dataset = build_dataset(reports, identities, base=base)
        return Statements(union(dataset, base), dataset)
    return Statements(build_graph(reports, identities, base=base))


def summarise(graph: Graph, genres: tuple[tuple[str, int], ...], detected: bool,
              files: tuple[Path, ...], text: str = "") -> Summary:
    """What the graph holds: each resource counted once, however many reports name it."""
    def count(cls: URIRef) -> int:
        return len(set(graph.subjects(RDF.type, cls)))

    units = set(graph.subjects(RDF.type, ORG.OrganizationalUnit))
    return Summary(
        people=count(FOAF.Person),
        posts=count(ORG.Post),
        organisations=len(set(graph.subjects(RDF.type, ORG.Organization)) - units),
        places=count(SCHEMA.AdministrativeArea) + count(KG.DevelopmentZone),
        groups=len(units),
        quotations=count(SCHEMA.Quotation),
        triples=len(graph),
        genres=genres,
        detected=detected,
        files=files,
        text=text,
    )

