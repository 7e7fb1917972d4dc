"""What the CLI tests share: running kg, and what an error must look like.

Exit codes: 0 success; 1 a library error (``Error: …``, one line on stderr); 2 a usage error
(click's own, or a bad --date / --format). With click >= 8.2, ``CliRunner`` always keeps stderr
apart: ``result.stdout`` and ``result.stderr`` are separate and ``result.output`` mixes both.
"""

from __future__ import annotations

from pathlib import Path

import rdflib
from click.testing import CliRunner, Result

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[2]
TRANSCRIPT = ROOT / "data" / "transcript.txt"
JIANGSU = ROOT / "tests" / "fixtures" / "jiangsu.txt"
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


def write(folder: Path, name: str, data: bytes) -> Path:
    """A file of these bytes in ``folder``."""
    path = folder / name
    path.write_bytes(data)
    return path


# Three invented reports on one name: a career in one city (a, b) and a namesake elsewhere (c).
CAREER_REPORTS = {
    "a.txt": "杭州召开推进会\n\n本报讯 2015年3月2日 杭州市西湖区委书记齐一民出席会议并讲话。\n",
    "b.txt": "杭州召开推进会\n\n本报讯 2018年5月6日 "
             "杭州市副市长齐一民主持会议,副市长丁二山参加。\n",
    "c.txt": "合肥召开推进会\n\n本报讯 2016年7月8日 合肥市包河区区长齐一民参加会议。\n",
}


def career_reports(tmp_path: Path) -> Path:
    """A folder of :data:`CAREER_REPORTS`."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in CAREER_REPORTS.items():
        (folder / name).write_text(text, "utf-8")
    return folder
