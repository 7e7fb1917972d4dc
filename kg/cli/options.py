"""The options several commands share, stated once.

The command modules import only click and these at first; the library is imported by the
command that runs (``kg --help`` loads none of it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path

import click

from kg.defaults import AUTO, DEFAULT_BASE, STDIN


class Choices(click.Choice[str]):
    """A choice among values asked for only when needed (to check a value given, or to
    show them in a command's help): the registries that hold them import much of kg."""

    def __init__(self, values: Callable[[], Iterable[str]]) -> None:
        self._values = values
        self.case_sensitive = True

    @cached_property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        return tuple(self._values())


def _genres() -> list[str]:
    from kg.extraction.genres import GENRES

    return [AUTO, *sorted(GENRES)]


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from kg.extraction.dates import check_date

    try:  # a real date: no month 13, no 30 February
        return None if value is None else check_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def base_iri(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """The base IRI given, checked: an absolute IRI, ending with / or # (a / is added to
    one that ends otherwise, so that ``…/id`` mints ``…/id/person/…``)."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not an absolute IRI ({error})") from error
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise click.BadParameter(f"{value!r} is not an absolute IRI (no scheme, such as https:)")
    return value if value.endswith(("/", "#")) else value + "/"


def directory(_ctx: click.Context, _param: click.Parameter, value: str) -> Path | None:
    """The directory given (None for -, standard output), refused if empty (the empty
    string would mean here)."""
    if not value.strip():
        raise click.BadParameter("give a directory (. for the current one)")
    return None if value == STDIN else Path(value)


def output_file(_ctx: click.Context, _param: click.Parameter,
                value: Path | None) -> Path | None:
    """The file given, None for - (standard output) or none."""
    return None if value is None or str(value) == STDIN else value




#: The types of path arguments: kg opens the files itself and says in one line what it cannot
#: read (click's own check of an unreadable file would end in a usage error, exit 2).
PATH = click.Path(path_type=Path, readable=False)
FILE = click.Path(path_type=Path, dir_okay=False, readable=False)

REPORTS = click.argument("reports", nargs=-1)
FILES_FROM = click.option(
    "--files-from", metavar="LIST",
    help="Also read the reports LIST names, one path a line (-: standard input).")
DATE = click.option("--date", callback=_date, metavar="YYYY[-MM[-DD]]",
                    help="When the reports were written (default: where their text says it).")
BASE = click.option("--base", default=DEFAULT_BASE, show_default=True, callback=base_iri,
                    help="Base IRI for the graph's resources (a store keeps the one it was "
                         "made with).")
GENRE = click.option("--genre", default=AUTO, show_default=True,
                     type=Choices(_genres),
                     help="The kind of report (kg genres lists them); auto: each report's own "
                          "marks choose.")
ENCODING = click.option("--encoding", metavar="NAME",
                        help="The reports' encoding (default: a byte-order mark's, UTF-8, or "
                             "the one their bytes show: GB18030, Big5 …).")
DECISIONS = click.option("--decisions", type=FILE,
                         help="Your own decisions on who is who (same / different), which "
                              "override kg's: see kg people.")
JOBS = click.option("-j", "--jobs", type=click.IntRange(1, 256),
                    help="Processes to read reports in (default: one per core).")


def warn(warnings: Iterable[str]) -> None:
    """Say on standard error why a report's reading may fall short, a line each."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def need_reports(reports: tuple[str, ...], files_from: str | None, verb: str) -> None:
    """Refuse a command that names no reports, as a usage error."""
    if not reports and files_from is None:
        raise click.UsageError(f"name the REPORTS to {verb} (files, directories, globs or -)")
