"""The main job: read reports, build the graph, write Turtle, JSON-LD and the view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError
from kg.extract import extract
from kg.files import write_atomically
from kg.rdf.export import EXPORTERS, Statements, serialise
from kg.rdf.graph import Source, build_dataset, build_graph
from kg.rdf.io import union
from kg.rdf.namespace import DEFAULT_BASE
from kg.view.page import render_view

DEFAULT_FORMATS = ("turtle", "json-ld")
VIEW = "graph.html"


@dataclass(frozen=True, slots=True)
class Summary:
    """What a build read and wrote."""

    people: int
    posts: int
    organisations: int
    places: int
    groups: int
    quotations: int
    triples: int
    files: tuple[Path, ...]


def read_report(path: Path) -> str:
    """Read a report as UTF-8 text, refusing what cannot be one.

    Raises:
        InputError: the file is missing, a directory, empty, binary or not UTF-8.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a report")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    if b"\x00" in data:
        raise InputError(f"{path}: looks binary (it has NUL bytes); give a UTF-8 text file")
    try:
        # the same universal-newline reading as Path.read_text, so offsets agree with it
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: is not UTF-8 text (byte {error.start}); convert it first, "
                         f"e.g. iconv -f GB18030 -t UTF-8 {path.name}") from error
    if not text.strip():
        raise InputError(f"{path}: is empty")
    return text


def build(paths: Sequence[Path], out_dir: Path, *, year: int | None = None,
          base: str = DEFAULT_BASE, formats: Sequence[str] = DEFAULT_FORMATS) -> Summary:
    """Read the reports and write ``graph.<ext>`` in each format, and ``graph.html``.

    Everything is made in memory first and each file is written to a temporary name and
    renamed, so a failed run leaves no half-written output.

    Args:
        paths: the reports.
        out_dir: where to write (created if missing).
        year: the year the reports were written, instead of inferring it.
        base: the base IRI of the graph's resources.
        formats: the RDF formats to write (names from :data:`kg.export.EXPORTERS`).

    Returns:
        Counts of what was read and the files written.
    """
    sources = []
    for path in paths:
        text, extraction = extract(read_report(path), year=year)
        sources.append(Source(text, extraction, path.name))
    if any(EXPORTERS[fmt].quads for fmt in formats):
        dataset = build_dataset(sources, base=base)
        statements = Statements(union(dataset, base), dataset)
    else:
        statements = Statements(build_graph(sources, base=base))
    graph = statements.graph
    contents = {f"graph.{EXPORTERS[fmt].extension}": serialise(statements, fmt)
                for fmt in dict.fromkeys(formats)}
    contents[VIEW] = render_view(graph, title=sources[0].extraction.title if sources else "kg")
    written = write_atomically(out_dir, contents)
    return _summary(graph, sources, written)


def _summary(graph: Graph, sources: list[Source], written: tuple[Path, ...]) -> Summary:
    return Summary(
        people=sum(len(s.extraction.people) for s in sources),
        posts=sum(len(p.posts) for s in sources for p in s.extraction.people),
        organisations=sum(1 for s in sources for o in s.extraction.organisations
                          if o.kind != "study_group"),
        places=sum(len(s.extraction.places) for s in sources),
        groups=sum(1 for s in sources for g in s.extraction.groups if g.name),
        quotations=sum(len(g.quotations) for s in sources for g in s.extraction.groups),
        triples=len(graph),
        files=written,
    )
