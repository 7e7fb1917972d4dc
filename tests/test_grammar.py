"""The grammar's rules, each on small examples of its own (invented names and places)."""

from __future__ import annotations

import pytest

from kg.gazetteer import gazetteer
from kg.grammar import (
    find_chains,
    find_known,
    find_titled,
    group_lists,
    name_at,
    read_predicate,
    sentences,
    split_org,
    title_at,
)
from kg.model import Span

PLACES = frozenset(gazetteer(2015).names)


@pytest.mark.parametrize(("text", "expected"), [
    ("王小明表示,", "王小明"),
    ("朱红认为,", "朱红"),  # 认为 is a surer boundary than 为
    ("应雄也交流了", "应雄"),  # a name does not end in 也
    ("戴英等认为", "戴英"),
    ("李四、", "李四"),
    ("欧阳春兰表示", "欧阳春兰"),  # a two-character surname
    ("周松宽在发言时", "周松宽"),
    ("蒋基发、", "蒋基发"),  # 发 may end a name
    ("郇卓均提出", "郇卓均"),
    ("王小和,", "王小和"),  # a joining character before punctuation ends the name
    ("王小和丽水市", "王小"),  # … but joins before a name
    ("陶宇向说", "陶宇向"),  # 向 needs an object; 说 is none
    ("武健向等,", "武健向"),
    ("魏向在发言中说", "魏向"),  # no shorter reading, so 向 ends the name
    ("姜主说。", "姜主"),  # 说 follows a name rather than ends one
    ("们认为", ""),  # no surname
    ("共同认为", ""),  # a word, not a name
    ("王", ""),
])
def test_name_at(text: str, expected: str) -> None:
    assert text[: name_at(text, 0)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("常务副主席", "常务副主席"),
    ("党组副书记、", "党组副书记"),
    ("副主任王", "副主任"),
    ("总工会", None),
])
def test_title_at_takes_the_longest(text: str, expected: str | None) -> None:
    assert title_at(text, 0) == expected


def chains(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(ref.name, [(item.org, item.title) for item in ref.items])
            for ref in find_chains(text, 0, len(text), PLACES)]


@pytest.mark.parametrize(("text", "expected"), [
    # a title with no organisation of its own takes the previous one (resolved later)
    ("省总工会党组副书记、巡视员、副主席王三听取发言。",
     [("王三", [("省总工会", "党组副书记"), ("", "巡视员"), ("", "副主席")])]),
    # a chain runs through a comma to its name
    ("文成县政协副主席,县总工会主席刘五说。",
     [("刘五", [("文成县政协", "副主席"), ("县总工会", "主席")])]),
    # several people in a row
    ("桐庐县总工会主席张一、安吉县总工会主席李二等表示,",
     [("张一", [("桐庐县总工会", "主席")]), ("李二", [("安吉县总工会", "主席")])]),
    # names joined by 和 / 及
    ("宁海县总工会主席赵六和象山县总工会主席钱七及遂昌县总工会主席孙八认为",
     [("赵六", [("宁海县总工会", "主席")]), ("钱七", [("象山县总工会", "主席")]),
      ("孙八", [("遂昌县总工会", "主席")])]),
    # words before the organisation are not part of it
    ("大家围绕讲话以及省人大常委会副主任、省总工会主席周九的讲话精神",
     [("周九", [("省人大常委会", "副主任"), ("省总工会", "主席")])]),
    ("这是临海市总工会主席吴十的观点。", [("吴十", [("临海市总工会", "主席")])]),
    ("上午9时,学习组组长、嘉兴市总工会主席郑一宣布开始",
     [("郑一", [("学习组", "组长"), ("嘉兴市总工会", "主席")])]),
    ("工会主席们认为", []),
    ("龙泉、云和等县市总工会主席共同认为", []),
])
def test_find_chains(text: str, expected: list[tuple[str, list[tuple[str, str]]]]) -> None:
    assert chains(text) == expected


def test_chain_keeps_offsets() -> None:
    text = "衢州市总工会主席王五表示"
    (ref,) = find_chains(text, 0, len(text), PLACES)
    assert text[ref.name_span.start:ref.name_span.end] == "王五"
    assert ref.start == 0
    item = ref.items[0]
    assert text[item.org_span.start:item.title_span.end] == "衢州市总工会主席"


