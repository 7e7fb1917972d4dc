"""Paragraphs and sentences."""

from __future__ import annotations

from kg.extraction.segments import paragraphs, sentences


def test_sentences_do_not_end_inside_a_quotation() -> None:
    text = "“我们要干。再干。”王五说。下一句。"
    spans = sentences(text, 0, len(text))
    assert [text[s.start:s.end] for s in spans] == ["“我们要干。再干。”王五说。", "下一句。"]


def test_paragraphs_are_lines() -> None:
    text = "第一段。\n\n第二段"
    assert [text[s.start:s.end] for s in paragraphs(text)] == ["第一段。", "第二段"]
