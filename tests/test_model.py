"""The data passed between stages: offsets back to the file, a report's key."""

from __future__ import annotations

from kg.extraction import read_text
from kg.model import Report, Span
from kg.reading import normalise


def test_raw_span_of_an_empty_span_is_where_it_stands() -> None:
    text = normalise("甲乙\n\n丙丁")
    assert text.raw_span(Span(1, 1)) == (1, 1)
    assert text.raw_span(Span(len(text.text), len(text.text))) == (len(text.raw),) * 2


def test_a_reports_key_is_a_digest_of_its_text(transcript: str) -> None:
    one, two = read_text(transcript, name="a.txt"), read_text(transcript, name="b.txt")
    assert one.key == two.key and len(one.key) == 12
    assert isinstance(one, Report)
