"""Facts of written Chinese that every stage shares: Han characters, punctuation, width.

Reports write punctuation full-width (，：（）) or ASCII (, : ( )) alike; normalisation
folds the full-width forms to ASCII (:func:`fold`, one character for one, so offsets hold),
and the classes below are stated in the folded forms. Each is stated here once; the stages
compose what they need from it.
"""

from __future__ import annotations

import re
import unicodedata

#: Marks that end a sentence.
FULL_STOPS = "。!?"
#: Marks that end a clause the way a full stop ends a sentence.
CLAUSE_STOPS = ";"
#: Closing quotation marks.
CLOSING_QUOTES = "”’」』"
#: A line of a paragraph that ends in one of these ends the paragraph.
PARAGRAPH_ENDS = FULL_STOPS + "…" + CLAUSE_STOPS + CLOSING_QUOTES
#: Where a sentence ends (a line break always ends one).
SENTENCE_ENDS = FULL_STOPS + CLAUSE_STOPS + "\n"
#: Characters a segment of a chain of posts cannot run across.
DELIMITERS = "、,;:“”‘’「」()\n。!?…《》 "
#: What stands between the names of a list of people: "甲、乙和丙".
LIST_JOINERS = ("以及", "、", ",", "和", "及", "与", " ")
#: Full-width forms and their ASCII: U+FF01–U+FF5E (！ to ～), and the ideographic space.
_FOLD = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000]")
#: The full-width form of each ASCII mark (! → ！).
WIDE_FORMS = {narrow: wide for wide, narrow in _FOLD.items() if wide != "\u3000"}


#: The CJK ideographs' blocks: the unified ideographs and extension A, first and last.
HAN_BLOCKS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))
#: The same, as a regular expression's character class holds them.
HAN_RANGES = "".join(f"{chr(first)}-{chr(last)}" for first, last in HAN_BLOCKS)


def is_han(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph (of :data:`HAN_BLOCKS`, written out: it is called
    for nearly every character read)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def fold(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII, the ideographic space as a space:
    "本报讯（记者　王一）" → "本报讯(记者 王一)". One character for one."""
    return _FOLDABLE.sub(_folded, text)  # a few marks to fold: faster than str.translate


def _folded(match: re.Match[str]) -> str:
    return _FOLD[match[0]]


def any_width(marks: str) -> str:
    """The marks with their full-width forms: ``any_width("。!")`` is ``"。!！"``."""
    return marks + "".join(WIDE_FORMS[c] for c in marks if c in WIDE_FORMS)


def display_width(text: str) -> int:
    """How many terminal columns a string takes.

    Wide and fullwidth characters (CJK) count 2, combining marks and format characters 0, all
    others 1.
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
