"""Pinyin labels: of a person (the surname read as a surname), a place, a title, any name."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pypinyin import Style, lazy_pinyin

from kg.extraction.gazetteer import divisions
from kg.extraction.lexicon import surnames


@lru_cache(maxsize=65536)  # the same names again and again, report after report
def plain(text: str) -> str:
    """Toneless syllables, one word each: 常务副主席 → chang wu fu zhu xi."""
    return " ".join(lazy_pinyin(text, style=Style.NORMAL))


@lru_cache(maxsize=65536)
def with_tones(text: str) -> str:
    """Syllables with tone numbers, one word each: 庭长 → ting2 zhang3."""
    return " ".join(lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True))


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """The first letter of each syllable: 杭州市总工会 → hzszgh."""
    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER))


@lru_cache(maxsize=65536)
def person(name: str) -> str:
    """A person's name as pinyin, surname first: 曾小明 → Zeng Xiaoming (曾 as a surname)."""
    if not name:
        return ""
    table = surnames()
    size = 2 if name[:2] in table else 1
    family = table.get(name[:size], "") or syllables(name[:size])
    return f"{family.capitalize()} {syllables(name[size:]).capitalize()}".strip()


@lru_cache(maxsize=65536)
def syllables(text: str) -> str:
    """Pinyin syllables run together, with an apostrophe where a syllable starts with a vowel."""
    out = ""
    for syllable in lazy_pinyin(text, style=Style.NORMAL):
        out += ("'" if out and syllable[:1] in "aoe" else "") + syllable
    return out


@lru_cache(maxsize=65536)
def place(label: str) -> str:
    """A place's name, a word for each name and kind: 杭州市西湖区 → Hangzhou Shi Xihu Qu."""
    division, kind = _division_patterns()
    words = []
    for match in division.finditer(label):
        part = match.group(0)
        found = kind.search(part, 2)  # a name has two characters at least
        cut = found.start() if found else len(part)
        for piece in (part[:cut], part[cut:]):
            if piece:
                words.append(syllables(piece).capitalize())
    return " ".join(words)


@lru_cache(maxsize=65536)
def within(label: str, city: str, short: str) -> str:
    """A name that starts with its city's: 杭州高新区 (杭州市, 杭州) → Hangzhou Gaoxinqu,
    杭州市经济技术开发区 → Hangzhou Shi Jingjijishukaifaqu."""
    for prefix in (city, short):
        if prefix and label.startswith(prefix) and len(label) > len(prefix):
            head = place(prefix) if prefix == city else syllables(prefix).capitalize()
            return f"{head} {syllables(label[len(prefix):]).capitalize()}"
    return syllables(label).capitalize()


@cache
def _division_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    kinds = "|".join(re.escape(s) for s in divisions().suffixes)
    return (re.compile(rf".+?(?:{kinds})|.+$"),
            re.compile(rf"(?:[\u4e00-\u9fff]{{1,3}}族)*(?:{kinds})$"))
