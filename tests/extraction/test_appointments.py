"""Appointments and removals (invented names)."""

from __future__ import annotations

from kg.extraction import extract
from kg.extraction.appointments import find_appointments


def read(text: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    return [(r.name, [(i.org, i.title, i.status) for i in r.items])
            for r in find_appointments(text, 0, len(text))]


def test_appointed_and_removed() -> None:
    text = ("决定免去张一二的某某事务委员会主任职务,任命李三四为某某事务委员会主任,"
            "免去王五六兼任的某某部部长职务。")
    assert read(text) == [
        ("张一二", [("某某事务委员会", "主任", "removed")]),
        ("李三四", [("某某事务委员会", "主任", "appointed")]),
        ("王五六", [("某某部", "部长", "removed")]),
    ]


def test_its_pronoun_is_the_person_just_appointed() -> None:
    text = "任命赵七八为某委员会副主任委员,免去其某常委会副秘书长职务;"
    assert read(text) == [("赵七八", [("某委员会", "副主任委员", "appointed"),
                                      ("某常委会", "副秘书长", "removed")])]


def test_an_appointee_is_named_not_a_participant() -> None:
    (ref,) = find_appointments("任命钱九十为某部部长。", 0, 11)
    assert ref.role == "referenced"
    assert ref.name_span.start == 2


def test_no_title_no_post() -> None:
    assert read("任命孙一一为代理人。") == []


def test_one_verb_several_people_and_posts() -> None:
    text = "决定免去周一一、吴二二的某省人民政府副省长职务。"
    assert read(text) == [("周一一", [("某省人民政府", "副省长", "removed")]),
                          ("吴二二", [("某省人民政府", "副省长", "removed")])]
    text = "免去郑三三的某委员会副主任委员、某工作委员会副主任职务;冯四四的某工作委员会主任职务。"
    assert read(text) == [
        ("郑三三", [("某委员会", "副主任委员", "removed"), ("某工作委员会", "副主任", "removed")]),
        ("冯四四", [("某工作委员会", "主任", "removed")]),
    ]


def test_appointments_go_on_after_a_comma() -> None:
    text = "任命陈五五为某工作委员会副主任,褚六六为某工作委员会主任,任命卫七七为某局局长。"
    assert read(text) == [("陈五五", [("某工作委员会", "副主任", "appointed")]),
                          ("褚六六", [("某工作委员会", "主任", "appointed")]),
                          ("卫七七", [("某局", "局长", "appointed")])]


def test_an_appointment_to_two_posts() -> None:
    assert read("任命蒋八八为某厅党组书记、厅长。") == [
        ("蒋八八", [("某厅", "党组书记", "appointed"), ("", "厅长", "appointed")])]


def test_a_resignation_names_the_person_first() -> None:
    text = "因年龄原因,杨九九提出辞去某常委会委员、某委员会主任委员职务。"
    assert read(text) == [("杨九九", [("某常委会", "委员", "removed"),
                                      ("某委员会", "主任委员", "removed")])]


def test_added_or_elected_with_an_honorific_after_the_name() -> None:
    assert read("会议增补许一一同志为某委员会副主任;增补韩二二同志为某工作委员会主任。") == [
        ("许一一", [("某委员会", "副主任", "appointed")]),
        ("韩二二", [("某工作委员会", "主任", "appointed")])]
    assert read("会议选举秦三三为某委员会主任委员。") == [
        ("秦三三", [("某委员会", "主任委员", "appointed")])]
    assert read("决定免去尤四四同志的某局局长职务。") == [("尤四四", [("某局", "局长", "removed")])]


def test_a_bodys_session_is_not_part_of_its_name() -> None:
    assert read("增补柏五五同志为第十四届全国政协委员。") == [
        ("柏五五", [("全国政协", "委员", "appointed")])]


def test_removed_from_posts_of_a_bodys_session_with_no_link() -> None:
    assert read("会议通过关于免去韩一国第十四届全国政协常委、某委员会副主任职务的决定。") == [
        ("韩一国", [("全国政协", "常委", "removed"), ("某委员会", "副主任", "removed")])]


def test_several_resign_the_same_post() -> None:
    assert read("张一一、王二二分别提出辞去某常委会委员职务。") == [
        ("张一一", [("某常委会", "委员", "removed")]),
        ("王二二", [("某常委会", "委员", "removed")])]


def test_a_bodys_term_inside_its_name_is_not_part_of_it() -> None:
    raw = "安徽省人大常委会召开会议。\n朱一一提出辞去省十二届人大常委会委员职务。\n"
    (person,) = [p for p in extract(raw)[1].people if p.name == "朱一一"]
    assert [(q.org, q.title) for q in person.posts] == [("安徽省人大常委会", "委员")]


def test_removed_with_no_link_before_an_abbreviated_body() -> None:
    assert read("免去钱五林市某某局副局长职务。") == [
        ("钱五林", [("市某某局", "副局长", "removed")])]


def test_a_profile_in_a_notice_of_cadres_to_be_appointed() -> None:
    text = "孙一峰,男,1975年3月生,汉族,中共党员,现任市某某局副局长,拟任县级正职领导职务。"
    assert read(text) == [("孙一峰", [("市某某局", "副局长", "")])]
    assert read("会议指出,男女平等是基本国策。") == []
