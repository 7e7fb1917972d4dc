"""``kg build`` and ``kg genres``: reports in, a graph and its view out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.errors import command
from kg.cli.formats import formats as all_formats
from kg.cli.options import (
    BASE,
    DATE,
    DECISIONS,
    ENCODING,
    FILES_FROM,
    GENRE,
    JOBS,
    PATH,
    REPORTS,
    Choices,
    directory,
    need_reports,
    warn,
)
from kg.cli.store import store_at

if TYPE_CHECKING:
    from kg.pipeline import Summary


@command()
@REPORTS
@FILES_FROM
@click.option("-o", "--output", "out_dir", required=True, callback=directory, metavar="DIR",
              help="Directory to write graph.ttl, graph.jsonld and graph.html into; - writes "
                   "the graph in one format (-f, default turtle) to standard output.")
@DATE
@BASE
@click.option("-f", "--format", "formats", multiple=True, type=Choices(all_formats),
              help="RDF formats to write, repeatable (default: turtle and json-ld).")
@GENRE
@ENCODING
@DECISIONS
@click.option("--store", "store_dir", type=PATH,
              help="Add the reports to this store (kg add) and write the graph of every "
                   "report it holds.")
@JOBS
def build(reports: tuple[str, ...], files_from: str | None, out_dir: Path | None,
          date: str | None, base: str, formats: tuple[str, ...], genre: str,
          encoding: str | None, decisions: Path | None, store_dir: Path | None,
          jobs: int | None) -> None:
    """Read REPORTS and write the graph (Turtle, JSON-LD …) and its view (HTML).

    REPORTS are files, directories (every .txt, .md and .html in them and below), globs
    or - (standard input).

    Example:

        kg build data/transcript.txt -o output/ --date 2015 -f turtle -f trig

        cat report.txt | kg build - -o - -f nt | wc -l
    """
    from kg.pipeline import DEFAULT_FORMATS, build_in_store
    from kg.pipeline import build as run_build
    from kg.reading.inputs import expand
    from kg.resolution import read_decisions

    need_reports(reports, files_from, "read")
    formats = formats or (("turtle",) if out_dir is None else DEFAULT_FORMATS)
    if store_dir is not None:
        store = store_at(store_dir, base, jobs)
        if decisions is not None:
            store.keep_decisions(decisions)
        summary = build_in_store(expand(reports, files_from), out_dir, store, genre=genre,
                                 date=date, encoding=encoding, formats=formats)
    else:
        summary = run_build(expand(reports, files_from), out_dir, genre=genre, date=date,
                            base=base, formats=formats, encoding=encoding,
                            decisions=read_decisions(decisions) if decisions else None)
    warn(summary.warnings)
    if out_dir is None:  # the graph is the output: the summary goes with the warnings
        sys.stdout.buffer.write(summary.text.encode("utf-8"))
    click.echo(summary_text(summary), err=out_dir is None)


def summary_text(summary: Summary) -> str:
    """The build's one-screen summary: the genre, what the graph holds, the files written."""
    used = ", ".join(name if n == 1 else f"{name} ×{n}" for name, n in summary.genres)
    lines = [f"genre          {used}{' (auto)' if summary.detected else ''}"]
    for label in ("people", "posts", "organisations", "places", "groups", "quotations",
                  "triples"):
        lines.append(f"{label:<15}{getattr(summary, label)}")
    lines += [f"wrote {path}" for path in summary.files]
    return "\n".join(lines)


@command()
def genres() -> None:
    """List the kinds of report kg reads (the values of kg build --genre).

    Example:

        kg genres
    """
    from kg.extraction.genres import GENRES, get_genre

    width = max(len(name) for name in GENRES)
    for name in sorted(GENRES):
        click.echo(f"{name:<{width}}  {get_genre(name).description}")
