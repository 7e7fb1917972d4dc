"""``kg people``: the people of a name across reports, and why kg holds them one or many."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.errors import command
from kg.cli.options import DECISIONS, FILES_FROM, PATH, REPORTS
from kg.defaults import AUTO

if TYPE_CHECKING:
    from kg.resolution import Identities, Identity, PersonRecord


@command()
@click.argument("name")
@REPORTS
@FILES_FROM
@click.option("--store", "store_dir", type=PATH,
              help="Ask a store (kg add) instead of reading REPORTS.")
@DECISIONS
def people(name: str, reports: tuple[str, ...], files_from: str | None,
           store_dir: Path | None, decisions: Path | None) -> None:
    """Show who NAME is in REPORTS (or a store): each person kg holds apart, the reports
    and posts of each, and why each report's mention was joined to the person.

    Write a decisions file (kg build --decisions) with the REPORT:PERSON keys shown:

        same       3f2a1b9c0d4e:p3   9a8b7c6d5e4f:p12
        different  3f2a1b9c0d4e:p3   77aa00bb11cc:p1

    Example:

        kg people 王伟 reports/ --decisions decisions.txt
    """
    from kg.pipeline import read_reports
    from kg.reading.inputs import expand
    from kg.resolution import Decisions, read_decisions, records, resolve_records
    from kg.store import ReportStore
    from kg.store.layout import base_of, is_store

    if store_dir is not None:
        if not is_store(store_dir):
            raise click.UsageError(f"{store_dir} is not a store; make one with kg add")
        store = ReportStore(store_dir, base=base_of(store_dir),  # your decisions, not kept
                            decisions=read_decisions(decisions) if decisions else None)
        files = {entry.key: entry.name for entry in store}
        click.echo(describe(name, store.records_of(name), files, store.identities({name})))
        return
    if not reports and files_from is None:
        raise click.UsageError("name the REPORTS to read, or give --store")
    read = read_reports(expand(reports, files_from), genre=AUTO)
    found = records(read)
    chosen = read_decisions(decisions) if decisions else Decisions()
    click.echo(describe(name, found, {r.key: r.name for r in read},
                        resolve_records(found, decisions=chosen)))


def describe(name: str, found: Sequence[PersonRecord], files: Mapping[str, str],
             identities: Identities) -> str:
    """The people of ``name`` as the resolver holds them, with the evidence."""
    chosen = sorted({i.key: i for i in identities.people if i.name == name}.values(),
                    key=lambda i: i.records)
    if not chosen:
        return f"{name}: named in none of the {len(files)} reports"
    by_ref = {r.ref: r for r in found if r.name == name}
    lines = [f"{name}: {len(chosen)} {'person' if len(chosen) == 1 else 'people'} "
             f"in {len(files)} reports"]
    for identity in chosen:
        lines += _person(identity, by_ref, files)
    return "\n".join(lines)


def _person(identity: Identity, by_ref: Mapping[tuple[str, str], PersonRecord],
            files: Mapping[str, str]) -> list[str]:
    why = {(m.report, m.person): m.reason for m in identity.evidence}
    lines = ["", f"person {identity.key}"]
    for ref in identity.records:
        record = by_ref[ref]
        posts = "、".join(dict.fromkeys(p.org + p.title for p in record.posts)) or "(no post)"
        year = record.year if record.year is not None else "----"
        lines.append(f"  {ref[0]}:{ref[1]:<4} {year}  {files[ref[0]]}  {posts}")
        if ref in why:
            lines.append(f"      joined: {why[ref]}")
    return lines
