"""The store: reports added once, taken out, who is who resolved again (invented reports)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.store.store
from kg.errors import InputError
from kg.store import ReportStore

REPORTS = {
    "a.txt": "杭州召开推进会\n\n本报讯 2015年3月2日 杭州市西湖区委书记齐一民出席会议并讲话。\n",
    "b.txt": "杭州召开推进会\n\n本报讯 2018年5月6日 杭州市副市长齐一民主持会议。\n",
    "c.txt": "合肥召开推进会\n\n本报讯 2016年7月8日 合肥市包河区区长齐一民参加会议。\n",
}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, "utf-8")
    return {name: folder / name for name in REPORTS}


def people(store: ReportStore) -> set[str]:
    query = "SELECT DISTINCT ?p { GRAPH ?g { ?p a <http://xmlns.com/foaf/0.1/Person> } }"
    return {s["p"].value for s in store.graphs.query(query)}  # type: ignore[union-attr]


def quads(store: ReportStore) -> set[str]:
    return {str(q) for q in store.graphs}


def test_each_report_its_own_named_graph_and_once(tmp_path: Path,
                                                  files: dict[str, Path]) -> None:
    store = ReportStore(tmp_path / "store")
    changes = store.add([files["a.txt"], files["b.txt"]])
    assert changes.added == ["a.txt", "b.txt"] and changes.rewritten == 2
    graphs = {g.value for g in store.graphs.named_graphs()}  # type: ignore[union-attr]
    assert graphs == {f"https://example.org/kg/id/graph/{e.key}" for e in store}
    before = quads(store)
    again = store.add([files["a.txt"]])
    assert again.added == [] and again.already == ["a.txt"] and quads(store) == before
    assert len(people(store)) == 1  # a career in one city: one person


def test_a_namesake_elsewhere_is_another_person_and_removing_undoes_it(
        tmp_path: Path, files: dict[str, Path]) -> None:
    store = ReportStore(tmp_path / "store")
    store.add([files["a.txt"], files["b.txt"]])
    before = quads(store)
    store.add([files["c.txt"]])
    assert len(people(store)) == 2
    changes = store.remove(["c.txt"])
    assert changes.removed == ["c.txt"] and quads(store) == before
    with pytest.raises(InputError, match="holds no report 'c.txt'"):
        store.remove(["c.txt"])


def test_the_order_reports_come_in_does_not_matter(tmp_path: Path,
                                                   files: dict[str, Path]) -> None:
    one = ReportStore(tmp_path / "one")
    for name in ("a.txt", "b.txt", "c.txt"):
        one.add([files[name]])
    two = ReportStore(tmp_path / "two")
    two.add([files["c.txt"], files["b.txt"], files["a.txt"]])
    assert quads(one) == quads(two)


def test_it_keeps_its_reports_when_opened_again(tmp_path: Path,
                                                files: dict[str, Path]) -> None:
    store = ReportStore(tmp_path / "store")
    store.add(list(files.values()))
    before = quads(store)
    del store
    again = ReportStore(tmp_path / "store")
    assert len(again) == 3 and quads(again) == before


def test_a_graph_left_by_an_interrupted_change_is_taken_out(tmp_path: Path,
                                                            files: dict[str, Path]) -> None:
    store = ReportStore(tmp_path / "store")
    store.add([files["a.txt"]])
    before = quads(store)
    stray = ox.NamedNode("https://example.org/kg/id/graph/000000000000")
    store.graphs.add(ox.Quad(stray, stray, stray, stray))
    del store
    assert quads(ReportStore(tmp_path / "store")) == before


def test_in_parallel_the_same_as_alone(tmp_path: Path, files: dict[str, Path]) -> None:
    alone = ReportStore(tmp_path / "alone")
    alone.add(list(files.values()))
    both = ReportStore(tmp_path / "both", jobs=2)
    both.add(list(files.values()))
    assert quads(alone) == quads(both)


def test_what_is_not_a_store(tmp_path: Path, files: dict[str, Path]) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("x", "utf-8")
    with pytest.raises(InputError, match="not a kg store"):
        ReportStore(tmp_path / "full")
    ReportStore(tmp_path / "store")
    with pytest.raises(InputError, match="give --base https://example.org/kg/id/"):
        ReportStore(tmp_path / "store", base="https://other.example/id/")


def test_a_store_kept_in_an_older_format_is_refused(tmp_path: Path) -> None:
    ReportStore(tmp_path / "store")
    manifest = tmp_path / "store" / "kg-store.json"
    older = json.loads(manifest.read_text("utf-8")) | {"format": 1}
    manifest.write_text(json.dumps(older), "utf-8")
    with pytest.raises(InputError, match="build the store again"):
        ReportStore(tmp_path / "store")


def test_an_interrupted_change_is_finished_when_the_store_is_opened(
        tmp_path: Path, files: dict[str, Path]) -> None:
    store = ReportStore(tmp_path / "store")
    store.add(list(files.values()))
    before = quads(store)
    some = next(iter(store.graphs.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    store.graphs.remove(some)  # the union half written
    next(iter(store)).people = {}
    (tmp_path / "store" / "changing").touch()
    del store
    again = ReportStore(tmp_path / "store")
    assert quads(again) == before and not (tmp_path / "store" / "changing").exists()


def test_a_report_whose_reasons_alone_change_is_not_written_again(
        tmp_path: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    later = files["a.txt"].with_name("e.txt")  # the same career, read once more
    later.write_text("杭州召开座谈会\n\n本报讯 2019年4月6日 杭州市副市长齐一民出席会议。\n",
                     "utf-8")
    store = ReportStore(tmp_path / "store")
    store.add([files["a.txt"], files["b.txt"]])
    marks = {e.name: e.people["p1"] for e in store}
    rendered: list[str] = []
    graph_one = kg.store.store.graph_one
    monkeypatch.setattr(kg.store.store, "graph_one",
                        lambda task: rendered.append(task.key) or graph_one(task))
    changes = store.add([later])
    now = {e.name: e.people["p1"] for e in store}
    changed = {n for n in marks if marks[n] != now[n]}
    assert changed and all(marks[n].split("|")[0] == now[n].split("|")[0] for n in changed)
    assert changes.rewritten == 1 + len(changed)  # each changed report counts as written
    assert rendered == [next(e.key for e in store if e.name == "e.txt")]  # but only e made
    whole = ReportStore(tmp_path / "whole")
    whole.add([later, files["b.txt"], files["a.txt"]])
    assert quads(store) == quads(whole)