@pytest.mark.parametrize(("text", "expected"), [
    ("学习贯彻张大明总书记系列讲话", ["张大明"]),
    ("学习贯彻习总书记重要讲话", []),  # 习 alone is no name
    ("王小二同志说", ["王小二"]),
])
def test_name_before_title(text: str, expected: list[str]) -> None:
    assert [r.name for r in find_titled(text, 0, len(text))] == expected


def test_known_names_are_found_alone_and_not_inside_taken_spans() -> None:
    text = "王爱国说,王爱国的发言"
    refs = find_known(text, 0, len(text), ["王爱国"], [(0, 3)])
    assert [(r.name, r.start) for r in refs] == [("王爱国", 5)]


def test_group_lists_joins_people_by_separators() -> None:
    text = "张一、李二和王三等表示,赵四说"
    refs = find_known(text, 0, len(text), ["张一", "李二", "王三", "赵四"], [])
    runs = group_lists(text, refs)
    assert [[r.name for r in run] for run in runs] == [["张一", "李二", "王三"], ["赵四"]]


def test_sentences_do_not_end_inside_a_quotation() -> None:
    text = "“我们要干。再干。”王五说。下一句。"
    spans = sentences(text, 0, len(text))
    assert [text[s.start:s.end] for s in spans] == ["“我们要干。再干。”王五说。", "下一句。"]


def reading(text: str, names: list[str], previous: str = "") -> tuple[str, str | None]:
    full = previous + text
    start = len(previous)
    refs = find_chains(full, start, len(full), PLACES)
    taken = [(r.start, r.end) for r in refs]
    refs += find_known(full, start, len(full), names, taken)
    (run,) = group_lists(full, refs)
    result = read_predicate(full, Span(start, len(full)), run,
                            Span(0, start) if previous else None)
    quote = full[result.quote.start:result.quote.end] if result.quote else None
    return result.role, quote


@pytest.mark.parametrize(("text", "names", "role", "quote"), [
    ("省总工会副主席王三听取讨论发言。", [], "listener", None),
    ("省总工会副主席王三到学习组参加讨论。", [], "participant", None),
    ("省总工会副主席王三参加讨论。", [], "participant", None),
    ("杭州市总工会主席李四表示,要服务职工。", [], "speaker", "要服务职工"),
    ("杭州市总工会主席李四说:“要服务职工。”", [], "speaker", "要服务职工。"),
    ("“要服务职工。”杭州市总工会主席李四说。", [], "speaker", "要服务职工。"),
    ("李四在发言中说,工会要有为。", ["李四"], "speaker", "工会要有为"),
    ("张一、李二等对工作提出了看法和建议。", ["张一", "李二"], "speaker",
     "对工作提出了看法和建议"),
    ("李四的讲话很好。", ["李四"], "referenced", None),
    ("李四在会上的讲话很好。", ["李四"], "referenced", None),
    ("大家评价李四,很好。", ["李四"], "referenced", None),
])
def test_read_predicate(text: str, names: list[str], role: str, quote: str | None) -> None:
    assert reading(text, names) == (role, quote)


def test_attribution_frame_gives_the_sentence_before() -> None:
    role, quote = reading("这是张一、李二的观点。", ["张一", "李二"], previous="工会要有实力。")
    assert (role, quote) == ("speaker", "工会要有实力。")


@pytest.mark.parametrize(("org", "expected"), [
    ("总工会干部学校", [("总工会", "trade_union"), ("干部学校", "school")]),
    ("人大常委会", [("人大常委会", "people_congress")]),
    ("监狱管理局工会", [("监狱管理局", "government"), ("工会", "trade_union")]),
    ("铁路局杭州办事处工会", [("铁路局", "government"), ("杭州办事处", "other"),
                            ("工会", "trade_union")]),
    ("教育工会", [("教育工会", "trade_union")]),
    ("工人日报社", [("工人日报社", "newspaper")]),
])
def test_split_org(org: str, expected: list[tuple[str, str]]) -> None:
    assert [(piece, kind) for piece, kind, _ in split_org(org)] == expected
