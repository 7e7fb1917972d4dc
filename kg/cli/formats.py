"""The output formats the commands offer: every exporter, the view's network formats too
(asked for when needed: the exporters import rdflib, the view's networkx and more)."""

from __future__ import annotations


def formats() -> tuple[str, ...]:
    """The ``--format`` values of ``kg build``: every registered exporter."""
    from kg.rdf.export import EXPORTERS
    from kg.view.exports import TABLE_FORMATS  # noqa: F401 — registers graphml, popolo …

    return tuple(sorted(EXPORTERS))


def export_formats() -> tuple[str, ...]:
    """The ``--format`` values of ``kg export``: the exporters, and the tables (csv, xlsx)."""
    from kg.view.exports import TABLE_FORMATS

    return tuple(sorted((*formats(), *TABLE_FORMATS)))
