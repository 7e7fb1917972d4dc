"""``kg build`` and ``kg genres``: outputs, the summary, --date, --genre, bad input and output."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import opencc
import pytest
import rdflib
from click.testing import Result

from tests.cli.common import (
    DCTERMS,
    JIANGSU,
    OUTPUTS,
    SCHEMA,
    SUMMARY_LABELS,
    TRANSCRIPT,
    assert_nothing_written,
    assert_one_error_line,
    run,
    write,
)


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


@pytest.mark.parametrize(("date", "datatype"), [("2015", "gYear"), ("2016-03-01", "date"),
                                                ("2014-07", "gYearMonth")])
def test_build_date_sets_the_report_date(tmp_path: Path, date: str, datatype: str) -> None:
    result = run("build", TRANSCRIPT, "-o", tmp_path, "--date", date)
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(tmp_path / "graph.ttl")
    assert {str(o) for o in graph.objects(None, DCTERMS.date)} == {date}
    assert f'dcterms:date "{date}"^^xsd:{datatype}' in (tmp_path / "graph.ttl").read_text("utf-8")


def test_without_a_date_in_the_text_the_report_has_none(tmp_path: Path) -> None:
    assert run("build", TRANSCRIPT, "-o", tmp_path).exit_code == 0
    assert "dcterms:date" not in (tmp_path / "graph.ttl").read_text("utf-8")


BAD_INPUTS = {
    # name: (make the input under tmp_path, fragment the message must contain)
    "missing": (lambda d: d / "nope.txt", "no such file"),
    "directory": (lambda d: (d / "adir").mkdir() or d / "adir", "a directory with no reports"),
    "empty": (lambda d: write(d, "empty.txt", b""), "is empty"),
    "whitespace": (lambda d: write(d, "blank.txt", " \n\t\u3000\n".encode()), "is empty"),
    "binary": (lambda d: write(d, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
               "binary"),
    "undecodable": (lambda d: write(d, "noise.txt", b"\x81\x30\xff\xff\xfe"), "--encoding"),
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
    empty = write(tmp_path, "empty.txt", b"")
    out = tmp_path / "out"
    result = run("build", TRANSCRIPT, empty, "-o", out)
    assert_one_error_line(result, str(empty), "is empty")
    assert_nothing_written(out)


def test_build_reads_gb18030(tmp_path: Path) -> None:
    text = "浙江省总工会召开学习会议，杭州市总工会主席张三出席会议。\n"
    path = write(tmp_path, "gbk.txt", text.encode("gb18030"))
    result = run("build", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "张三" in (tmp_path / "out" / "graph.ttl").read_text("utf-8")


def test_build_wrong_encoding_named(tmp_path: Path) -> None:
    path = write(tmp_path, "gbk.txt", "杭州市总工会主席张三".encode("gb18030"))
    out = tmp_path / "out"
    result = run("build", path, "--encoding", "utf-8", "-o", out)
    line = assert_one_error_line(result, str(path), "is not utf-8 text")
    assert "--encoding" in line
    assert_nothing_written(out)


def test_build_output_is_a_file(tmp_path: Path) -> None:
    afile = write(tmp_path, "afile", b"keep me\n")
    result = run("build", TRANSCRIPT, "-o", afile)
    assert_one_error_line(result, str(afile), "is a file; give -o a directory")
    assert afile.read_bytes() == b"keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_build_output_under_a_file(tmp_path: Path) -> None:
    """Fails even for root: a path under a regular file cannot be a directory."""
    afile = write(tmp_path, "afile", b"keep me\n")
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


def test_genre_can_be_named_and_auto_is_said(tmp_path: Path) -> None:
    named = run("build", TRANSCRIPT, "-o", tmp_path / "a", "--genre", "news")
    assert named.stdout.splitlines()[0] == "genre          news"
    unknown = run("build", TRANSCRIPT, "-o", tmp_path / "b", "--genre", "memo")
    assert unknown.exit_code == 2 and "'memo' is not one of 'auto', 'news'" in unknown.stderr


def test_genres_lists_each_with_what_it_reads() -> None:
    result = run("genres")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["news", "study-meeting"]
    assert all(len(line.split(None, 1)) == 2 for line in lines)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("verb", ["build", "add"])
def test_a_named_pipe_is_read_once(tmp_path: Path, verb: str) -> None:
    pipe = tmp_path / "report.txt"
    os.mkfifo(pipe)
    where = ["-o", tmp_path / "out"] if verb == "build" else ["--store", tmp_path / "store"]
    command = [sys.executable, "-m", "kg", verb, str(pipe), *map(str, where)]
    text = "杭州召开推进会\n\n杭州市副市长齐一民出席会议。\n"
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as kg:
        # the writer waits for kg to open the pipe; a second opening would wait for ever
        threading.Thread(target=pipe.write_text, args=(text, "utf-8"), daemon=True).start()
        out, err = kg.communicate(timeout=120)
    assert kg.returncode == 0, err.decode()
    assert re.search(rb"people +1\n", out)


REPORT = "杭州召开推进会\n\n杭州市副市长齐一民出席会议。\n"


def test_a_graph_the_build_wrote_is_not_read_as_a_report(tmp_path: Path) -> None:
    report, out = tmp_path / "r.txt", tmp_path / "out"
    report.write_text(REPORT, "utf-8")
    assert run("build", report, "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert_one_error_line(run("build", out / "graph.ttl", "-o", out),
                          "is a file kg build writes into")
    (out / "graph.html").write_text(REPORT, "utf-8")  # a report saved under the page's name
    before["graph.html"] = (out / "graph.html").read_bytes()
    assert_one_error_line(run("build", out / "graph.html", "-o", out),
                          "is a file kg build writes into")
    assert_one_error_line(run("build", out / "graph.ttl", "-o", tmp_path / "elsewhere"),
                          "is a graph, not a report")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_output_that_cannot_be_one_is_refused_before_reading(tmp_path: Path) -> None:
    report, file = tmp_path / "r.txt", tmp_path / "file"
    report.write_text(REPORT, "utf-8")
    file.write_text("x", "utf-8")
    # refused before reading: a report that cannot be read is not what it speaks of
    assert_one_error_line(run("build", tmp_path / "missing.txt", "-o", file), "is a file")
    empty = run("build", report, "-o", "")
    assert empty.exit_code == 2 and "give a directory" in empty.stderr


def test_a_build_takes_away_the_graphs_an_earlier_one_left(tmp_path: Path) -> None:
    report, out = tmp_path / "r.txt", tmp_path / "out"
    report.write_text(REPORT, "utf-8")
    run("build", report, "-o", out, "-f", "turtle", "-f", "trig")
    (out / "notes.txt").write_text("mine", "utf-8")
    assert run("build", report, "-o", out, "-f", "nt").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.nt", "notes.txt"]
    assert_one_error_line(run("query", "posts", "-g", out / "graph.ttl"), "no such graph file")


@pytest.mark.parametrize("depth", [30, 300])
def test_deeply_nested_brackets_are_read(tmp_path: Path, depth: int) -> None:
    report = tmp_path / "r.txt"
    report.write_text("杭州召开推进会\n\n" + "中国" + "（浙江" * depth + "）" * depth +
                      "集团有限公司董事长齐一民说：“" + "(" * depth + "要抓落实" + ")" * depth +
                      "。”杭州市副市长王小明" + "（" * depth + "）" * depth + "出席会议。\n",
                      "utf-8")
    result = run("build", report, "-o", tmp_path / "out", "-f", "turtle", "-f", "trig")
    assert result.exit_code == 0, result.output
    assert re.search(r"people +[12]\n", result.stdout)


def test_a_report_read_poorly_is_warned_of_on_standard_error(tmp_path: Path) -> None:
    report = tmp_path / "english.txt"
    report.write_text("The meeting on flood control was held in Hangzhou.\n", "utf-8")
    result = run("build", report, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: english.txt: little of it is Chinese")
    assert "warning" not in result.stdout


def _counts(stdout: str) -> dict[str, str]:
    return dict(line.split(None, 1) for line in stdout.splitlines()
                if line.split(None, 1)[0] in SUMMARY_LABELS)


def test_the_bundled_report_as_a_web_page_or_in_traditional_characters_reads_the_same(
        tmp_path: Path) -> None:
    text = TRANSCRIPT.read_text("utf-8")
    plain = _counts(run("build", TRANSCRIPT, "-o", tmp_path / "plain").stdout)
    paragraphs = [p for p in text.split("\n") if p.strip()]
    page = tmp_path / "page.html"  # markup inside its quotations, a script beside them
    page.write_text("<html><head><meta charset='utf-8'></head><body><div>" + "".join(
        "<p>" + html.escape(p).replace("“", "“<span>").replace("”", "</span>”") + "</p>"
        for p in paragraphs) + "</div><script>var a = 1;</script></body></html>", "utf-8")
    traditional = tmp_path / "traditional.txt"
    traditional.write_text(opencc.OpenCC("s2t").convert(text), "utf-8")
    for report in (page, traditional):
        result = run("build", report, "-o", tmp_path / report.stem)
        counts = _counts(result.stdout)
        if report == traditional:  # each name also in simplified characters: more triples
            assert int(counts.pop("triples")) > int(plain["triples"])
        assert counts == {k: v for k, v in plain.items() if k in counts}, report.name
        assert "warning" not in result.stderr


def test_an_output_directory_that_cannot_be_written_in_is_refused_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as if read-only
    assert_one_error_line(run("build", tmp_path / "missing.txt", "-o", out),
                          "cannot be written in (permission denied)")
