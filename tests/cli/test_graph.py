"""``kg export`` and ``kg validate`` at the terminal."""

from __future__ import annotations

from pathlib import Path

import rdflib
from click.testing import Result

from tests.cli.common import assert_one_error_line, run


def test_export_to_standard_output_and_to_a_file(built: tuple[Path, Result],
                                                 tmp_path: Path) -> None:
    graph = built[0] / "graph.ttl"
    printed = run("export", graph, "-f", "nt")
    assert printed.exit_code == 0
    out = tmp_path / "sub" / "graph.nt"
    written = run("export", graph, "-f", "nt", "-o", out)
    assert (written.exit_code, written.stdout) == (0, "")
    assert out.read_text(encoding="utf-8") == printed.stdout
    assert len(rdflib.Graph().parse(out, format="nt")) == len(rdflib.Graph().parse(graph))


def test_validate_conforms_and_says_so(built: tuple[Path, Result]) -> None:
    result = run("validate", built[0] / "graph.ttl")
    assert (result.exit_code, result.stdout) == (0, "Conforms: 0 violations.\n")


def test_export_of_what_is_not_rdf_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle", encoding="utf-8")
    assert_one_error_line(run("export", bad, "-f", "nt"), "not a readable turtle graph")
