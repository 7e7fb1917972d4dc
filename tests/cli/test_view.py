"""The ``kg view`` and ``kg stats`` commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.view import stats as stats_command
from kg.cli.view import view
from tests.view.helpers import SMALL as FIXTURE
from tests.view.helpers import nodes_and_edges
from tests.view.test_stats import EXPECTED_TABLE

# ------------------------------------------------------------------------------- kg view


@pytest.fixture()
def small_ttl(tmp_path: Path) -> Path:
    path = tmp_path / "small.ttl"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.mark.parametrize(("args", "message", "count"), [
    (["--around", "wang yi", "--depth", "1"], "4 nodes, 3 edges", 4),
    (["--group", "常州学习组"], "13 nodes, 14 edges", 13),
    (["--place", "常州市"], "7 nodes, 7 edges", 7),
    ([], "14 nodes, 15 edges", 14),
])
def test_kg_view_writes_one_page(small_ttl: Path, tmp_path: Path, args: list[str], message: str,
                                 count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out" / "view.html"
    result = CliRunner().invoke(view, [str(small_ttl), *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out} ({message})\n"
    nodes, _ = nodes_and_edges(out.read_text(encoding="utf-8"))
    assert len(nodes) == count
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "small.ttl"]
    assert [p.name for p in out.parent.iterdir()] == ["view.html"]


def test_kg_view_unknown_name_is_one_error_line(small_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(view, [str(small_ttl), "--place", "常州", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == ("Error: no place named '常州' in the graph; "
                             "close matches: 常州市\n")
    assert not out.exists()


def test_kg_view_usage_errors(small_ttl: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "v.html")
    both = CliRunner().invoke(view, [str(small_ttl), "--group", "a", "--place", "b", "-o", out])
    assert both.exit_code == 2 and "at most one of --around, --group and --place" in both.stderr
    missing = CliRunner().invoke(view, [str(tmp_path / "nope.ttl"), "-o", out])
    assert missing.exit_code == 1 and "no such graph file" in missing.stderr  # as in kg query
    depth = CliRunner().invoke(view, [str(small_ttl), "--around", "王一", "--depth", "-1",
                                      "-o", out])
    assert depth.exit_code == 2


def test_kg_view_help_has_an_example() -> None:
    result = CliRunner().invoke(view, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout and "--around" in result.stdout


# ------------------------------------------------------------------------------ kg stats


def test_kg_stats_prints_the_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(stats_command, [str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert result.stdout == EXPECTED_TABLE


def test_kg_stats_top(tmp_path: Path) -> None:
    result = CliRunner().invoke(stats_command, [str(FIXTURE), "--top", "1"])
    assert result.exit_code == 0
    assert "  浙江省总工会  organisation 3\n" in result.stdout
    assert "王一" not in result.stdout.split("bridges")[0]


def test_kg_stats_errors(tmp_path: Path) -> None:
    missing = CliRunner().invoke(stats_command, [str(tmp_path / "nope.ttl")])
    assert missing.exit_code == 1 and "no such graph file" in missing.stderr  # as in kg query
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(stats_command, [str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_kg_stats_help_has_an_example() -> None:
    result = CliRunner().invoke(stats_command, ["--help"])
    assert "Example:" in result.stdout and "kg stats output/graph.ttl" in result.stdout
