"""The ``news`` genre: a news report on officials, as papers and official sites write it.

Headline lines (and a subtitle after ——) come first; the rest is the report's one section,
about the meeting the headlines name. A paragraph that starts with 本报讯 credits reporters
("本报讯 记者X 见习记者Y报道"); one that ends with 摄 is a photo's caption and credit
("……记者X 摄"). Other genres extend it: :meth:`News.header` opens sections of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kg.chinese import FULL_STOPS
from kg.extraction.genres.base import Credit, Genre, Layout, SectionLayout
from kg.extraction.genres.credits import CreditWords, byline, caption
from kg.extraction.genres.registry import genre
from kg.extraction.segments import paragraphs
from kg.model import Caption, Span, Text
from kg.reading import Marks

_HEADING_CHARS = 60  # a heading line is no longer than this and has no full stop


@dataclass(slots=True)
class _Draft:
    """A section while its paragraphs are read."""

    name: str | None
    span: Span
    headline: str | None = None
    body: list[Span] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)

    def done(self) -> SectionLayout:
        kind = "body" if self.name is None else "discussion"
        return SectionLayout(kind, self.name, self.span, self.headline, tuple(self.body),
                             tuple(self.credits), tuple(self.captions))


@genre("news")
class News(Genre):
    """A news report: headline, byline, paragraphs, photo captions."""

    fallback = True

    @cached_property
    def subtitle_mark(self) -> str:
        """A heading line that starts with this is the subtitle (——)."""
        return self.words.mark("subtitle_mark")

    @cached_property
    def photo_mark(self) -> str:
        """A paragraph that ends with this is a photo's credit (摄)."""
        return self.words.mark("photo_mark")

    @cached_property
    def byline_titles(self) -> tuple[str, ...]:
        """The titles credits give (记者, 见习记者 …), longest first."""
        return tuple(sorted(self.words.words("layout", "byline_titles"), key=len, reverse=True))

    def marks(self) -> Marks:
        """A photo credit ends a block; a subtitle or a byline starts one."""
        starts = self.words.words("layout", "byline_starts")
        return Marks(ends=(self.photo_mark, self.subtitle_mark),  # a kicker ends in ——
                     starts=(self.subtitle_mark, *starts), short=starts + self.byline_titles)

    def header(self, line: str) -> str | None:
        """The name of the section a line opens as its header (news has no such lines)."""
        return None

    def layout(self, text: Text) -> Layout:
        """Headings, then sections with their bylines, captions and paragraphs."""
        heads: list[Span] = []
        drafts: list[_Draft] = []
        body = text.text
        for para in paragraphs(body):
            line = body[para.start:para.end]
            name = self.header(line) and self.header(text.punctuated(para))  # a group kg
            if name is not None:  # names, as it names organisations
                drafts.append(_Draft(name, para))
                continue
            if not drafts:
                if len(line) <= _HEADING_CHARS and self.byline(body, para) is None and \
                        not any(c in line.rstrip("!?") for c in FULL_STOPS):  # 会议召开!
                    heads.append(para)
                    continue
                drafts.append(_Draft(None, para))
            self._read_paragraph(text, para, drafts[-1])
        if drafts and drafts[0].name is None:  # a person named only in a headline counts
            drafts[0].body[:0] = heads
        return Layout(*self._headings([text.original(head) for head in heads]),
                      meeting=self.meeting(heads, text),
                      sections=tuple(d.done() for d in drafts))

    def _headings(self, lines: list[str]) -> tuple[str, str | None]:
        """The title (not a kicker: a line ending in —— before it) and the subtitle (——…)."""
        mark = self.subtitle_mark
        titles = [h for h in lines if not (mark and (h.endswith(mark) or h.startswith(mark)))]
        title = titles[0] if titles else (lines[0] if lines else "")
        subtitle = next((h for h in lines[1:] if mark and h.startswith(mark)), None)
        return title, subtitle.lstrip(mark[:1]).strip() if subtitle else None

    def _read_paragraph(self, text: Text, para: Span, draft: _Draft) -> None:
        body = text.text
        line = body[para.start:para.end]
        draft.span = Span(draft.span.start, para.end)
        byline = self.byline(body, para)
        if byline:
            draft.credits.extend(byline[0])
            para = Span(byline[1], para.end)
        elif (draft.name and draft.headline is None and not draft.body
              and len(line) <= _HEADING_CHARS and not any(c in line for c in FULL_STOPS + ",")):
            draft.headline = text.original(para).strip()
            return
        caption = self.caption(body, para)
        if caption:
            draft.credits.extend(caption[0])
            words = text.original(Span(para.start, caption[1])).strip()
            if words:  # a credit alone ("王五 摄") credits the photographer, with no caption
                draft.captions.append(Caption(words, Span(para.start, caption[1])))
            para = Span(para.start, caption[1])
        draft.body.append(para)

    @cached_property
    def credit_words(self) -> CreditWords:
        """The words of bylines and photo credits."""
        return CreditWords(self.words.words("layout", "byline_starts"),
                           self.words.words("layout", "byline_ends"), self.byline_titles,
                           self.photo_mark)

    def byline(self, text: str, para: Span) -> tuple[list[Credit], int] | None:
        """Reporters credited at the start of a paragraph, and where the rest starts."""
        return byline(text, para, self.credit_words)

    def caption(self, text: str, para: Span) -> tuple[list[Credit], int] | None:
        """A photo credit ending a paragraph ("记者X 摄"), and where the caption ends."""
        return caption(text, para, self.credit_words)

    @cached_property
    def _meeting_pattern(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in self.words.words("meeting", "words"))
        return re.compile(rf"[\u4e00-\u9fff]{{2,20}}?(?:{words})")

    def meeting(self, heads: list[Span], text: Text) -> str | None:
        """The meeting the report is about: the first "…座谈会" (会议, 大会 …) in its title."""
        if not self.words.words("meeting", "words"):
            return None
        for span in [*heads, Span(0, min(400, len(text.text)))]:
            line = text.text[span.start:span.end]
            start = span.start + len(line) - len(line.lstrip("—"))
            match = self._meeting_pattern.search(text.text, start, span.end)
            if match:
                return text.original(Span(match.start(), match.end()))
        return None
