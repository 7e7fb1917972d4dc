"""Export formats: every one reads back to the same statements; quads keep reports apart."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli
from kg.rdf.export import EXPORTERS

ROOT = Path(__file__).resolve().parents[1]
REPORTS = [ROOT / "data" / "transcript.txt", ROOT / "tests" / "fixtures" / "jiangsu.txt"]
PARSERS = {"turtle": "turtle", "nt": "nt", "trig": "trig", "nquads": "nquads",
           "xml": "xml", "json-ld": "json-ld"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    args = ["build", *map(str, REPORTS), "-o", str(out)]
    for fmt in sorted(EXPORTERS):
        args += ["-f", fmt]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return out


def triples(path: Path, fmt: str) -> set[tuple[str, str, str]]:
    dataset = rdflib.Dataset()
    dataset.parse(path, format=PARSERS[fmt])
    return {(str(s), str(p), str(o)) for s, p, o, _ in dataset.quads((None, None, None, None))}


def test_every_format_holds_the_same_statements(built: Path) -> None:
    reference = triples(built / "graph.nt", "nt")
    assert len(reference) > 5000
    for fmt in PARSERS:
        assert triples(built / f"graph.{EXPORTERS[fmt].extension}", fmt) == reference, fmt


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_quads_keep_each_report_in_its_own_graph(built: Path, fmt: str) -> None:
    dataset = rdflib.Dataset()
    dataset.parse(built / f"graph.{EXPORTERS[fmt].extension}", format=PARSERS[fmt])
    named = [g for g in dataset.graphs() if len(g) and str(g.identifier).startswith("https://")]
    assert len(named) == 2
    names = {str(o) for g in named for o in g.objects(None, rdflib.URIRef(
        "https://schema.org/name")) if str(o).endswith(".txt")}
    assert names == {"transcript.txt", "jiangsu.txt"}


def test_json_ld_reads_like_json(built: Path) -> None:
    data = json.loads((built / "graph.jsonld").read_text(encoding="utf-8"))
    people = [n for n in data["@graph"] if n.get("@type") == "foaf:Person"]
    assert people and all(isinstance(p["name"], str) for p in people)
    holder = next(p for p in people if "holds" in p)
    holds = holder["holds"] if isinstance(holder["holds"], list) else [holder["holds"]]
    assert all(h.startswith("id:post/") for h in holds)
    assert "王" not in json.dumps(data["@context"], ensure_ascii=False)


def test_export_converts_and_is_deterministic(built: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for target in ("a.nq", "b.nq"):
        result = runner.invoke(cli, ["export", str(built / "graph.trig"), "-f", "nquads",
                                     "-o", str(tmp_path / target)])
        assert result.exit_code == 0, result.output
    first = (tmp_path / "a.nq").read_bytes()
    assert first == (tmp_path / "b.nq").read_bytes()
    assert first == (built / "graph.nq").read_bytes()
    result = runner.invoke(cli, ["export", str(built / "graph.ttl"), "-f", "nt"])
    assert result.exit_code == 0
    assert result.output == (built / "graph.nt").read_text(encoding="utf-8")


def test_export_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["export", str(tmp_path / "none.ttl"), "-f", "nt"])
    assert missing.exit_code == 1 and "no such graph file" in missing.output
    bad = runner.invoke(cli, ["export", str(tmp_path / "none.ttl"), "-f", "yaml"])
    assert bad.exit_code == 2


# characters a PDF's text brings (a form feed between pages) and other line and paragraph
# separators: inside a literal they must not end a line of N-Triples
SEPARATED = ("杭州召开推进会\n\n本报讯 2015年3月2日\x0c 杭州市西湖区委书记齐一民"
             "出席会议\u2028并讲话。\x85\x0b会议强调\x1c要抓好落实\u2029。\n")
READERS = {"nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
           "turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
           "json-ld": ox.RdfFormat.JSON_LD}


def test_every_format_reads_back_a_text_with_separators(tmp_path: Path) -> None:
    report = tmp_path / "separated.txt"
    report.write_text(SEPARATED, "utf-8")
    out, args = tmp_path / "out", ["build", str(report), "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args + [a for f in READERS for a in ("-f", f)])
    assert result.exit_code == 0, result.output
    reference = triples(out / "graph.nt", "nt")
    assert any(SEPARATED.replace("\n", "") in o.replace("\n", "") for _, _, o in reference)
    for fmt, kind in READERS.items():
        file = out / f"graph.{EXPORTERS[fmt].extension}"
        assert triples(file, fmt) == reference, fmt
        assert len({q.triple for q in ox.parse(path=file, format=kind)}) == len(reference), fmt


def test_rdf_xml_refuses_what_xml_cannot_hold(tmp_path: Path) -> None:
    report = tmp_path / "separated.txt"
    report.write_text(SEPARATED, "utf-8")
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(report), "-o", str(tmp_path / "out"),
                                "-f", "turtle", "-f", "xml"])
    assert built.exit_code == 1 and "RDF/XML cannot hold the character U+000C" in built.output
    assert not (tmp_path / "out").exists()  # nothing half-written
    store = tmp_path / "store"
    assert runner.invoke(cli, ["add", str(report), "--store", str(store)]).exit_code == 0
    exported = runner.invoke(cli, ["export", str(store), "-f", "xml",
                                   "-o", str(tmp_path / "x.rdf")])
    assert exported.exit_code == 1 and "U+000C" in exported.output
    assert not (tmp_path / "x.rdf").exists()
