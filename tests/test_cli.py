"""Tests for the ``kg`` command line: build, query, errors, exit codes and help.

Exit codes: 0 success; 1 a library error (``Error: …``, one line on stderr); 2 a usage error
(click's own, or a bad --date / --format). With click >= 8.2, ``CliRunner`` always keeps stderr
apart: ``result.stdout`` and ``result.stderr`` are separate and ``result.output`` mixes both.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner, Result

from kg.cli import cli

ROOT = Path(__file__).parents[1]
TRANSCRIPT = ROOT / "data" / "transcript.txt"
JIANGSU = Path(__file__).parent / "fixtures" / "jiangsu.txt"
OUTPUTS = ("graph.ttl", "graph.jsonld", "graph.html")
SUMMARY_LABELS = ("people", "posts", "organisations", "places", "groups", "quotations", "triples")
SCHEMA = rdflib.Namespace("https://schema.org/")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


def assert_one_error_line(result: Result, *fragments: str) -> str:
    """Exit 1, nothing on stdout, one ``Error: …`` line on stderr containing each fragment."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: "), lines
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def assert_nothing_written(out: Path) -> None:
    """The output directory does not exist, or holds no graph.* and no temporary .graph.*."""
    if out.exists():
        assert out.is_dir()
        assert sorted(p.name for p in out.iterdir()) == []


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


# --------------------------------------------------------------------------- build


def test_build_writes_the_three_files(built: tuple[Path, Result]) -> None:
    out, result = built
    for name in OUTPUTS:
        assert (out / name).is_file(), name
        assert (out / name).stat().st_size > 0, name
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)  # no temporary files left
    assert result.stderr == ""


def test_build_prints_the_summary(built: tuple[Path, Result],
                                  turtle_graph: rdflib.Graph) -> None:
    out, result = built
    genre, *lines = result.stdout.splitlines()
    assert genre == "genre          study-meeting (auto)"  # chosen from the text's marks
    counts = {}
    for label, line in zip(SUMMARY_LABELS, lines, strict=False):
        match = re.fullmatch(rf"{label} +(\d+)", line)
        assert match, (label, line)
        counts[label] = int(match.group(1))
    assert all(counts[label] > 0 for label in SUMMARY_LABELS), counts
    assert counts["triples"] == len(turtle_graph)
    assert lines[len(SUMMARY_LABELS):] == [f"wrote {out / name}" for name in OUTPUTS]


def test_build_turtle_parses(turtle_graph: rdflib.Graph) -> None:
    assert len(turtle_graph) > 1000


def test_build_jsonld_is_json_with_the_same_triples(built: tuple[Path, Result],
                                                    turtle_graph: rdflib.Graph) -> None:
    path = built[0] / "graph.jsonld"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and "@context" in data
    jsonld = rdflib.Graph().parse(path, format="json-ld")
    assert len(jsonld) == len(turtle_graph)
    assert set(jsonld) == set(turtle_graph)  # the graph has no blank nodes


def test_build_html_is_self_contained(built: tuple[Path, Result]) -> None:
    html = (built[0] / "graph.html").read_text(encoding="utf-8")
    assert "<html" in html
    remote = re.findall(r"""\b(?:src|href)\s*=\s*["']?\s*(https?://[^"'\s>]*)""", html,
                        flags=re.IGNORECASE)
    assert remote == []


