"""``kg query`` and ``kg serve``: SPARQL on a graph, at the terminal or over HTTP."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.errors import command
from kg.cli.options import PATH, Choices
from kg.cli.store import graph_at
from kg.defaults import DEFAULT_HOST, DEFAULT_PORT, STDIN

if TYPE_CHECKING:
    from kg.sparql import QueryResult


def _named(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    """The bundled queries' names, for the shell to complete QUERY with."""
    from kg.sparql.catalogue import named_queries

    return [name for name in sorted(named_queries()) if name.startswith(incomplete)]


def _formatters() -> list[str]:
    from kg.sparql.results import FORMATTERS

    return sorted(FORMATTERS)


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


@command()
@click.argument("query", required=False, shell_complete=_named)
@click.option("-g", "--graph", "graph_path", default="output/graph.ttl", show_default=True,
              type=PATH,
              help="The graph to query: a graph file, or a store (kg add).")
@click.option("-f", "--format", "fmt", type=Choices(_formatters), default="table",
              show_default=True, help="How to print the answer.")
@click.option("-p", "--param", "params", multiple=True, callback=_params, metavar="KEY=VALUE",
              help="A value for a parameter of the query (repeatable).")
@click.option("--list", "list_queries", is_flag=True,
              help="List the bundled queries, what each answers and its parameters.")
def query(query: str | None, graph_path: Path, fmt: str, params: dict[str, str],
          list_queries: bool) -> None:
    """Answer QUERY: SPARQL text, a .rq file, the name of a bundled query, or - (the text
    on standard input). The graph may be - too (not both).

    Example:

        kg query --list

        kg query group-roster --param group=杭州、湖州学习组 --format csv

        kg build report.txt -o - -f nt | kg query posts -g -
    """
    from kg.sparql.catalogue import format_query_list, load_query

    if list_queries:
        click.echo(format_query_list())
    elif query is None:
        raise click.UsageError("Missing argument 'QUERY'.")
    elif query == STDIN and str(graph_path) == STDIN:
        raise click.UsageError("standard input is read once: give the query or the graph "
                               "as -, not both")
    else:
        from kg.sparql.results import format_result

        text = sys.stdin.read() if query == STDIN else query
        click.echo(format_result(answer(graph_path, load_query(text), params), fmt))


def answer(path: Path, sparql: str, params: dict[str, str]) -> QueryResult:
    """The answer of a graph file or a store, by pyoxigraph (a store's reports, or a file's
    named graphs, read as one graph)."""
    from kg.rdf.io import load_store
    from kg.sparql.run import run_store_query
    from kg.store.layout import base_of, is_store, open_store, prefixes

    if is_store(path):
        return run_store_query(open_store(path), sparql, params, prefixes(base_of(path)))
    store, declared = load_store(path)
    return run_store_query(store, sparql, params, {**prefixes(None), **declared})


@command()
@click.argument("name")
@click.option("-g", "--graph", "graph_path", default="output/graph.ttl", show_default=True,
              type=PATH,
              help="The graph to read: a graph file, or a store (kg add).")
def career(name: str, graph_path: Path) -> None:
    """Print NAME's career: each post read, when first and last (the dates of the
    reports), in how many reports; namesakes apart.

    Example:

        kg career 王伟 -g corpus/
    """
    from kg.sparql.careers import careers_query, timeline

    click.echo(timeline(answer(graph_path, careers_query(), {"person": name}), name))


@command()
@click.argument("graph_path", metavar="GRAPH", type=PATH)
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="The address to listen on (0.0.0.0 lets other machines query the graph).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="The port to listen on; 0 picks a free one.")
@click.option("--cors", is_flag=True,
              help="Let web pages from any origin (such as YASGUI) read the answers.")
def serve(graph_path: Path, host: str, port: int, cors: bool) -> None:
    """Answer SPARQL queries on GRAPH over HTTP (SPARQL 1.1 Protocol, read-only) until Ctrl-C.

    Example:

        kg serve output/graph.ttl --port 7878

        curl -H 'Accept: text/csv' http://127.0.0.1:7878/sparql --data-urlencode 'query=ASK {}'
    """
    from kg.sparql.endpoint import Endpoint
    from kg.sparql.server import make_server, serve_forever
    from kg.store.layout import base_of, is_store, open_store, prefixes

    if is_store(graph_path):  # answered on disk, each report's named graph kept
        endpoint = Endpoint.on_store(open_store(graph_path), prefixes(base_of(graph_path)))
        server = make_server(graph_path, host, port, cors=cors, endpoint=endpoint)
    else:
        server = make_server(graph_path, host, port, cors=cors, graph=graph_at(graph_path))
    click.echo(f"Serving {graph_path} ({len(server.endpoint)} triples) at {server.url}")
    serve_forever(server)
