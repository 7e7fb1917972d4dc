"""Knowledge lives in data, and no person's name lives anywhere in the package."""

from __future__ import annotations

from pathlib import Path

from kg.extraction import extract

PACKAGE = Path(__file__).resolve().parents[1] / "kg"


def test_no_name_from_the_bundled_report_is_in_code_or_data(transcript: str) -> None:
    names = {p.name for p in extract(transcript)[1].people}
    assert len(names) > 90
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in
             (".py", ".json", ".toml", ".tsv", ".txt", ".rq", ".html", ".js", ".css")]
    for path in files:
        content = path.read_text(encoding="utf-8")
        # surnames.txt holds single characters; a full name is two or more
        found = {n for n in names if n in content}
        assert not found, f"{path.name} names {sorted(found)}"
