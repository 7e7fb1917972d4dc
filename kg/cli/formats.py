"""The output formats the commands offer: every exporter, the view's network formats too."""

from __future__ import annotations

from kg.rdf.export import EXPORTERS
from kg.view.exports import TABLE_FORMATS  # importing it registers graphml, popolo, ties …

#: The ``--format`` values of ``kg build``: every registered exporter.
FORMATS = tuple(sorted(EXPORTERS))
#: The ``--format`` values of ``kg export``: the exporters, and the tables (csv, xlsx).
EXPORT_FORMATS = tuple(sorted((*EXPORTERS, *TABLE_FORMATS)))
