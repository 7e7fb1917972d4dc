"""The ``kg`` command: a thin layer over the library, a module per family of commands.

Each command parses its options, calls one library function and prints the result; the
library's errors become one line and an exit code in :mod:`kg.cli.errors`.
"""

from __future__ import annotations

import click

from kg.cli import build, graph, people, sparql, store, view
from kg.cli.errors import end_cleanly_on_termination


def _versions(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from kg.versions import versions

        click.echo(versions())
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_versions, help="Show kg's version and its data's, and exit.")
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
