"""``kg export`` and ``kg validate``: a graph file in another format, or checked."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.errors import NONCONFORMING, Failure, command
from kg.cli.formats import export_formats
from kg.cli.options import PATH, Choices, output_file
from kg.cli.store import graph_at


@command()
@click.argument("graph_path", metavar="GRAPH", type=PATH)
@click.option("-f", "--format", "fmt", required=True, type=Choices(export_formats),
              help="The format to write: an RDF format, a network (graphml, gexf, "
                   "ties-graphml), ties-csv, popolo, or the tables (csv, xlsx).")
@click.option("-o", "--output", "out", type=PATH, callback=output_file,
              help="The file to write (default or -: standard output); for csv, the "
                   "directory.")
def export(graph_path: Path, fmt: str, out: Path | None) -> None:
    """Write the graph file (or store) GRAPH in another format.

    csv writes people.csv, memberships.csv, organisations.csv and reports.csv into the
    directory -o names; xlsx writes the same tables as the sheets of one workbook.

    Example:

        kg export output/graph.trig -f nquads -o output/graph.nq

        kg export output/graph.ttl -f csv -o output/tables/
    """
    from kg.rdf.export import convert, serialise_graph
    from kg.store.layout import is_store
    from kg.store.read import STORE_FORMATS, dump
    from kg.view.exports import TABLE_FORMATS, write_tables

    if fmt in TABLE_FORMATS:
        if out is None and fmt == "csv":
            raise Failure("csv writes four files: name their directory with -o DIR")
        if out is None and sys.stdout.isatty():
            raise Failure("xlsx is binary: name a file with -o FILE, or pipe the output")
        data = write_tables(graph_at(graph_path), fmt, out)
        if data is not None:
            sys.stdout.buffer.write(data)
        return
    if is_store(graph_path) and fmt in STORE_FORMATS:
        data = dump(graph_path, fmt, out)
        if data is not None:
            sys.stdout.buffer.write(data)
        return
    text = convert(graph_path, fmt, out) if not is_store(graph_path) else \
        serialise_graph(graph_at(graph_path), fmt, out)
    if text is not None:
        sys.stdout.write(text)


@command()
@click.argument("graph_path", metavar="GRAPH", type=PATH)
@click.pass_context
def validate(ctx: click.Context, graph_path: Path) -> None:
    """Check GRAPH against the project's SHACL shapes; exit 1 if it does not conform.

    Example:

        kg validate output/graph.ttl
    """
    from kg.rdf.validate import validate as check_shapes

    report = check_shapes(graph_at(graph_path))
    click.echo(report.text, nl=False)
    if not report.conforms:
        ctx.exit(NONCONFORMING)
