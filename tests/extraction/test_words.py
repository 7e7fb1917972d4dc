"""The general grammar, typed, from its data file."""

from __future__ import annotations

import pytest

from kg.errors import DataError
from kg.extraction import words
from kg.extraction.words import grammar


def test_the_grammar_loads_typed() -> None:
    g = grammar()
    assert "表示" in g.boundary_words and "表示" in g.boundary_multi
    assert "说" not in g.boundary_multi
    assert g.province_abbreviation == "省"
    zones = list(g.development_zones)
    assert zones == sorted(zones, key=len, reverse=True)


def test_a_list_too_many_or_too_few_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words, "read_toml", lambda *parts: {"boundary_words": []})
    words.grammar.cache_clear()
    try:
        with pytest.raises(DataError, match="grammar.toml"):
            words.grammar()
    finally:
        monkeypatch.undo()
        words.grammar.cache_clear()
