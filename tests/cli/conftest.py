"""The bundled report built once, for the CLI tests that only read the output."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import Result

from tests.cli.common import TRANSCRIPT, run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """The transcript built once for the tests that only read the output."""
    out = tmp_path_factory.mktemp("built") / "out"
    result = run("build", TRANSCRIPT, "-o", out)
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture(scope="module")
def turtle_graph(built: tuple[Path, Result]) -> rdflib.Graph:
    return rdflib.Graph().parse(built[0] / "graph.ttl", format="turtle")
