"""The ``kg`` command: a thin layer over the library."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.errors import KGError
from kg.extraction import AUTO, GENRES
from kg.extraction.genres import get_genre
from kg.pipeline import DEFAULT_FORMATS
from kg.pipeline import build as run_build
from kg.rdf.export import EXPORTERS, convert
from kg.rdf.io import load_graph
from kg.rdf.namespace import DEFAULT_BASE
from kg.rdf.validate import validate as check_shapes
from kg.sparql import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    FORMATTERS,
    format_query_list,
    format_result,
    load_query,
    make_server,
    run_query,
    serve_forever,
)
from kg.view import exports as _network_exports  # noqa: F401 — registers graphml and gexf

F = TypeVar("F", bound=Callable[..., Any])


def _errors(function: F) -> F:
    """Turn the library's errors into one line on stderr and exit code 1."""
    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except KGError as error:
            raise click.ClickException(str(error)) from error
    return wrapper  # type: ignore[return-value]


def _year(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:  # a real calendar date: no month 13, no 30 February
        if match:
            date(*(int(part or 1) for part in match.groups()))
    except ValueError:
        match = None
    if not match or not 1949 <= int(match.group(1)) <= 2100:
        raise click.BadParameter(f"{value!r} is not a date; give YYYY or YYYY-MM-DD")
    return int(match.group(1))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph from Chinese reports on official meetings.

    Example:

        kg build data/transcript.txt -o output/
    """


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Directory to write graph.ttl, graph.jsonld and graph.html into.")
@click.option("--date", "year", callback=_year, metavar="YYYY[-MM-DD]",
              help="When the reports were written (default: inferred from the places named).")
@click.option("--base", default=DEFAULT_BASE, show_default=True,
              help="Base IRI for the graph's resources.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(sorted(EXPORTERS)),
              help="RDF formats to write, repeatable (default: turtle and json-ld).")
@click.option("-g", "--genre", default=AUTO, show_default=True,
              type=click.Choice([AUTO, *sorted(GENRES)]),
              help="The kind of report (kg genres lists them); auto: each report's marks choose.")
@_errors
def build(files: tuple[Path, ...], out_dir: Path, year: int | None, base: str,
          formats: tuple[str, ...], genre: str) -> None:
    """Read report FILES and write the graph (Turtle, JSON-LD …) and its view (HTML).

    Example:

        kg build data/transcript.txt -o output/ --date 2015 -f turtle -f trig
    """
    summary = run_build(list(files), out_dir, genre=genre, year=year, base=base,
                        formats=formats or DEFAULT_FORMATS)
    used = ", ".join(name if n == 1 else f"{name} ×{n}" for name, n in summary.genres)
    click.echo(f"genre          {used}{' (auto)' if summary.detected else ''}")
    click.echo(f"people         {summary.people}")
    click.echo(f"posts          {summary.posts}")
    click.echo(f"organisations  {summary.organisations}")
    click.echo(f"places         {summary.places}")
    click.echo(f"groups         {summary.groups}")
    click.echo(f"quotations     {summary.quotations}")
    click.echo(f"triples        {summary.triples}")
    for path in summary.files:
        click.echo(f"wrote {path}")


@cli.command()
def genres() -> None:
    """List the kinds of report kg reads, and what marks each.

    Example:

        kg genres
    """
    width = max(len(name) for name in GENRES)
    for name in sorted(GENRES):
        click.echo(f"{name:<{width}}  {get_genre(name).description}")


@cli.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(sorted(EXPORTERS)),
              help="The RDF format to write.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path),
              help="The file to write (default: standard output).")
@_errors
def export(graph_path: Path, fmt: str, out: Path | None) -> None:
    """Write the graph file GRAPH in another RDF format.

    Example:

        kg export output/graph.trig -f nquads -o output/graph.nq
    """
    text = convert(graph_path, fmt, out)
    if text is not None:
        sys.stdout.write(text)


def _params(_ctx: click.Context, _param: click.Parameter,
            values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for value in values:
        name, equals, text = value.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"{value!r} is not KEY=VALUE")
        if name in params:
            raise click.BadParameter(f"{name!r} is given twice")
        params[name] = text
    return params


@cli.command()
@click.argument("query", required=False)
@click.option("-g", "--graph", "graph_path", default="output/graph.ttl", show_default=True,
              type=click.Path(path_type=Path), help="The graph to query.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="table",
              show_default=True, help="How to print the answer.")
@click.option("-p", "--param", "params", multiple=True, callback=_params, metavar="KEY=VALUE",
              help="A value for a parameter of the query (repeatable).")
@click.option("--list", "list_queries", is_flag=True,
              help="List the bundled queries, what each answers and its parameters.")
@_errors
def query(query: str | None, graph_path: Path, fmt: str, params: dict[str, str],
          list_queries: bool) -> None:
    """Answer QUERY: SPARQL text, a .rq file, or the name of a bundled query.

    Example:

        kg query --list

        kg query group-roster --param group=杭州、湖州学习组 --format csv
    """
    if list_queries:
        click.echo(format_query_list())
    elif query is None:
        raise click.UsageError("Missing argument 'QUERY'.")
    else:
        click.echo(format_result(run_query(load_graph(graph_path), load_query(query), params), fmt))


@cli.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="The address to listen on (0.0.0.0 lets other machines query the graph).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="The port to listen on; 0 picks a free one.")
@click.option("--cors", is_flag=True,
              help="Let web pages from any origin (such as YASGUI) read the answers.")
@_errors
def serve(graph_path: Path, host: str, port: int, cors: bool) -> None:
    """Answer SPARQL queries on GRAPH over HTTP (SPARQL 1.1 Protocol, read-only) until Ctrl-C.

    Example:

        kg serve output/graph.ttl --port 7878

        curl -H 'Accept: text/csv' http://127.0.0.1:7878/sparql --data-urlencode 'query=ASK {}'
    """
    server = make_server(graph_path, host, port, cors=cors)
    click.echo(f"Serving {graph_path} ({len(server.endpoint)} triples) at {server.url}")
    serve_forever(server)


@cli.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@_errors
def validate(graph_path: Path) -> None:
    """Check GRAPH against the project's SHACL shapes; exit 1 if it does not conform.

    Example:

        kg validate output/graph.ttl
    """
    report = check_shapes(load_graph(graph_path))
    click.echo(report.text, nl=False)
    if not report.conforms:
        sys.exit(1)


from kg.cli_view import stats, view  # noqa: E402 — commands kept in their own module

cli.add_command(view)
cli.add_command(stats)
