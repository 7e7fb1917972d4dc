"""The command starts fast: ``kg --help`` and ``kg query --list`` load only what they use
(the time itself is measured by bench/startup.py, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("rdflib", "pyoxigraph", "networkx", "pypinyin", "jinja2", "pyshacl", "numpy",
         "kg.extraction", "kg.store", "kg.view")


def loaded(*args: str) -> set[str]:
    """The heavy modules loaded by running ``kg ARGS``."""
    code = ("import sys, runpy\nsys.argv = ['kg', *sys.argv[1:]]\ntry:\n"
            "    runpy.run_module('kg', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, check=True)
    return set(eval(done.stderr.strip().splitlines()[-1]))  # noqa: S307 — our own output


@pytest.mark.parametrize("args", [("--help",), ("genres", "--help"), ("serve", "--help"),
                                  ("people", "--help")])
def test_help_loads_none_of_the_library(args: tuple[str, ...]) -> None:
    assert loaded(*args) == set()


def test_the_query_list_loads_no_more_than_the_queries_need() -> None:
    # the result formats' names (their module formats pyoxigraph's terms), not the view, the
    # extraction or the store
    assert loaded("query", "--list") <= {"pyoxigraph"}


def test_a_query_loads_no_rdflib(tmp_path: Path) -> None:
    graph = tmp_path / "g.nt"
    graph.write_text('<urn:s> <http://xmlns.com/foaf/0.1/name> "王一"@zh .\n', encoding="utf-8")
    query = "SELECT ?n WHERE { ?s foaf:name ?n }"
    assert loaded("query", query, "-g", str(graph)) == {"pyoxigraph", "kg.store"}
    # a malformed query is told where by rdflib's parser, loaded then
    assert "rdflib" in loaded("query", "SELECT ?n WHERE { ?s }", "-g", str(graph))


def test_a_command_that_runs_loads_what_it_needs() -> None:  # the check above can fail
    assert "kg.extraction" in loaded("genres")
