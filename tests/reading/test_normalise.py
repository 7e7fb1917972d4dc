from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import Span
from kg.reading import Marks, normalise
from kg.reading.normalise import is_wrapped

# A study meeting's marks: a group's header stands alone, a photo credit ends a block, a
# subtitle or a byline starts one.
MARKS = Marks(alone=("——",), ends=("摄",), starts=("——", "本报讯", "本报"))


@pytest.mark.parametrize(("raw", "expected"), [
    ("主席沈建\n\n平,都提出", "主席沈建平,都提出"),  # a name cut by the layout
    ("改革工\n会工作", "改革工会工作"),
    ("是一份报告,\n\n更是一份", "是一份报告,更是一份"),  # a comma does not end a paragraph
    ("第一段。\n\n第二段", "第一段。\n第二段"),  # a full stop does
    ("“好。”\n\n下一段", "“好。”\n下一段"),
    ("杭州学习组——\n\n标题\n\n本报讯 记者甲报道", "杭州学习组——\n标题\n本报讯 记者甲报道"),
    ("大标题\n\n——副标题", "大标题\n——副标题"),
    ("听取发言。记者王五 摄\n\n宁波学习组——", "听取发言。记者王五 摄\n宁波学习组——"),
    ("甲,乙:丙;丁?戊!", "甲,乙:丙;丁?戊!"),  # ASCII punctuation reads as full-width
    ("共1,000人,9:30开始", "共1,000人,9:30开始"),  # not between digits
    ("  \u3000缩进的段落。  \n\n", "缩进的段落。"),
])
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw, MARKS, wrapped=True).text == expected


def test_a_text_shows_whether_its_layout_cut_its_lines() -> None:
    cut = "这是一段很长的文字,它在版面上被切断了,下一行接着写完这个句子的后半部分" + "呢" * 5
    assert is_wrapped([cut, "后半部分。"], MARKS)
    assert not is_wrapped(["一段完整的话。", "图片说明一行", "下一段。"], MARKS)
    # unwrapped, a caption line without a full stop stays a paragraph of its own
    assert normalise("某集团董事长王小明\n\n王小明表示,很好。", MARKS).text == \
        "某集团董事长王小明\n王小明表示,很好。"


def test_without_marks_only_full_stops_end_a_paragraph() -> None:
    assert normalise("杭州学习组——\n\n标题\n\n本报讯 记者甲报道", wrapped=True).text == \
        "杭州学习组——标题本报讯 记者甲报道"
    assert normalise("第一段。\n\n第二段").text == "第一段。\n第二段"


def test_offsets_point_back_into_the_raw_text() -> None:
    raw = "开化县总工会主席沈建\n\n平,都提出"
    text = normalise(raw, MARKS, wrapped=True)
    start = text.text.index("沈建平")
    assert text.raw_text(Span(start, start + 3)) == "沈建\n\n平"
    assert text.raw_span(Span(start, start + 3)) == (raw.index("沈建"), raw.index("平") + 1)


@given(st.text(alphabet="甲乙丙。,, \n——本报讯摄“”", max_size=60))
def test_normalising_is_idempotent(raw: str) -> None:
    once = normalise(raw, MARKS).text
    assert normalise(once, MARKS).text == once


@given(st.text(alphabet="甲乙丙丁。,, \n“”", max_size=60))
def test_every_character_maps_to_its_source(raw: str) -> None:
    text = normalise(raw)
    assert len(text.offsets) == len(text.text)
    for char, offset in zip(text.text, text.offsets, strict=True):
        if char != "\n":
            assert raw[offset] in (char, ",", ":", ";", "?", "!", "(", ")")
    assert list(text.offsets) == sorted(text.offsets)


def test_full_width_punctuation_reads_as_ascii_and_is_given_back_as_written() -> None:
    raw = "本报讯（记者　王一）杭州市总工会主席李二表示，要干实事！"
    text = normalise(raw, MARKS)
    assert text.text == "本报讯(记者 王一)杭州市总工会主席李二表示,要干实事!"
    assert text.original(Span(0, len(text.text))) == raw
    assert len(text.text) == len(raw)  # one character for one: offsets hold


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u200d", "\u2060", "\ufeff",
                                       "\u200e", "\u202b"])
def test_a_character_that_shows_nothing_is_read_as_not_there(invisible: str) -> None:
    raw = f"杭州市副市长齐{invisible}一民出席会议。"
    text = normalise(raw)
    assert text.text == "杭州市副市长齐一民出席会议。"
    name = Span(6, 9)
    assert text.original(name) == "齐一民"
    begin, end = text.raw_span(name)
    assert raw[begin:end] == f"齐{invisible}一民"  # the source span is the file's, as written
