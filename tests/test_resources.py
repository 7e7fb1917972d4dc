"""The one reader of the files kg ships."""

from __future__ import annotations

import pytest

import kg.resources
from kg.errors import DataError
from kg.resources import list_files, package_file, read_rows, read_text, read_toml


def test_shipped_files_are_read() -> None:
    assert "PREFIX" in read_text("queries", "posts.rq")
    assert read_rows("data", "titles.tsv")[0][0]
    assert "suffixes" in read_toml("data", "places.toml")
    assert [f.name for f in list_files("data", "genres", suffix=".toml")] == [
        "news.toml", "study-meeting.toml"]
    assert package_file("ontology", "kg.ttl").is_file()


def test_a_missing_file_is_a_data_error_that_says_reinstall() -> None:
    with pytest.raises(DataError, match="kg/data/none.tsv is missing or unreadable: reinstall"):
        read_text("data", "none.tsv")
    with pytest.raises(DataError, match="kg/nowhere is missing"):
        list_files("nowhere", suffix=".rq")


def test_a_malformed_toml_file_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.resources, "read_text", lambda *parts: "a = [")
    with pytest.raises(DataError, match="is not valid TOML"):
        read_toml("data", "x.toml")
