"""``kg add``, ``kg remove`` and ``kg reports``: a store of reports that grows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.errors import command
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
    need_reports,
    warn,
)
from kg.defaults import DEFAULT_BASE

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.store import Bar, Changes, ReportStore

STORE = click.option("--store", "store_dir", required=True, type=PATH,
                     help="The store directory (made on first use).")


def progress(label: str, total: int) -> Bar:
    """A progress bar on standard error when it is a terminal; nothing when piped."""
    from tqdm import tqdm

    bar: Bar = tqdm(total=total, desc=label, unit="report", disable=None, leave=False)
    return bar


def store_at(path: Path, base: str | None = None, jobs: int | None = None) -> ReportStore:
    """The store at ``path`` (its IRIs under ``base``: by default, the store's own),
    reading in ``jobs`` processes, with a progress bar."""
    from kg.store import ReportStore, jobs_default
    from kg.store.layout import base_of, is_store

    if base is None:
        base = base_of(path) if is_store(path) else DEFAULT_BASE
    return ReportStore(path, base=base, jobs=jobs or jobs_default(), progress=progress)


def graph_at(path: Path) -> Graph:
    """The graph of a graph file or a store directory."""
    from kg.rdf.io import load_graph
    from kg.store.layout import is_store
    from kg.store.read import store_graph

    return store_graph(path) if is_store(path) else load_graph(path)


@command()
@REPORTS
@STORE
@FILES_FROM
@GENRE
@DATE
@ENCODING
@BASE
@DECISIONS
@JOBS
def add(reports: tuple[str, ...], store_dir: Path, files_from: str | None, genre: str,
        date: str | None, encoding: str | None, base: str, decisions: Path | None,
        jobs: int | None) -> None:
    """Add REPORTS to a store: each its own named graph, once however often it is added;
    who is who is decided again across every report the store holds.

    Example:

        kg add reports/ --store corpus/ -j 2
    """
    from kg.reading.inputs import expand

    need_reports(reports, files_from, "add")
    paths = expand(reports, files_from)
    store = store_at(store_dir, base, jobs)
    if decisions is not None:
        store.keep_decisions(decisions)
    changes = store.add(paths, genre=genre, date=date, encoding=encoding)
    warn(changes.warnings)
    click.echo(summary(changes, store))


@command()
@click.argument("reports", nargs=-1, required=True)
@STORE
@JOBS
def remove(reports: tuple[str, ...], store_dir: Path, jobs: int | None) -> None:
    """Take REPORTS (file names or report keys) out of a store; who is who is decided again.

    Example:

        kg remove 2021-06-09.txt --store corpus/
    """
    from kg.store.layout import is_store

    if not is_store(store_dir):
        raise click.UsageError(f"{store_dir} is not a store; make one with kg add")
    store = store_at(store_dir, jobs=jobs)
    click.echo(summary(store.remove(list(reports)), store))


@command()
@STORE
def reports(store_dir: Path) -> None:
    """List the reports of a store: key, date, genre, file name, people.

    Example:

        kg reports --store corpus/
    """
    from kg.store.layout import is_store

    if not is_store(store_dir):
        raise click.UsageError(f"{store_dir} is not a store; make one with kg add")
    for entry in store_at(store_dir, jobs=1):
        click.echo(f"{entry.key}  {entry.date or '----------':<10}  {entry.genre:<14}  "
                   f"{entry.name}  ({len(entry.records)} people)")


def summary(changes: Changes, store: ReportStore) -> str:
    """What a change did, and what the store now holds."""
    lines = [f"added          {len(changes.added)}"]
    if changes.already:
        lines.append(f"already held   {len(changes.already)}")
    if changes.removed:
        lines.append(f"removed        {len(changes.removed)}")
    lines += [f"rewritten      {changes.rewritten}", f"reports        {len(store)}",
              f"people         {store.people()}"]  # statements: kg stats (a full count)
    return "\n".join(lines)
