"""``kg view`` and ``kg stats``: the graph drawn, or measured as a network."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.errors import command
from kg.cli.options import FILE, PATH, output_file
from kg.cli.store import graph_at

_GRAPH = PATH


@command()
@click.argument("graph_path", metavar="GRAPH", type=_GRAPH)
@click.option("-o", "--output", required=True, type=FILE, callback=output_file,
              help="The HTML file to write (-: standard output).")
@click.option("--around", "around_name", metavar="NAME",
              help="Only the neighbourhood of this person or organisation (name or pinyin).")
@click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
              help="How many edges out from --around to go.")
@click.option("--group", metavar="GROUP", help="Only this group (a study group …), its people, "
              "their organisations and places.")
@click.option("--place", metavar="PLACE", help="Only the organisation tree of this place: "
              "its places, their organisations, units and post holders.")
@click.option("--title", help="The page title (default: what is drawn).")
def view(graph_path: Path, output: Path | None, around_name: str | None, depth: int,
         group: str | None, place: str | None, title: str | None) -> None:
    """Draw GRAPH, or part of it, as one HTML page that opens offline.

    Example:

        kg view output/graph.ttl --around "wang yi" --depth 2 -o wang-yi.html

        kg view output/graph.ttl --group 杭州、湖州学习组 -o group.html

        kg view output/graph.ttl --place 杭州市 -o hangzhou.html
    """
    from kg.files import write_atomically
    from kg.view.page import view_page

    if sum(x is not None for x in (around_name, group, place)) > 1:
        raise click.UsageError("give at most one of --around, --group and --place")
    page = view_page(graph_at(graph_path), around_name=around_name, depth=depth,
                     group=group, place=place, title=title)
    if output is None:
        sys.stdout.buffer.write(page.html.encode("utf-8"))
        return
    write_atomically(output.parent, {output.name: page.html})
    click.echo(f"wrote {output} ({page.nodes} nodes, {page.edges} edges)")


@command()
@click.argument("graph_path", metavar="GRAPH", type=_GRAPH)
@click.option("--top", type=click.IntRange(1, 100), default=5, show_default=True,
              help="How many people and organisations to rank.")
def stats(graph_path: Path, top: int) -> None:
    """Count GRAPH's nodes and edges, rank who is most connected and who bridges groups.

    Example:

        kg stats output/graph.ttl --top 10
    """
    from kg.view.stats import format_stats, graph_stats

    click.echo(format_stats(graph_stats(graph_at(graph_path), top=top)))
