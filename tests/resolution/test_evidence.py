"""The evidence resolver: one name is one person only where the reports say so."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Span
from kg.resolution import RESOLVERS, Decisions, Merge, PersonRecord, read_decisions
from kg.resolution.evidence import by_evidence

# invented places: a province 11, its cities 1101 and 1102, a county in each; province 22
XIHU, HANGZHOU, NINGBO, ZJ = "110101", "110100", "110200", "110000"
YINZHOU = "110201"
HEFEI, AH = "220100", "220000"
CHAINS = {XIHU: (XIHU, HANGZHOU, ZJ), HANGZHOU: (HANGZHOU, ZJ), ZJ: (ZJ,),
          NINGBO: (NINGBO, ZJ), YINZHOU: (YINZHOU, NINGBO, ZJ), HEFEI: (HEFEI, AH)}


def record(report: str, year: int | None, places: tuple[str, ...] = (),
           orgs: tuple[str, ...] = (), companions: tuple[str, ...] = (),
           name: str = "许文华", person: str = "p1",
           around: tuple[str, ...] = ()) -> PersonRecord:
    return PersonRecord(report=report, person=person, name=name, year=year, sections=(),
                        posts=(), organisations=orgs or tuple(f"org-{p}" for p in places),
                        places=places, mentions=(Span(0, 3),),
                        ancestry=tuple(CHAINS[p] for p in places),
                        named=tuple(sorted({name, *companions})), around=around)


def people(records: list[PersonRecord], decisions: Decisions | None = None) -> set[frozenset]:
    identities = by_evidence(records, decisions)
    return {frozenset(r for r, _ in i.records) for i in identities.people}


def test_a_career_up_one_province_is_one_person() -> None:
    records = [record("a", 2015, (XIHU,)), record("b", 2018, (HANGZHOU,)),
               record("c", 2021, (ZJ,))]
    assert people(records) == {frozenset("abc")}


def test_namesakes_in_two_provinces_stay_apart() -> None:
    records = [record("a", 2015, (XIHU,)), record("b", 2016, (HEFEI,)),
               record("c", 2019, (HANGZHOU,)), record("d", 2020, (HEFEI,))]
    assert people(records) == {frozenset("ac"), frozenset("bd")}


def test_nobody_serves_two_unrelated_places_in_one_year() -> None:
    records = [record("a", 2015, (XIHU,)), record("b", 2015, (YINZHOU,))]
    assert people(records) == {frozenset("a"), frozenset("b")}


def test_a_move_to_a_neighbouring_city_is_one_person() -> None:
    assert people([record("a", 2015, (XIHU,)), record("b", 2019, (YINZHOU,))]) == {
        frozenset("ab")}


def test_a_bare_mention_joins_the_person_its_companions_point_to() -> None:
    records = [record("a", 2015, (XIHU,), companions=("李明",)),
               record("b", 2015, (HEFEI,), companions=("赵刚",)),
               record("c", 2016, companions=("赵刚", "王芳"))]
    assert people(records) == {frozenset("a"), frozenset("bc")}


def test_a_bare_mention_looks_among_the_people_of_the_reports_provinces() -> None:
    # the namesake in Hefei shares more names with it, but the report is on Zhejiang
    records = [record("a", 2015, (XIHU,), companions=("李明",)),
               record("b", 2015, (HEFEI,), companions=("赵刚", "王芳")),
               record("c", 2016, companions=("李明", "赵刚", "王芳"), around=(HANGZHOU, ZJ))]
    assert people(records) == {frozenset("ac"), frozenset("b")}


def test_a_bare_mention_in_a_report_on_another_province_stays_apart() -> None:
    records = [record("a", 2015, (XIHU,)), record("b", 2016, around=(HEFEI, AH))]
    assert people(records) == {frozenset("a"), frozenset("b")}


def test_co_mentions_that_hardly_point_one_way_do_not_decide() -> None:
    # three names in common with one, two with the other: not clear enough
    records = [record("a", 2015, (XIHU,), companions=("李明", "赵刚", "王芳")),
               record("b", 2015, (YINZHOU,), companions=("李明", "赵刚")),
               record("c", 2016, companions=("李明", "赵刚", "王芳"))]
    assert people(records) == {frozenset("a"), frozenset("b"), frozenset("c")}


def test_a_bare_mention_of_an_ambiguous_name_stays_apart() -> None:
    records = [record("a", 2015, (XIHU,)), record("b", 2015, (HEFEI,)), record("c", 2016)]
    assert people(records) == {frozenset("a"), frozenset("b"), frozenset("c")}


def test_bare_mentions_of_one_name_and_one_person_are_one() -> None:
    assert people([record("a", 2015), record("b", 2016), record("c", 2017, (XIHU,))]) == {
        frozenset("abc")}


def test_the_users_decisions_override_the_evidence() -> None:
    records = [record("a", 2015, (XIHU,)), record("b", 2016, (HANGZHOU,)),
               record("c", 2016, (HEFEI,))]
    decisions = Decisions(same=((("a", "p1"), ("c", "p1")),),
                          different=frozenset({frozenset((("a", "p1"), ("b", "p1")))}))
    assert people(records, decisions) == {frozenset("ac"), frozenset("b")}


def test_the_result_does_not_depend_on_the_order() -> None:
    records = [record("a", 2015, (XIHU,)), record("b", 2016, (HEFEI,)),
               record("c", 2019, (HANGZHOU,)), record("d", None),
               record("e", 2018, (NINGBO,), companions=("李明",))]
    first = by_evidence(records).people
    for order in itertools.islice(itertools.permutations(records), 0, 120, 7):
        assert by_evidence(list(order)).people == first


def test_every_merge_says_why_and_keys_tell_namesakes_apart() -> None:
    identities = by_evidence([record("a", 2015, (XIHU,)), record("b", 2018, (HANGZHOU,)),
                              record("c", 2016, (HEFEI,))])
    zhe, an = identities[("a", "p1")], identities[("c", "p1")]
    assert zhe.evidence == (Merge("b", "p1", "posts in the same place, or one inside the other"),)
    assert zhe.key != an.key and zhe.key.isascii() and an.evidence == ()
    again = by_evidence([record("x", 2020, (HEFEI,))])[("x", "p1")]
    assert again.key == an.key  # the same person in another build: the same key


def test_it_is_registered_and_the_default() -> None:
    from kg.resolution import DEFAULT
    assert RESOLVERS["evidence"] is by_evidence and DEFAULT == "evidence"


def test_a_decisions_file(tmp_path: Path) -> None:
    path = tmp_path / "decisions.txt"
    path.write_text("# who is who\nsame  aa:p1 bb:p2  # one man\n\ndifferent\taa:p1\tcc:p3\n",
                    "utf-8")
    decisions = read_decisions(path)
    assert decisions.same == ((("aa", "p1"), ("bb", "p2")),)
    assert decisions.apart(("cc", "p3"), ("aa", "p1"))
    path.write_text("same aa:p1\n", "utf-8")
    with pytest.raises(InputError, match="line 1: expected: same|different"):
        read_decisions(path)
    path.write_text("same aa bb:p1\n", "utf-8")
    with pytest.raises(InputError, match="line 1: 'aa' is not REPORT:PERSON"):
        read_decisions(path)
