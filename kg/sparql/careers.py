"""A person's career as a timeline: the ``careers`` query's rows, person by person."""

from __future__ import annotations

from itertools import groupby

from kg.sparql.catalogue import load_query
from kg.sparql.run import QueryResult

#: The named query a career is read with.
CAREERS = "careers"


def careers_query() -> str:
    """The SPARQL of the named query ``careers``."""
    return load_query(CAREERS)


def timeline(result: QueryResult, name: str) -> str:
    """Each person of the ``careers`` rows (namesakes apart), their posts by date: when
    first and last read, the post, in how many reports."""
    if not result.rows:
        return f"{name}: no post read in the graph"
    lines: list[str] = []
    column = {c: i for i, c in enumerate(result.columns)}
    for who, rows in groupby(result.rows, key=lambda r: r[column["who"]]):
        people = list(rows)
        lines += [""] if lines else []
        lines.append(f"{people[0][column['person']]}  {who}")
        for row in people:
            first, last = row[column["first"]] or "", row[column["last"]] or ""
            when = first if first == last else f"{first} – {last}"
            count = int(row[column["reports"]] or 0)
            lines.append(f"  {when or '(undated)':<25}  {row[column['organisation']]}"
                         f"{row[column['title']]}  ({count} report{'s' if count != 1 else ''})")
    return "\n".join(lines)
