"""The one tree of errors the library raises; the CLI turns each into one line and exit 1."""

from __future__ import annotations


class KGError(Exception):
    """Something the user can fix went wrong."""


class InputError(KGError):
    """An input file is missing, empty, binary or not UTF-8 text."""


class OutputError(KGError):
    """An output file or directory cannot be written."""


class QueryError(KGError):
    """A SPARQL query is malformed or cannot be run."""


class DataError(KGError):
    """A bundled data file is missing or malformed."""


class GenreError(KGError):
    """No genre has the name asked for, or none can read the report."""


class ServeError(KGError):
    """The SPARQL endpoint cannot listen on the address given."""


class NodeNotFoundError(KGError):
    """No node of the graph has the name asked for."""


class AmbiguousNameError(KGError):
    """Several nodes of the graph have the name asked for."""