def test_build_two_reports(tmp_path: Path) -> None:
    result = run("build", TRANSCRIPT, JIANGSU, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    articles = set(graph.subjects(rdflib.RDF.type, SCHEMA.NewsArticle))
    reports = {a for a in articles if (a, SCHEMA.isPartOf, None) not in graph}
    assert len(reports) == 2


# --------------------------------------------------------------------------- --date


@pytest.mark.parametrize(("date", "year"), [("2015", "2015"), ("2016-03-01", "2016"),
                                            ("2014-07", "2014")])
def test_build_date_sets_the_report_date(tmp_path: Path, date: str, year: str) -> None:
    result = run("build", TRANSCRIPT, "-o", tmp_path, "--date", date)
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(tmp_path / "graph.ttl")
    coverage = {str(o) for o in graph.objects(None, DCTERMS.date)}
    assert coverage == {year}
    assert f'dcterms:date "{year}"' in (tmp_path / "graph.ttl").read_text("utf-8")


# --------------------------------------------------------------------------- bad input


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    # name: (make the input under tmp_path, fragment the message must contain)
    "missing": (lambda d: d / "nope.txt", "no such file"),
    "directory": (lambda d: (d / "adir").mkdir() or d / "adir", "is a directory"),
    "empty": (lambda d: _write(d, "empty.txt", b""), "is empty"),
    "whitespace": (lambda d: _write(d, "blank.txt", " \n\t\u3000\n".encode()), "is empty"),
    "binary": (lambda d: _write(d, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
               "binary"),
    "gb18030": (lambda d: _write(d, "gbk.txt", "杭州市总工会主席".encode("gb18030")), "iconv"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_build_bad_input(tmp_path: Path, case: str) -> None:
    make, fragment = BAD_INPUTS[case]
    path = make(tmp_path)
    out = tmp_path / "out"
    result = run("build", path, "-o", out)
    assert_one_error_line(result, str(path), fragment)
    assert_nothing_written(out)


def test_build_bad_input_among_good_writes_nothing(tmp_path: Path) -> None:
    empty = _write(tmp_path, "empty.txt", b"")
    out = tmp_path / "out"
    result = run("build", TRANSCRIPT, empty, "-o", out)
    assert_one_error_line(result, str(empty), "is empty")
    assert_nothing_written(out)


def test_build_non_utf8_suggests_converting(tmp_path: Path) -> None:
    path = _write(tmp_path, "gbk.txt", "杭州市总工会主席".encode("gb18030"))
    result = run("build", path, "-o", tmp_path / "out")
    line = assert_one_error_line(result, str(path))
    assert "not UTF-8" in line
    assert "iconv -f GB18030 -t UTF-8 gbk.txt" in line


# --------------------------------------------------------------------------- bad output


def test_build_output_is_a_file(tmp_path: Path) -> None:
    afile = _write(tmp_path, "afile", b"keep me\n")
    result = run("build", TRANSCRIPT, "-o", afile)
    assert_one_error_line(result, str(afile), "cannot create the output directory")
    assert afile.read_bytes() == b"keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_build_output_under_a_file(tmp_path: Path) -> None:
    """Fails even for root: a path under a regular file cannot be a directory."""
    afile = _write(tmp_path, "afile", b"keep me\n")
    out = afile / "out"
    result = run("build", TRANSCRIPT, "-o", out)
    assert_one_error_line(result, str(out), "cannot create the output directory")
    assert afile.read_bytes() == b"keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_build_read_only_output_dir(tmp_path: Path) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        probe = out / "probe"
        try:
            probe.write_bytes(b"")
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("the read-only directory is writable (running as root)")
        result = run("build", TRANSCRIPT, "-o", out)
        assert_one_error_line(result, str(out), "cannot write the output")
        assert list(out.iterdir()) == []
    finally:
        out.chmod(0o700)


# --------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "Missing argument 'FILES...'"),
        (["build", str(TRANSCRIPT)], "Missing option '-o'"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "notadate"],
         "'notadate' is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "15"], "is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "1900"], "is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "2016-13-01"], "is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "2016-02-30"], "is not a date"),
        (["query", "x", "--format", "xml"], "'xml' is not one of"),
        (["query"], "Missing argument 'QUERY'"),
        (["nosuchcommand"], "No such command"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out"
    result = run(*(a.replace("{tmp}", str(out)) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Usage: " in result.stderr
    assert message in result.stderr
    assert not out.exists()


# --------------------------------------------------------------------------- query


def test_query_named_table(built: tuple[Path, Result]) -> None:
    result = run("query", "group-roster", "--graph", built[0] / "graph.ttl")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert [c.strip() for c in lines[0].strip("|").split("|")] == ["group", "person", "role",
                                                                  "posts"]
    assert set(lines[1]) == {"|", "-"}
    assert len(lines) > 10


# group-roster takes ~9 s on the transcript's graph (rdflib's nested subqueries), so it runs
# once, as a table; the csv and json formats are checked with the cheaper "posts" query.
POSTS_COLUMNS = ["organisation", "title", "person", "place"]


def test_query_csv(built: tuple[Path, Result]) -> None:
    result = run("query", "posts", "--graph", built[0] / "graph.ttl", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == POSTS_COLUMNS
    assert len(rows) > 100
    assert all(len(row) == len(POSTS_COLUMNS) for row in rows)


def test_query_json(built: tuple[Path, Result]) -> None:
    result = run("query", "posts", "-g", built[0] / "graph.ttl", "-f", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == POSTS_COLUMNS
    assert len(document["results"]["bindings"]) > 100


def test_query_rq_file(built: tuple[Path, Result], tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("# how many triples\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n",
                  encoding="utf-8")
    result = run("query", rq, "--graph", built[0] / "graph.ttl", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    ttl = rdflib.Graph().parse(built[0] / "graph.ttl")
    assert rows == [["n"], [str(len(ttl))]]


def test_query_on_the_jsonld(built: tuple[Path, Result]) -> None:
    result = run("query", "ASK { ?s ?p ?o }", "--graph", built[0] / "graph.jsonld", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["ask", "true"]


@pytest.mark.parametrize(
    ("query", "fragments"),
    [
        ("SELECT ?x WHERE {", ["malformed SPARQL"]),
        ("INSERT DATA { <a:b> <a:b> <a:b> }", ["read-only", "INSERT"]),
        ("DELETE WHERE { ?s ?p ?o }", ["read-only"]),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", ["read-only"]),
        ("group-rooster", ["no named query 'group-rooster'", "group-roster"]),
    ],
)
def test_query_errors(built: tuple[Path, Result], query: str, fragments: list[str]) -> None:
    result = run("query", query, "--graph", built[0] / "graph.ttl")
    line = assert_one_error_line(result, *fragments)
    if "malformed" in fragments[0]:
        assert line.startswith("Error: malformed SPARQL")


def test_query_missing_graph(tmp_path: Path) -> None:
    graph = tmp_path / "none" / "graph.ttl"
    result = run("query", "group-roster", "--graph", graph)
    assert_one_error_line(result, str(graph), "kg build")


def test_query_graph_not_rdf(tmp_path: Path) -> None:
    graph = _write(tmp_path, "graph.ttl", b"this is not turtle\n")
    result = run("query", "group-roster", "--graph", graph)
    assert_one_error_line(result, str(graph), "not a readable turtle graph")


def test_query_missing_rq_file(built: tuple[Path, Result], tmp_path: Path) -> None:
    rq = tmp_path / "nope.rq"
    result = run("query", rq, "--graph", built[0] / "graph.ttl")
    assert_one_error_line(result, str(rq), "not found")


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", [[], ["build"], ["query"]], ids=["kg", "build", "query"])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(command: list[str], flag: str) -> None:
    result = run(*command, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ")
    assert "Example:" in result.stdout
    assert result.stderr == ""


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("kg, version ")


def test_python_dash_m() -> None:
    completed = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True,
                               text=True, encoding="utf-8", cwd=ROOT, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("Usage: ")
    assert "Example:" in completed.stdout
    assert "build" in completed.stdout and "query" in completed.stdout
