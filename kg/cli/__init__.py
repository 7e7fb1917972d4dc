"""The ``kg`` command: a thin layer over the library, a module per family of commands.

Each command parses its options, calls one library function and prints the result; the
library's errors become one line and an exit code in :mod:`kg.cli.errors`.
"""

from __future__ import annotations

import click

from kg import __version__
from kg.cli import build, graph, people, sparql, store, view
from kg.cli.errors import end_cleanly_on_termination


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph from Chinese reports on official meetings.

    Example:

        kg build data/transcript.txt -o output/
    """
    end_cleanly_on_termination()


for command in (build.build, build.genres, store.add, store.remove, store.reports,
                people.people, sparql.career, graph.export, graph.validate, sparql.query,
                sparql.serve, view.view, view.stats):
    cli.add_command(command)
