"""Read-only SPARQL on a knowledge graph: named queries, running them, their formats, serving.

The modules, each with one job:

- :mod:`~kg.sparql.catalogue`: the bundled ``.rq`` queries, their descriptions and parameters;
- :mod:`~kg.sparql.check`: refusing updates, SERVICE and FROM, and saying where a query is
  malformed;
- :mod:`~kg.sparql.run`: running a query (pyoxigraph) on a store or an rdflib graph, with its
  parameters bound;
- :mod:`~kg.sparql.results`: the output formats (table, CSV, TSV, JSON), by name;
- :mod:`~kg.sparql.endpoint`: the SPARQL 1.1 Protocol, request in, response out;
- :mod:`~kg.sparql.server`: the endpoint over HTTP.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.sparql.catalogue import format_query_list, load_query, named_queries
    from kg.sparql.check import check_query
    from kg.sparql.endpoint import Endpoint
    from kg.sparql.results import FORMATTERS, format_result
    from kg.sparql.run import QueryResult, run_query, run_store_query
    from kg.sparql.server import (
        DEFAULT_HOST,
        DEFAULT_PORT,
        SparqlServer,
        make_server,
        serve_forever,
    )

#: Where each name this package offers is defined: imported when first asked for, so that
#: what needs one module (the query list) does not load the others (the server, rdflib).
_HOMES = {
    "format_query_list": "catalogue", "load_query": "catalogue", "named_queries": "catalogue",
    "check_query": "check", "Endpoint": "endpoint", "FORMATTERS": "results",
    "format_result": "results", "QueryResult": "run", "run_query": "run",
    "run_store_query": "run", "DEFAULT_HOST": "server", "DEFAULT_PORT": "server",
    "SparqlServer": "server", "make_server": "server", "serve_forever": "server",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)


__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "FORMATTERS",
    "Endpoint",
    "QueryResult",
    "SparqlServer",
    "check_query",
    "format_query_list",
    "format_result",
    "load_query",
    "make_server",
    "named_queries",
    "run_query",
    "run_store_query",
    "serve_forever",
]
