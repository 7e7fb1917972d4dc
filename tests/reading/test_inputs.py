"""Which reports the command line names: files, directories, globs, -, lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.reading.inputs import expand


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("a.txt", "b/c.md", "b/d/e.html", "b/notes.csv", "f.htm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("报道", "utf-8")
    return tmp_path


def test_files_directories_globs_and_stdin_in_order_each_once(tree: Path) -> None:
    found = expand([str(tree / "a.txt"), str(tree / "b"), str(tree / "*.ht*"), "-",
                    str(tree / "a.txt")])
    assert found == [tree / "a.txt", tree / "b/c.md", tree / "b/d/e.html", tree / "f.htm",
                     Path("-")]


def test_a_recursive_glob(tree: Path) -> None:
    assert expand([str(tree / "**" / "*.html")]) == [tree / "b/d/e.html"]


def test_a_list_of_paths_relative_to_the_list(tree: Path) -> None:
    listing = tree / "list.txt"
    listing.write_text("# the reports\na.txt\n\nb/c.md\n", "utf-8")
    assert expand([], files_from=str(listing)) == [tree / "a.txt", tree / "b/c.md"]


def test_a_missing_file_is_left_to_the_reader_to_name(tree: Path) -> None:
    assert expand([str(tree / "nope.txt")]) == [tree / "nope.txt"]


@pytest.mark.parametrize(("args", "message"), [
    ([], "no reports given"),
    (["{tree}/*.pdf"], "no file matches"),
    (["{tree}/b/d/empty"], "a directory with no reports"),
])
def test_what_names_no_report(tree: Path, args: list[str], message: str) -> None:
    (tree / "b/d/empty").mkdir()
    with pytest.raises(InputError, match=message):
        expand([a.format(tree=tree) for a in args])


def test_an_unreadable_list(tree: Path) -> None:
    with pytest.raises(InputError, match="cannot read the list of reports"):
        expand([], files_from=str(tree / "missing.txt"))
