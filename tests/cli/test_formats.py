"""The formats the commands offer: every exporter, the view's too."""

from __future__ import annotations

from kg.cli.formats import formats
from kg.rdf.export import EXPORTERS
from tests.cli.common import run


def test_every_exporter_is_offered_and_help_says_so() -> None:
    assert {"graphml", "gexf", "turtle", "json-ld"} <= set(formats())
    assert list(formats()) == sorted(EXPORTERS)
    assert "graphml" in run("export", "--help").stdout
