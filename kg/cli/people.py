"""``kg people``: the people of a name across reports, and why kg holds them one or many."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from kg.cli.errors import command
from kg.extraction import AUTO
from kg.model import Report
from kg.pipeline import read_reports
from kg.reading.inputs import expand
from kg.resolution import Decisions, Identity, read_decisions, records, resolve


@command()
@click.argument("name")
@click.argument("reports", nargs=-1, required=True)
@click.option("--files-from", metavar="LIST",
              help="Also read the reports LIST names, one path a line (-: standard input).")
@click.option("--decisions", type=click.Path(path_type=Path, dir_okay=False),
              help="Your own decisions on who is who, which override kg's.")
def people(name: str, reports: tuple[str, ...], files_from: str | None,
           decisions: Path | None) -> None:
    """Show who NAME is in REPORTS: each person kg holds apart, the reports and posts of
    each, and why each report's mention was joined to the person.

    Write a decisions file (kg build --decisions) with the REPORT:PERSON keys shown:

        same       3f2a1b9c0d4e:p3   9a8b7c6d5e4f:p12
        different  3f2a1b9c0d4e:p3   77aa00bb11cc:p1

    Example:

        kg people 王伟 reports/ --decisions decisions.txt
    """
    read = read_reports(expand(reports, files_from), genre=AUTO)
    chosen = read_decisions(decisions) if decisions else Decisions()
    click.echo(describe(name, read, chosen))


def describe(name: str, reports: Sequence[Report], decisions: Decisions) -> str:
    """The people of ``name`` as the resolver holds them, with the evidence."""
    identities = resolve(reports, decisions=decisions)
    found = sorted({i.key: i for i in identities.people if i.name == name}.values(),
                   key=lambda i: i.records)
    if not found:
        return f"{name}: named in none of the {len(reports)} reports"
    lines = [f"{name}: {len(found)} {'person' if len(found) == 1 else 'people'} "
             f"in {len(reports)} reports"]
    for identity in found:
        lines += _person(identity, reports)
    return "\n".join(lines)


def _person(identity: Identity, reports: Sequence[Report]) -> list[str]:
    by_ref = {r.ref: r for r in records([rep for rep in reports
                                         if any(ref[0] == rep.key for ref in identity.records)])}
    files = {r.key: r.name for r in reports}
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
