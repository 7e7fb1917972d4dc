"""The output formats the commands offer: every exporter, the view's network formats too."""

from __future__ import annotations

from kg.rdf.export import EXPORTERS
from kg.view import exports as _network_exports  # noqa: F401 — registers graphml and gexf

#: The ``--format`` values of ``kg build`` and ``kg export``.
FORMATS = tuple(sorted(EXPORTERS))
