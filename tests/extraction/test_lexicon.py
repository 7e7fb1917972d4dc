"""The tables of titles, organisation kinds and surnames."""

from __future__ import annotations

from kg.extraction.lexicon import national_bodies, national_name, org_kinds, surnames, titles


def test_titles_have_kinds_english_labels_and_deputy_forms() -> None:
    table = titles()
    assert table["常务副主席"].english == "Executive vice-chair"  # its own row
    assert table["副市长"].english == "Deputy mayor"  # a form of 市长
    assert (table["常务副市长"].kind, table["常务副市长"].of) == ("state", "government")
    assert table["总书记"].of == "中共中央"
    assert "副委员" not in table  # only titles marked 副 take the forms


def test_org_kinds_longest_first() -> None:
    kinds = org_kinds()
    assert kinds["总工会"].scope == "body"
    lengths = [len(s) for s in kinds]
    assert lengths == sorted(lengths, reverse=True)


def test_surnames_with_their_readings() -> None:
    assert surnames()["曾"] == "zeng"
    assert surnames()["欧阳"] == ""


def test_national_bodies_and_the_short_forms_that_stand_for_them() -> None:

    assert national_bodies()["国家"] == ("中华人民共和国", "government")
    assert national_bodies()["全国政协"] == ("全国政协", "cppcc")
    assert national_bodies()["国家发展改革委"] == ("国家发展和改革委员会", "government")


def test_a_national_bodys_short_form_is_its_name_a_word_for_it_is_not() -> None:
    assert national_name("国家发展改革委") == "国家发展改革委"
    assert national_name("全国人大") == "全国人大"
    assert national_name("国家") == "中华人民共和国"
