"""The news genre: headlines, bylines, captions, one section about the meeting."""

from __future__ import annotations

from kg.extraction import extract
from kg.extraction.genres import get_genre
from kg.model import Span
from tests.helpers import bylines, posts, quotes

NEWS = get_genre("news")


def test_a_report_without_study_groups_still_reads_people_and_words() -> None:
    ex = extract("杭州市总工会主席王小明表示,要服务职工。\n")[1]
    assert ex.genre == "news"
    assert posts(ex) == {"王小明": {("杭州市总工会", "主席")}}
    (section,) = ex.sections
    assert (section.kind, section.name) == ("body", "")
    assert list(quotes(ex, section).values()) == ["要服务职工"]


def test_headline_subtitle_meeting_byline_and_caption() -> None:
    raw = ("全市工会座谈会召开\n\n——各区代表交流经验\n\n本报讯 记者张三一报道 昨天,"
           "全市工会座谈会召开。西湖区总工会主席王小虎表示,要干实事。\n\n"
           "座谈会现场。记者李四二 摄\n")
    ex = extract(raw, genre="news")[1]
    assert ex.title == "全市工会座谈会召开"
    assert ex.subtitle == "各区代表交流经验"
    assert ex.meeting == "全市工会座谈会"
    (section,) = ex.sections
    assert bylines(ex, section) == [("张三一", "记者", "reporter"),
                                    ("李四二", "记者", "photographer")]
    (caption,) = section.captions
    assert caption.text == "座谈会现场。"


def test_a_photo_credit_without_a_title() -> None:
    text = "大家合影留念。王小明 摄"
    credits, start = NEWS.caption(text, Span(0, len(text))) or ([], -1)
    assert [(c.name, c.title, c.role) for c in credits] == [("王小明", "", "photographer")]
    assert text[:start] == "大家合影留念。"


def test_a_photo_credit_alone_is_a_credit_not_an_empty_caption() -> None:
    for credit in ("王小明 摄", "（王小明 摄）"):
        raw = f"全市工会座谈会召开\n\n本报讯 西湖区总工会主席王小虎出席会议。\n\n{credit}\n"
        (section,) = extract(raw, genre="news")[1].sections
        assert section.captions == ()
        assert ("王小明", "", "photographer") in bylines(extract(raw, genre="news")[1], section)


def test_a_name_with_a_zero_width_space_or_soft_hyphen_in_it_is_read() -> None:
    for invisible in ("\u200b", "\u00ad"):
        ex = extract(f"杭州召开推进会\n\n杭州市副市长齐{invisible}一民出席会议。\n")[1]
        assert posts(ex) == {"齐一民": {("杭州市", "副市长")}}


def test_a_headline_may_end_with_an_exclamation_or_a_question() -> None:
    for title in ("全市工会座谈会召开！", "工会如何服务职工？"):
        ex = extract(f"{title}\n\n本报讯 西湖区总工会主席王小虎出席会议。\n", genre="news")[1]
        assert ex.title == title


def test_marks_for_normalisation() -> None:
    marks = NEWS.marks()
    assert marks.ends == ("摄", "——")  # a photo credit, a kicker
    assert marks.starts[0] == "——" and "本报讯" in marks.starts
    assert marks.alone == ()


def test_news_is_the_fallback_and_recognises_nothing_of_its_own() -> None:
    assert NEWS.fallback
    assert NEWS.score("杭州学习组——\n") == 0


def test_full_width_and_ascii_punctuation_read_alike() -> None:
    wide = "本报讯（记者　张三一）杭州市总工会主席王小虎表示，要干实事。\n"
    narrow = "本报讯(记者 张三一)杭州市总工会主席王小虎表示,要干实事。\n"
    got = [extract(raw, genre="news")[1] for raw in (wide, narrow)]
    assert posts(got[0]) == posts(got[1]) == {"王小虎": {("杭州市总工会", "主席")}, "张三一": set()}
    assert bylines(got[0], got[0].sections[0]) == [("张三一", "记者", "reporter")]
    # what is read out is given back as the report writes it
    assert list(quotes(got[0], got[0].sections[0]).values()) == ["要干实事"]
    wide_quote = "杭州市总工会主席王小虎说：“好，很好。”\n"
    ex = extract(wide_quote)[1]
    assert list(quotes(ex, ex.sections[0]).values()) == ["好，很好。"]


def test_a_kicker_is_no_title_and_a_headline_names_people_too() -> None:
    raw = ("聚焦全市两会——\n\n王小明副市长调研工业园区\n\n本报讯 记者张三一报道 昨天,"
           "王小明到园区调研。\n")
    ex = extract(raw)[1]
    assert ex.genre == "news"  # the kicker's —— is no study group's header
    assert ex.title == "王小明副市长调研工业园区"
    assert "王小明" in posts(ex)
