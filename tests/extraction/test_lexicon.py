"""The tables of titles, organisation kinds and surnames."""

from __future__ import annotations

from kg.extraction.lexicon import org_kinds, surnames, titles


def test_titles_have_english_labels() -> None:
    assert titles()["常务副主席"] == "Executive vice-chair"


def test_org_kinds_longest_first() -> None:
    kinds = org_kinds()
    assert kinds["总工会"].scope == "body"
    lengths = [len(s) for s in kinds]
    assert lengths == sorted(lengths, reverse=True)


def test_surnames_with_their_readings() -> None:
    assert surnames()["曾"] == "zeng"
    assert surnames()["欧阳"] == ""
