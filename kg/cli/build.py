"""``kg build`` and ``kg genres``: reports in, a graph and its view out."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.errors import command
from kg.cli.formats import FORMATS
from kg.extraction import AUTO, GENRES
from kg.extraction.dates import check_date
from kg.extraction.genres import get_genre
from kg.pipeline import DEFAULT_FORMATS, Summary
from kg.pipeline import build as run_build
from kg.rdf.namespace import DEFAULT_BASE
from kg.reading.inputs import expand
from kg.resolution import read_decisions


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    try:  # a real date: no month 13, no 30 February
        return None if value is None else check_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


@command()
@click.argument("reports", nargs=-1)
@click.option("--files-from", metavar="LIST",
              help="Also read the reports LIST names, one path a line (-: standard input).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Directory to write graph.ttl, graph.jsonld and graph.html into.")
@click.option("--date", callback=_date, metavar="YYYY[-MM[-DD]]",
              help="When the reports were written (default: where their text says it).")
@click.option("--base", default=DEFAULT_BASE, show_default=True,
              help="Base IRI for the graph's resources.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(FORMATS),
              help="RDF formats to write, repeatable (default: turtle and json-ld).")
@click.option("--genre", default=AUTO, show_default=True,
              type=click.Choice([AUTO, *sorted(GENRES)]),
              help="The kind of report (kg genres lists them); auto: each report's own marks "
                   "choose.")
@click.option("--encoding", metavar="NAME",
              help="The reports' encoding (default: a byte-order mark's, UTF-8, or the one "
                   "their bytes show: GB18030, Big5 …).")
@click.option("--decisions", type=click.Path(path_type=Path, dir_okay=False),
              help="Your own decisions on who is who (same / different), which override "
                   "kg's: see kg people.")
def build(reports: tuple[str, ...], files_from: str | None, out_dir: Path, date: str | None,
          base: str, formats: tuple[str, ...], genre: str, encoding: str | None,
          decisions: Path | None) -> None:
    """Read REPORTS and write the graph (Turtle, JSON-LD …) and its view (HTML).

    REPORTS are files, directories (every .txt, .md and .html in them and below), globs
    or - (standard input).

    Example:

        kg build data/transcript.txt -o output/ --date 2015 -f turtle -f trig
    """
    if not reports and files_from is None:
        raise click.UsageError("name the REPORTS to read (files, directories, globs or -)")
    summary = run_build(expand(reports, files_from), out_dir, genre=genre, date=date,
                        base=base, formats=formats or DEFAULT_FORMATS, encoding=encoding,
                        decisions=read_decisions(decisions) if decisions else None)
    click.echo(summary_text(summary))


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
    width = max(len(name) for name in GENRES)
    for name in sorted(GENRES):
        click.echo(f"{name:<{width}}  {get_genre(name).description}")
