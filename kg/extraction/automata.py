"""Aho-Corasick automata (pyahocorasick) over the words kg knows: every occurrence of any of
thousands of words in one pass over a text, instead of a search for each word."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ahocorasick


def automaton(entries: Iterable[tuple[str, Any]]) -> ahocorasick.Automaton:
    """An automaton of the ``(word, value)`` entries: ``iter(text)`` gives ``(index of the
    word's last character, value)`` for each occurrence. With no entries it finds nothing."""
    built = ahocorasick.Automaton()
    for word, value in entries:
        built.add_word(word, value)
    if len(built):
        built.make_automaton()
    return built


def occurrences(built: ahocorasick.Automaton, text: str) -> Iterable[tuple[int, Any]]:
    """Each occurrence in ``text``: (last character's index, value); none if it is empty."""
    return built.iter(text) if len(built) else ()


#: The automaton's type, for annotations.
Automaton = ahocorasick.Automaton
