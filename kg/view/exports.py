"""Formats other tools read, made from the graph above the RDF layer.

Registered in :data:`kg.rdf.export.EXPORTERS` (so ``kg build -f`` and ``kg export -f`` offer
them): the network of people, organisations, places and groups as GraphML and GEXF, for
Gephi and Cytoscape (``graphml``, ``gexf``); the people, organisations and memberships as
Popolo JSON (``popolo``); the ties between people (:mod:`kg.view.ties`) as an edge list
(``ties-csv``) and as GraphML (``ties-graphml``).

Not registered, as they are not one text: the tables of :mod:`kg.view.tables` as four CSV
files in a directory (``csv``) and as an Excel workbook (``xlsx``), written by
:func:`write_tables` (``kg export`` only).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
import xlsxwriter

from kg.errors import OutputError
from kg.files import replace_atomically, write_atomically
from kg.rdf.export import Statements, exporter
from kg.view.kinds import edge_names
from kg.view.network import to_networkx
from kg.view.tables import COLUMNS, MembershipRow, Tables, read_tables, table_rows
from kg.view.ties import ties, ties_csv, ties_graphml

#: The formats made of tables that the exporters' registry cannot hold (a directory, bytes).
TABLE_FORMATS = ("csv", "xlsx")

# XlsxWriter stamps a workbook with the time it was made: a fixed one keeps the bytes the same
_CREATED = datetime(2000, 1, 1)


def _network_file(statements: Statements, writer: Callable[..., None]) -> str:
    """The graph as networkx sees it, written by one of networkx's writers: one edge per
    pair (for Gephi), every edge labelled (by its kind's name where the graph gives it
    none: 服务地区, 属于 …), the IRI as ``iri`` (``id`` is the file's own: igraph and
    Gephi read it as the node's)."""
    network = nx.DiGraph(to_networkx(statements.graph))
    names = edge_names(network.graph.get("group_kind", ""))
    for _, _, data in network.edges(data=True):
        data["label"] = data["label"] or names[data["kind"]]
    for _, data in network.nodes(data=True):
        data["iri"] = data.pop("id")
    buffer = io.BytesIO()
    writer(network, buffer)
    return buffer.getvalue().decode("utf-8")


@exporter("graphml", "graphml")
def _graphml(statements: Statements) -> str:
    return _network_file(statements, nx.write_graphml)


@exporter("gexf", "gexf")
def _gexf(statements: Statements) -> str:
    return _network_file(statements, nx.write_gexf)


@exporter("popolo", "popolo.json")
def _popolo(statements: Statements) -> str:
    data = popolo(read_tables(statements.graph))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@exporter("ties-csv", "ties.csv")
def _ties_csv(statements: Statements) -> str:
    return ties_csv(ties(statements.graph))


@exporter("ties-graphml", "ties.graphml")
def _ties_graphml(statements: Statements) -> str:
    return ties_graphml(ties(statements.graph))


def csv_files(tables: Tables) -> dict[str, str]:
    """Each table as CSV text (a header row, then the rows), by file name."""
    files = {}
    for name, columns in COLUMNS.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if cell is None else cell for cell in row]
                         for row in table_rows(tables, name))
        files[f"{name}.csv"] = buffer.getvalue()
    return files


def xlsx_bytes(tables: Tables) -> bytes:
    """The four tables as the sheets of one Excel workbook (text stays text, never a
    formula or a number; the header row is frozen and filters are on)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"created": _CREATED})
    bold = book.add_format({"bold": True})
    for name, columns in COLUMNS.items():
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, columns, bold)
        rows = table_rows(tables, name)
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row):
                if isinstance(cell, int):
                    sheet.write_number(r, c, cell)
                elif cell:
                    sheet.write_string(r, c, cell)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(columns) - 1)
    book.close()
    return buffer.getvalue()


def popolo(tables: Tables) -> dict[str, list[dict[str, Any]]]:
    """The people, organisations and memberships as Popolo JSON
    (https://www.popoloproject.com/specs/).

    A membership's ``start_date`` and ``end_date`` are the dates of the first and last
    reports it was read in, not the dates its tenure began and ended; its ``sources`` are
    every reading (the report's URL, else the IRI of the characters read, and a note
    ``file: characters begin–end``).
    """
    def other_names(*names: tuple[str, str]) -> dict[str, Any]:
        kept = [{"name": name, "note": note} for name, note in names if name]
        return {"other_names": kept} if kept else {}

    def identifiers(iri: str) -> list[dict[str, str]]:
        return [{"scheme": "kg", "identifier": iri}]

    persons = [{"id": p.id, "name": p.name,
                **other_names((p.pinyin, "pinyin"), (p.simplified, "simplified")),
                "identifiers": identifiers(p.iri)} for p in tables.people]
    organizations = [{"id": o.id, "name": o.name, **other_names((o.pinyin, "pinyin")),
                      **({"classification": o.kind} if o.kind else {}),
                      **({"parent_id": o.parent_id} if o.parent_id else {}),
                      "identifiers": identifiers(o.iri)} for o in tables.organisations]
    memberships = [_popolo_membership(m) for m in tables.memberships]
    return {"persons": persons, "organizations": organizations, "memberships": memberships}


def _popolo_membership(row: MembershipRow) -> dict[str, Any]:
    dates = {key: value for key, value in (("start_date", row.first_seen),
                                           ("end_date", row.last_seen)) if value}
    sources = [{"url": r.url or r.phrase, "note": (r.file or r.report_id) + (
                    f": characters {r.begin}–{r.end}" if r.begin is not None else "")}
               for r in row.readings]
    return {"id": row.id, "label": row.label or f"{row.organisation}{row.title}",
            "role": row.title, "person_id": row.person_id,
            "organization_id": row.organisation_id, **dates, "sources": sources}


def write_tables(graph: rdflib.Graph, fmt: str, out: Path | None) -> bytes | None:
    """Write a graph's tables in ``fmt`` (one of :data:`TABLE_FORMATS`): ``csv`` as four
    files in the directory ``out``, all or none; ``xlsx`` as the workbook ``out`` (renamed
    into place once whole), or return the workbook's bytes when ``out`` is None.

    Raises:
        OutputError: ``out`` cannot be written, or ``csv`` was given no directory.
    """
    tables = read_tables(graph)
    if fmt == "csv":
        if out is None:
            raise OutputError("csv writes four files: name their directory with -o DIR")
        write_atomically(out, csv_files(tables))
        return None
    data = xlsx_bytes(tables)
    if out is None:
        return data
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out.parent}: cannot create the output directory "
                          f"({error.strerror or error})") from error
    replace_atomically(out, lambda name: Path(name).write_bytes(data))
    return None
